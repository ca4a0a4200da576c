// The four simulated clouds of the embedded world, built from one catalog, clock and seed.

import type { Catalog, CloudName } from '../../catalog/types.ts';
import { CLOUDS } from '../../catalog/types.ts';
import { SimCloud } from './cloud.ts';
import type { SimCloudOptions } from './cloud.ts';

export type SimClouds = Record<CloudName, SimCloud>;

export type SimWorldOptions = Omit<SimCloudOptions, 'cloud' | 'catalog'> & {
  catalog: Catalog;
  /** Per-cloud overrides (capacity rules, notice periods…). */
  perCloud?: Partial<Record<CloudName, Partial<SimCloudOptions>>>;
};

export function createSimClouds(opts: SimWorldOptions): SimClouds {
  const seed = opts.seed ?? 1;
  const build = (cloud: CloudName, i: number) =>
    new SimCloud({ ...opts, ...opts.perCloud?.[cloud], cloud, seed: seed * 31 + i });
  return Object.fromEntries(CLOUDS.map((c, i) => [c, build(c, i)])) as SimClouds;
}

/** Brings every simulated cloud up to the clock (boots, interruptions, reclaims). */
export async function tickAll(clouds: SimClouds): Promise<void> {
  for (const c of CLOUDS) await clouds[c].tick();
}
