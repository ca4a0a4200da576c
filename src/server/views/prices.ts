// The price explorer: the `omni prices` query over HTTP, plus the cheapest price per GPU-hour by location.
import {
  CLOUDS,
  CatalogError,
  toPriceRow,
  type Arch,
  type Catalog,
  type CloudName,
  type Lifecycle,
  type OfferingQuery,
  type PriceRow,
} from '../../catalog/index.ts';
import type { PriceByLocation } from '../api-types.ts';
import { HttpError } from '../http.ts';

export interface PricesView {
  rows: PriceRow[];
  byLocation: PriceByLocation[];
}

function num(params: URLSearchParams, key: string, integer = false): number | undefined {
  const v = params.get(key);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n)))
    throw new HttpError(400, 'BadRequest', `${key}: expected ${integer ? 'a whole number' : 'a number'} ≥ 0`);
  return n;
}

function oneOf<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T | undefined {
  const v = params.get(key);
  if (v === null || v === '') return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new HttpError(400, 'BadRequest', `${key}: expected one of ${allowed.join(', ')}`);
  return v as T;
}

const ARCHES: Record<string, Arch> = { amd64: 'amd64', x86_64: 'amd64', arm64: 'arm64', aarch64: 'arm64' };

/** Query parameters named like `omni prices` flags: gpu, gpuCount, minCpu, minMemory, arch, cloud, region, lifecycle, maxPrice, limit. */
export function priceQuery(params: URLSearchParams): OfferingQuery {
  const arch = oneOf(params, 'arch', Object.keys(ARCHES));
  const limit = num(params, 'limit', true) ?? 50;
  return {
    gpuName: params.get('gpu') || undefined,
    minGpuCount: num(params, 'gpuCount', true),
    minCpu: num(params, 'minCpu'),
    minMemoryGiB: num(params, 'minMemory'),
    arch: arch ? ARCHES[arch] : undefined,
    cloud: oneOf<CloudName>(params, 'cloud', CLOUDS),
    region: params.get('region') || undefined,
    lifecycle: oneOf<Lifecycle>(params, 'lifecycle', ['spot', 'on-demand']),
    maxPricePerHour: num(params, 'maxPrice'),
    limit: limit === 0 ? undefined : Math.min(limit, 1000),
  };
}

/** Cheapest $/GPU-hour per cloud region among the matching offerings (the chart's bars). */
export function cheapestPerLocation(catalog: Catalog, q: OfferingQuery): PriceByLocation[] {
  const best = new Map<string, PriceByLocation>();
  for (const o of catalog.query({ ...q, limit: undefined, minGpuCount: Math.max(1, q.minGpuCount ?? 1) })) {
    const row = toPriceRow(o, q.lifecycle);
    if (row.pricePerGpuHour === null) continue;
    const key = `${o.cloud}|${o.region}`;
    const seen = best.get(key);
    if (!seen || row.pricePerGpuHour < seen.pricePerGpuHour) {
      best.set(key, { cloud: o.cloud, region: o.region, instanceType: o.instanceType, gpuName: o.gpuName, gpuCount: o.gpuCount, pricePerGpuHour: row.pricePerGpuHour });
    }
  }
  return pickBars([...best.values()].sort((a, b) => a.pricePerGpuHour - b.pricePerGpuHour));
}

const BARS = 20;

/** The cheapest regions overall, plus each cloud's cheapest so every cloud shows up; cheapest first. */
function pickBars(sorted: PriceByLocation[]): PriceByLocation[] {
  const picked = new Set(sorted.slice(0, BARS - 4));
  for (const cloud of new Set(sorted.map((b) => b.cloud))) {
    const first = sorted.find((b) => b.cloud === cloud);
    if (first) picked.add(first);
  }
  return sorted.filter((b) => picked.has(b));
}

export function pricesView(catalog: Catalog, params: URLSearchParams): PricesView {
  const q = priceQuery(params);
  try {
    const rows = catalog.query(q).map((o) => toPriceRow(o, q.lifecycle));
    return { rows, byLocation: cheapestPerLocation(catalog, q) };
  } catch (err) {
    if (err instanceof CatalogError) throw new HttpError(400, 'BadRequest', err.message);
    throw err;
  }
}
