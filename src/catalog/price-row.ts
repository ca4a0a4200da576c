// The stable JSON contract of one priced offering, as `omni prices -o json` and the HTTP API print it.
import { priceKeyFor, rankPrice } from './query-filter.ts';
import type { Lifecycle, Offering } from './types.ts';

export interface PriceRow {
  cloud: string;
  region: string;
  zone: string;
  instanceType: string;
  arch: string;
  vcpus: number;
  memoryGiB: number;
  gpuName: string;
  gpuCount: number;
  onDemandPricePerHour: number | null;
  spotPricePerHour: number | null;
  /** The ranked price (lifecycle's, else the cheaper) divided by GPU count; null without GPUs. */
  pricePerGpuHour: number | null;
  source: string;
  ageSeconds: number;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export function toPriceRow(o: Offering, lifecycle?: Lifecycle): PriceRow {
  const price = rankPrice(o, priceKeyFor(lifecycle));
  return {
    cloud: o.cloud,
    region: o.region,
    zone: o.zone,
    instanceType: o.instanceType,
    arch: o.arch,
    vcpus: o.vcpus,
    memoryGiB: o.memoryGiB,
    gpuName: o.gpuName,
    gpuCount: o.gpuCount,
    onDemandPricePerHour: o.onDemandPricePerHour,
    spotPricePerHour: o.spotPricePerHour,
    pricePerGpuHour: o.gpuCount > 0 && price !== null ? round(price / o.gpuCount) : null,
    source: o.source,
    ageSeconds: o.ageSeconds,
  };
}
