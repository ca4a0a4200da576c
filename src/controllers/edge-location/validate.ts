// Spec checks against the catalog, shared by the controller (→ Failed) and the CLI (→ usage error).
import { closestNames, type Catalog } from '../../catalog/index.ts';
import type { EdgeLocationSpec } from '../../apis/index.ts';

export const EDGE_CLOUDS = ['aws', 'gcp', 'oci'] as const;
export type EdgeCloud = (typeof EDGE_CLOUDS)[number];

export interface ResolvedPlace {
  cloud: EdgeCloud;
  region: string;
  /** The zones asked for, or every zone the catalog knows for the region. */
  zones: string[];
}

type Spec = Pick<EdgeLocationSpec, 'cloud' | 'region' | 'zones'>;

/** Problems with a place, one line per field (`spec.region: …`); [] when it is fine. */
export function checkPlace(spec: { cloud: string; region: string; zones?: string[] }, catalog: Catalog): string[] {
  if (!(EDGE_CLOUDS as readonly string[]).includes(spec.cloud)) {
    return [`spec.cloud: unknown cloud "${spec.cloud}" (one of ${EDGE_CLOUDS.join(', ')})`];
  }
  const regions = catalog.regions(spec.cloud as EdgeCloud);
  const region = regions.find((r) => r.region === spec.region);
  if (!region) {
    const close = closestNames(spec.region, regions.map((r) => r.region));
    return [`spec.region: "${spec.region}" is not a ${spec.cloud} region${close.length ? `; closest: ${close.join(', ')}` : ''}`];
  }
  return (spec.zones ?? []).flatMap((zone, i) =>
    region.zones.includes(zone)
      ? []
      : [`spec.zones[${i}]: zone "${zone}" is not in ${spec.region} (zones: ${region.zones.join(', ') || 'none known'})`],
  );
}

/** The place with its zones filled in; throws with the problems when it is not valid. */
export function resolvePlace(spec: Spec, catalog: Catalog): ResolvedPlace {
  const problems = checkPlace(spec, catalog);
  if (problems.length > 0) throw new PlaceError(problems);
  const zones = spec.zones?.length ? spec.zones : (catalog.regions(spec.cloud).find((r) => r.region === spec.region)?.zones ?? []);
  return { cloud: spec.cloud, region: spec.region, zones };
}

export class PlaceError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('; '));
    this.name = 'PlaceError';
    this.problems = problems;
  }
}
