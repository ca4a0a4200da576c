// A small in-test Catalog over an offering array (the fake of the catalog interface).
import type { Catalog, CloudName, Offering, OfferingQuery } from '../../../src/catalog/types.ts';

function cheapest(o: Offering): number {
  const prices = [o.spotPricePerHour, o.onDemandPricePerHour].filter((p): p is number => p !== null);
  return prices.length ? Math.min(...prices) : Infinity;
}

function inLocations(o: Offering, q: OfferingQuery): boolean {
  if (!q.locations) return true;
  return q.locations.some(
    (l) =>
      l.cloud === o.cloud &&
      l.region === o.region &&
      (!l.zones || l.zones.length === 0 || l.zones.includes(o.zone)),
  );
}

export function fakeCatalog(offerings: Offering[]): Catalog {
  const sorted = [...offerings].sort(
    (a, b) =>
      cheapest(a) - cheapest(b) ||
      a.cloud.localeCompare(b.cloud) ||
      a.region.localeCompare(b.region) ||
      a.zone.localeCompare(b.zone) ||
      a.instanceType.localeCompare(b.instanceType),
  );
  return {
    query: (q) =>
      sorted.filter(
        (o) =>
          inLocations(o, q) &&
          (q.cloud === undefined || q.cloud === o.cloud) &&
          (q.region === undefined || q.region === o.region) &&
          (q.arch === undefined || q.arch === o.arch),
      ),
    regions: (cloud: CloudName) => {
      const zones = new Map<string, Set<string>>();
      for (const o of sorted.filter((x) => x.cloud === cloud)) {
        const set = zones.get(o.region) ?? new Set<string>();
        if (o.zone) set.add(o.zone);
        zones.set(o.region, set);
      }
      return [...zones].map(([region, z]) => ({ region, zones: [...z].sort() }));
    },
    gpuNames: () => [...new Set(sorted.map((o) => o.gpuName).filter(Boolean))].sort(),
    counts: () => {
      const out: Record<CloudName, number> = { aws: 0, gcp: 0, azure: 0, oci: 0 };
      for (const o of sorted) out[o.cloud]++;
      return out;
    },
  };
}

/** An offering with sensible defaults; override what the test is about. */
export function offering(partial: Partial<Offering> & Pick<Offering, 'instanceType'>): Offering {
  return {
    cloud: 'aws',
    region: 'us-east-1',
    zone: 'us-east-1a',
    arch: 'amd64',
    vcpus: 2,
    memoryGiB: 8,
    gpuName: '',
    gpuCount: 0,
    gpuMemoryGiB: 0,
    onDemandPricePerHour: 0.1,
    spotPricePerHour: 0.03,
    source: 'snapshot',
    ageSeconds: 0,
    ...partial,
  };
}
