// Spot prices that drift: every interval each offering's Spot price moves to a new seeded value
// around its catalog price, never above On-Demand. A pure function of (seed, offering, step), so it
// does not depend on the order in which prices are read.

import type { Offering } from '../../catalog/types.ts';
import type { Lifecycle } from '../types.ts';

export interface PriceDriftOptions {
  seed: number;
  startedAt: number;
  intervalMs: number;
  /** Largest relative move away from the catalog Spot price, e.g. 0.15 = ±15 %. */
  fraction: number;
  drifts: boolean;
}

/** FNV-1a of a string, mapped to [0, 1). */
export function hashUnit(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 4294967296;
}

export function priceAt(
  offering: Offering,
  lifecycle: Lifecycle,
  now: number,
  opts: PriceDriftOptions,
): number | null {
  if (lifecycle === 'on-demand') return offering.onDemandPricePerHour;
  const base = offering.spotPricePerHour;
  if (base === null) return null;
  if (!opts.drifts || opts.intervalMs <= 0) return base;
  const step = Math.floor((now - opts.startedAt) / opts.intervalMs);
  if (step <= 0) return base;
  const key = `${opts.seed}|${offering.region}|${offering.zone}|${offering.instanceType}|${step}`;
  const drifted = base * (1 + opts.fraction * (2 * hashUnit(key) - 1));
  const ceiling = offering.onDemandPricePerHour ?? Infinity;
  return Math.round(Math.min(drifted, ceiling) * 1e6) / 1e6;
}
