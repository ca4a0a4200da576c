// Turns a decoded snapshot into offerings whose ages are measured at a given time.
import { ageSeconds } from '../clock.ts';
import { CatalogError } from '../errors.ts';
import type { CloudName, Offering } from '../types.ts';
import type { Snapshot } from './format.ts';

/** When each cloud's snapshot prices were generated (ms since epoch). */
export function pricedAtByCloud(snapshot: Snapshot): Map<CloudName, number> {
  const fallback = Date.parse(snapshot.createdAt);
  const out = new Map<CloudName, number>();
  for (const s of snapshot.sources) {
    const at = Date.parse(s.pricesAsOf);
    out.set(s.cloud, Number.isNaN(at) ? fallback : at);
  }
  return out;
}

export function snapshotOfferings(snapshot: Snapshot, nowMs: number): Offering[] {
  const pricedAt = pricedAtByCloud(snapshot);
  const created = Date.parse(snapshot.createdAt);
  if (Number.isNaN(created)) throw new CatalogError(`catalog snapshot has a bad createdAt "${snapshot.createdAt}"`);
  const ages = new Map([...pricedAt].map(([cloud, at]) => [cloud, ageSeconds(at, nowMs)]));
  const fallbackAge = ageSeconds(created, nowMs);
  return snapshot.rows.map((r) => ({
    cloud: r.cloud,
    region: r.region,
    zone: r.zone,
    instanceType: r.instanceType,
    arch: r.arch,
    vcpus: r.vcpus,
    memoryGiB: r.memoryGiB,
    gpuName: r.gpuName,
    gpuCount: r.gpuCount,
    gpuMemoryGiB: r.gpuMemoryGiB,
    onDemandPricePerHour: r.onDemandPricePerHour,
    spotPricePerHour: r.spotPricePerHour,
    source: 'snapshot' as const,
    ageSeconds: ages.get(r.cloud) ?? fallbackAge,
  }));
}
