// OCI public price list (no credentials): https://apexapps.oracle.com/pls/apex/cetools/api/v1/products/
// Items are parts priced per OCPU-hour, per GB-hour of memory or per GPU-hour; pages follow ORDS
// paging (`hasMore` with a `links` entry rel=next). OCI list prices are the same in every region.
import { asArray, asString, feedResult, getJson, isRecord, readPages, type Page } from './http.ts';
import type { FeedContext, FeedResult, HttpFetch, InstanceSpec, LivePrice, PriceFeed } from './types.ts';

const DEFAULT_URL = 'https://apexapps.oracle.com/pls/apex/cetools/api/v1/products/?currencyCode=USD';
/** OCI preemptible capacity is billed at half the on-demand price. */
const PREEMPTIBLE_DISCOUNT = 0.5;

/** Unit rates by part: `E4/OCPU`, `E4/MEMORY`, `GPU/A10`… */
export type OciRates = Map<string, number>;

function payAsYouGo(item: Record<string, unknown>): number | null {
  for (const loc of asArray(item.currencyCodeLocalizations)) {
    if (!isRecord(loc) || loc.currencyCode !== 'USD') continue;
    const price = asArray(loc.prices).find((p) => isRecord(p) && p.model === 'PAY_AS_YOU_GO');
    if (isRecord(price) && typeof price.value === 'number') return price.value;
  }
  return null;
}

function rateKey(displayName: string): string | null {
  const standard = /^Compute - Standard - (E\d+) - (OCPU|Memory)$/i.exec(displayName);
  if (standard) return `${standard[1].toUpperCase()}/${standard[2].toUpperCase()}`;
  const gpu = /^Compute - GPU(?: Standard)? - (.+)$/i.exec(displayName);
  return gpu ? `GPU/${gpu[1].replace(/\s+/g, '').toUpperCase()}` : null;
}

/** The unit rates the catalog's shapes are priced from. */
export function ociRates(items: unknown[]): OciRates {
  const rates: OciRates = new Map();
  for (const item of items) {
    if (!isRecord(item)) continue;
    const key = rateKey(asString(item.displayName));
    const price = payAsYouGo(item);
    if (key !== null && price !== null) rates.set(key, price);
  }
  return rates;
}

/** On-demand price of a shape from unit rates; null when a needed rate is missing. */
export function ociShapePrice(spec: InstanceSpec, rates: OciRates): number | null {
  if (spec.gpuCount > 0) {
    const perGpu = rates.get(`GPU/${spec.gpuName}`);
    return perGpu === undefined ? null : perGpu * spec.gpuCount;
  }
  const family = /\.(E\d+)\b/.exec(spec.instanceType)?.[1];
  const ocpu = rates.get(`${family}/OCPU`);
  const memory = rates.get(`${family}/MEMORY`);
  if (ocpu === undefined || memory === undefined) return null;
  return (spec.vcpus / 2) * ocpu + spec.memoryGiB * memory;
}

function nextLink(body: Record<string, unknown>): string | null {
  if (body.hasMore !== true) return null;
  const next = asArray(body.links).find((l) => isRecord(l) && l.rel === 'next');
  return isRecord(next) && asString(next.href) !== '' ? asString(next.href) : null;
}

function readOciPage(fetch: HttpFetch): (url: string) => Promise<Page<unknown>> {
  return async (url) => {
    const body = await getJson(fetch, url);
    if (!isRecord(body) || !Array.isArray(body.items)) throw new Error('response has no items array');
    return { items: body.items, next: nextLink(body) };
  };
}

function shapePrices(spec: InstanceSpec, price: number, regions: string[]): LivePrice[] {
  const out: LivePrice[] = [];
  for (const region of regions) {
    const base = { cloud: 'oci' as const, region, zone: '', instanceType: spec.instanceType };
    out.push({ ...base, lifecycle: 'on-demand', pricePerHour: price });
    if (spec.hasSpot) out.push({ ...base, lifecycle: 'spot', pricePerHour: price * PREEMPTIBLE_DISCOUNT });
  }
  return out;
}

export class OciPriceFeed implements PriceFeed {
  readonly cloud = 'oci' as const;

  constructor(
    private readonly fetch: HttpFetch,
    private readonly url: string = DEFAULT_URL,
  ) {}

  async fetchPrices(context: FeedContext): Promise<FeedResult> {
    const paging = await readPages(this.url, readOciPage(this.fetch));
    const rates = ociRates(paging.items);
    const prices: LivePrice[] = [];
    for (const spec of context.specs.values()) {
      const price = ociShapePrice(spec, rates);
      if (price !== null) prices.push(...shapePrices(spec, Math.round(price * 1e6) / 1e6, context.regions));
    }
    return feedResult(prices, paging);
  }
}
