// Azure Retail Prices API (public, no credentials): https://prices.azure.com/api/retail/prices
// Pages of `Items` linked by `NextPageLink`; each VM meter row names its size in `armSkuName`.
import { asArray, asString, feedResult, getJson, isRecord, readPages, type Page } from './http.ts';
import type { FeedContext, FeedResult, HttpFetch, LivePrice, PriceFeed } from './types.ts';

const DEFAULT_URL =
  'https://prices.azure.com/api/retail/prices?$filter=' +
  encodeURIComponent("serviceName eq 'Virtual Machines' and priceType eq 'Consumption'");

/** Linux pay-as-you-go or Spot price of a VM size in one region; null for anything else. */
export function azureItemPrice(item: unknown): LivePrice | null {
  if (!isRecord(item)) return null;
  const skuName = asString(item.skuName);
  const productName = asString(item.productName);
  const price = item.retailPrice;
  const relevant =
    item.type === 'Consumption' &&
    item.currencyCode === 'USD' &&
    item.unitOfMeasure === '1 Hour' &&
    !productName.endsWith('Windows') &&
    !skuName.includes('Low Priority') &&
    typeof price === 'number';
  if (!relevant || asString(item.armSkuName) === '' || asString(item.armRegionName) === '') return null;
  return {
    cloud: 'azure',
    region: asString(item.armRegionName),
    zone: '',
    instanceType: asString(item.armSkuName),
    lifecycle: skuName.endsWith(' Spot') ? 'spot' : 'on-demand',
    pricePerHour: price,
  };
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
