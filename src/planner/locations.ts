// The places nodes may go: the main region (location `main`) and each EdgeLocation.
import type { CloudName } from '../catalog/types.ts';
import type { EdgeLocation } from '../apis/index.ts';

export const MAIN_LOCATION = 'main';

export interface PlanLocation {
  name: string;
  cloud: CloudName;
  region: string;
  zones?: string[];
  edge: boolean;
}

/** Main first, then edge locations by name. */
export function planLocations(
  main: { cloud: CloudName; region: string },
  edgeLocations: readonly EdgeLocation[],
): PlanLocation[] {
  const edges = [...edgeLocations]
    .sort((a, b) => compareStrings(a.metadata.name, b.metadata.name))
    .map((e) => ({
      name: e.metadata.name,
      cloud: e.spec.cloud,
      region: e.spec.region,
      edge: true,
      ...(e.spec.zones && e.spec.zones.length > 0 ? { zones: [...e.spec.zones] } : {}),
    }));
  return [{ name: MAIN_LOCATION, cloud: main.cloud, region: main.region, edge: false }, ...edges];
}

/** Code-unit order, independent of locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
