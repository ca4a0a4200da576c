// Azure Retail Prices API (public, no credentials): https://prices.azure.com/api/retail/prices
// Pages of `Items` linked by `NextPageLink`; each VM meter row names its size in `armSkuName`.
import { asArray, asString, feedResult, getJson, isRecord, readPages, type Page } from './http.ts';
import type { FeedContext, FeedResult, HttpFetch, LivePrice, PriceFeed } from './types.ts';

const DEFAULT_URL =
  'https://prices.azure.com/api/retail/prices?$filter=' +
  encodeURIComponent("serviceName eq 'Virtual Machines' and priceType eq 'Consumption'");

function isLinuxHourlyUsd(item: Record<string, unknown>): boolean {
  return (
    item.type === 'Consumption' &&
    item.currencyCode === 'USD' &&
    item.unitOfMeasure === '1 Hour' &&
    !asString(item.productName).endsWith('Windows') &&
    !asString(item.skuName).includes('Low Priority')
  );
}

/** Linux pay-as-you-go or Spot price of a VM size in one region; null for anything else. */
export function azureItemPrice(item: unknown): LivePrice | null {
  if (!isRecord(item) || !isLinuxHourlyUsd(item) || typeof item.retailPrice !== 'number') return null;
  const instanceType = asString(item.armSkuName);
  const region = asString(item.armRegionName);
  if (instanceType === '' || region === '') return null;
  const lifecycle = asString(item.skuName).endsWith(' Spot') ? 'spot' : 'on-demand';
  return { cloud: 'azure', region, zone: '', instanceType, lifecycle, pricePerHour: item.retailPrice };
}

function readAzurePage(fetch: HttpFetch): (url: string) => Promise<Page<unknown>> {
  return async (url) => {
    const body = await getJson(fetch, url);
    if (!isRecord(body) || !Array.isArray(body.Items)) throw new Error('response has no Items array');
    const next = asString(body.NextPageLink);
    return { items: asArray(body.Items), next: next === '' ? null : next };
  };
}

export class AzurePriceFeed implements PriceFeed {
  readonly cloud = 'azure' as const;

  constructor(
    private readonly fetch: HttpFetch,
    private readonly url: string = DEFAULT_URL,
  ) {}

  async fetchPrices(context: FeedContext): Promise<FeedResult> {
    const paging = await readPages(this.url, readAzurePage(this.fetch));
    const prices = paging.items
      .map(azureItemPrice)
      .filter((p): p is LivePrice => p !== null && context.specs.has(p.instanceType));
    return feedResult(prices, paging);
  }
}
