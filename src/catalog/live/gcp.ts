// GCP Cloud Billing Catalog API: GET https://cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus
// (Compute Engine) with an API key; pages of `skus` linked by `nextPageToken`. Compute Engine prices
// vCPUs, memory and GPUs separately per machine family, so a machine type's price is
// vCPUs × core rate + GiB × RAM rate (+ GPUs × GPU rate for A2/A3/G2), per region and usage type.
import { asArray, asString, feedResult, getJson, isRecord, readPages, type Page } from './http.ts';
import type { FeedContext, FeedResult, HttpFetch, InstanceSpec, LivePrice, PriceFeed } from './types.ts';
import type { Lifecycle } from '../types.ts';

const COMPUTE_ENGINE = '6F81-5844-456A';
const BASE_URL = `https://cloudbilling.googleapis.com/v1/services/${COMPUTE_ENGINE}/skus`;
/** Shared-core types are billed a fraction of a vCPU; their per-core price would be wrong. */
const SHARED_CORE = new Set(['e2-micro', 'e2-small', 'e2-medium', 'f1-micro', 'g1-small']);

/** Unit rates: `<region>|<lifecycle>|<FAMILY>/CORE`, `…/RAM`, `<region>|<lifecycle>|GPU/<NAME>`. */
export type GcpRates = Map<string, number>;

function unitPrice(sku: Record<string, unknown>): number | null {
  const info = asArray(sku.pricingInfo)[0];
  const expression = isRecord(info) ? info.pricingExpression : undefined;
  const rates = isRecord(expression) ? asArray(expression.tieredRates) : [];
  const last = rates[rates.length - 1];
  const price = isRecord(last) ? last.unitPrice : undefined;
  if (!isRecord(price) || price.currencyCode !== 'USD') return null;
  return Number(price.units ?? 0) + Number(price.nanos ?? 0) / 1e9;
}

function lifecycleOf(sku: Record<string, unknown>): Lifecycle | null {
  const usage = isRecord(sku.category) ? sku.category.usageType : undefined;
  if (usage === 'OnDemand') return 'on-demand';
  if (usage === 'Preemptible') return 'spot';
  return null;
}

/** `N2 Instance Core running in Americas` → `N2/CORE`; `Nvidia Tesla A100 80GB GPU running in …` → `GPU/A100-80GB`. */
export function gcpRateName(description: string): string | null {
  const d = description.replace(/^(Spot Preemptible|Preemptible) /, '');
  const machine = /^([A-Z][A-Z0-9]*)(?: AMD| Intel| Arm)? Instance (Core|Ram) running in /.exec(d);
  if (machine) return `${machine[1]}/${machine[2].toUpperCase()}`;
  const c2 = /^Compute optimized (Core|Ram) running in /.exec(d);
  if (c2) return `C2/${c2[1].toUpperCase()}`;
  const gpu = /^Nvidia (?:Tesla )?(.+?) GPU running in /.exec(d);
  return gpu
    ? `GPU/${gpu[1]
        .toUpperCase()
        .replace(/ (\d+GB)$/, '-$1')
        .replace(/\s+/g, '-')}`
    : null;
}

/** Per-region unit rates from Compute Engine SKUs (OnDemand and Preemptible usage only). */
export function gcpRates(skus: unknown[]): GcpRates {
  const rates: GcpRates = new Map();
  for (const sku of skus) {
    if (!isRecord(sku)) continue;
    const name = gcpRateName(asString(sku.description));
    const lifecycle = lifecycleOf(sku);
    const price = unitPrice(sku);
    if (name === null || lifecycle === null || price === null) continue;
    for (const region of asArray(sku.serviceRegions))
      rates.set(`${asString(region)}|${lifecycle}|${name}`, price);
  }
  return rates;
}

function gpuRate(rates: GcpRates, prefix: string, gpuName: string): number | undefined {
  // Google calls the 80 GB H100 "H100 80GB"; the catalog calls it H100.
  return rates.get(`${prefix}GPU/${gpuName}`) ?? rates.get(`${prefix}GPU/${gpuName}-80GB`);
}

/** A machine type's hourly price in a region, or null when a rate it needs is missing. */
export function gcpMachinePrice(
  spec: InstanceSpec,
  rates: GcpRates,
  where: { region: string; lifecycle: Lifecycle },
): number | null {
  if (SHARED_CORE.has(spec.instanceType)) return null;
  const prefix = `${where.region}|${where.lifecycle}|`;
  const family = spec.instanceType.split('-')[0].toUpperCase();
  const core = rates.get(`${prefix}${family}/CORE`);
  const ram = rates.get(`${prefix}${family}/RAM`);
  const gpu = spec.gpuCount > 0 ? gpuRate(rates, prefix, spec.gpuName) : 0;
  if (core === undefined || ram === undefined || gpu === undefined) return null;
  return Math.round((spec.vcpus * core + spec.memoryGiB * ram + spec.gpuCount * gpu) * 1e6) / 1e6;
}

function machinePrices(spec: InstanceSpec, region: string, rates: GcpRates): LivePrice[] {
  const out: LivePrice[] = [];
  for (const lifecycle of ['on-demand', 'spot'] as const) {
    const price = gcpMachinePrice(spec, rates, { region, lifecycle });
    if (price !== null)
      out.push({
        cloud: 'gcp',
        region,
        zone: '',
        instanceType: spec.instanceType,
        lifecycle,
        pricePerHour: price,
      });
  }
  return out;
}

function readGcpPage(fetch: HttpFetch, firstUrl: string): (url: string) => Promise<Page<unknown>> {
  return async (url) => {
    const body = await getJson(fetch, url);
    if (!isRecord(body) || !Array.isArray(body.skus)) throw new Error('response has no skus array');
    const token = asString(body.nextPageToken);
    return {
      items: body.skus,
      next: token === '' ? null : `${firstUrl}&pageToken=${encodeURIComponent(token)}`,
    };
  };
}

export class GcpPriceFeed implements PriceFeed {
  readonly cloud = 'gcp' as const;
  private readonly url: string;

  constructor(
    private readonly fetch: HttpFetch,
    apiKey: string,
    baseUrl: string = BASE_URL,
  ) {
    this.url = `${baseUrl}?key=${encodeURIComponent(apiKey)}&currencyCode=USD&pageSize=5000`;
  }

  async fetchPrices(context: FeedContext): Promise<FeedResult> {
    const paging = await readPages(this.url, readGcpPage(this.fetch, this.url));
    const rates = gcpRates(paging.items);
    const prices: LivePrice[] = [];
    for (const spec of context.specs.values()) {
      for (const region of context.regions) prices.push(...machinePrices(spec, region, rates));
    }
    return feedResult(prices, paging);
  }
}
