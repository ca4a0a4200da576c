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
  return snapshot.rows.map((row) => ({
    ...row,
    source: 'snapshot',
    ageSeconds: ageSeconds(pricedAt.get(row.cloud) ?? created, nowMs),
  }));
}
