// Checks that need more than one object (or the catalog's regions): each returns problems, [] when fine.
import type { EdgeLocation } from './edge-location.ts';
import type { NodeTemplate } from './node-template.ts';
import { problem } from './errors.ts';

export type CloudRegions = (cloud: 'aws' | 'gcp' | 'azure' | 'oci') => { region: string; zones: string[] }[];

/** Every EdgeLocation a NodeTemplate names must exist. */
export function checkEdgeLocationRefs(
  templates: readonly NodeTemplate[],
  edgeLocations: readonly EdgeLocation[],
): string[] {
  const known = new Set(edgeLocations.map((e) => e.metadata.name));
  const problems: string[] = [];
  for (const t of templates) {
    t.spec.edgeLocations.forEach((name, i) => {
      if (!known.has(name)) {
        problems.push(
          problem(
            'NodeTemplate',
            t.metadata.name,
            `spec.edgeLocations[${i}]`,
            `EdgeLocation "${name}" does not exist`,
          ),
        );
      }
    });
  }
  return problems;
}

/** An EdgeLocation's region must be one the catalog knows for its cloud, and its zones must be in that region. */
export function checkEdgeLocationZones(location: EdgeLocation, regionsOf: CloudRegions): string[] {
  const name = location.metadata.name;
  const regions = regionsOf(location.spec.cloud);
  const region = regions.find((r) => r.region === location.spec.region);
  if (!region) {
    return [
      problem(
        'EdgeLocation',
        name,
        'spec.region',
        `"${location.spec.region}" is not a ${location.spec.cloud} region`,
      ),
    ];
  }
  return (location.spec.zones ?? []).flatMap((zone, i) =>
    region.zones.includes(zone)
      ? []
      : [
          problem(
            'EdgeLocation',
            name,
            `spec.zones[${i}]`,
            `zone "${zone}" is not in region ${region.region}`,
          ),
        ],
  );
}

/**
 * A NodeTemplate's `constraints.azs` must each be a zone of a region the template may use:
 * the main region (when mainRegion) or one of its edge locations' regions.
 */
export function checkTemplateZones(
  template: NodeTemplate,
  places: {
    main: { cloud: 'aws' | 'gcp' | 'azure' | 'oci'; region: string };
    edgeLocations: readonly EdgeLocation[];
  },
  regionsOf: CloudRegions,
): string[] {
  const allowed = new Set<string>();
  const addZones = (cloud: 'aws' | 'gcp' | 'azure' | 'oci', region: string): void => {
    for (const z of regionsOf(cloud).find((r) => r.region === region)?.zones ?? []) allowed.add(z);
  };
  if (template.spec.mainRegion) addZones(places.main.cloud, places.main.region);
  for (const e of places.edgeLocations) {
    if (template.spec.edgeLocations.includes(e.metadata.name)) addZones(e.spec.cloud, e.spec.region);
  }
  return template.spec.constraints.azs.flatMap((zone, i) =>
    allowed.has(zone)
      ? []
      : [
          problem(
            'NodeTemplate',
            template.metadata.name,
            `spec.constraints.azs[${i}]`,
            `zone "${zone}" is not in the main region or any of the template's edge locations`,
          ),
        ],
  );
}
