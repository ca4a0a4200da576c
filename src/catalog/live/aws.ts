// AWS: On-Demand from the public price list files (no credentials) — the EC2 region index
// (offers/v1.0/aws/AmazonEC2/current/region_index.json) names one offer file per region, each
// `products` keyed by SKU plus `terms.OnDemand[sku][offerTermCode].priceDimensions` — and Spot from
// EC2 DescribeSpotPriceHistory through an injected port (needs credentials; NextToken paging).
import { asString, errorText, getJson, isRecord, readPages } from './http.ts';
import type { FeedContext, FeedResult, HttpFetch, LivePrice, PriceFeed } from './types.ts';

const PRICING_HOST = 'https://pricing.us-east-1.amazonaws.com';
const REGION_INDEX_PATH = '/offers/v1.0/aws/AmazonEC2/current/region_index.json';

/** One entry of DescribeSpotPriceHistory's `SpotPriceHistory` (AWS SDK v3 field names). */
export interface SpotPriceRecord {
  AvailabilityZone?: string;
  InstanceType?: string;
  ProductDescription?: string;
  SpotPrice?: string;
  Timestamp?: Date | string;
}

/** The slice of the EC2 API the feed needs; the AWS SDK v3 EC2Client fits behind a thin adapter. */
export interface SpotPriceHistoryPort {
  describeSpotPriceHistory(input: {
    region: string;
    ProductDescriptions: string[];
    StartTime: Date;
    NextToken?: string;
  }): Promise<{ SpotPriceHistory?: SpotPriceRecord[]; NextToken?: string }>;
}

export interface AwsFeedOptions {
  fetch: HttpFetch;
  /** Spot prices need EC2 credentials; without a port only On-Demand is refreshed. */
  spot?: SpotPriceHistoryPort;
  /** Regions to refresh; default: the regions of the catalog. */
  regions?: string[];
  /** Injected so spot history starts "an hour ago" on the same clock as the refresher. */
  now: () => number;
  host?: string;
}

function isLinuxSharedInstance(attributes: Record<string, unknown>): boolean {
  return (
    attributes.operatingSystem === 'Linux' &&
    attributes.tenancy === 'Shared' &&
    attributes.preInstalledSw === 'NA' &&
    (attributes.capacitystatus === undefined || attributes.capacitystatus === 'Used') &&
    typeof attributes.instanceType === 'string'
  );
}

function onDemandHourly(terms: unknown): number | null {
  if (!isRecord(terms)) return null;
  for (const term of Object.values(terms)) {
    const dimensions =
      isRecord(term) && isRecord(term.priceDimensions) ? Object.values(term.priceDimensions) : [];
    const hourly = dimensions.find((d) => isRecord(d) && d.unit === 'Hrs');
    const usd = isRecord(hourly) && isRecord(hourly.pricePerUnit) ? Number(hourly.pricePerUnit.USD) : NaN;
    if (Number.isFinite(usd) && usd > 0) return usd;
  }
  return null;
}

/** Linux, shared-tenancy On-Demand prices from one region's EC2 offer file. */
export function awsOfferFilePrices(offerFile: unknown, region: string): LivePrice[] {
  if (!isRecord(offerFile) || !isRecord(offerFile.products) || !isRecord(offerFile.terms)) {
    throw new Error(`offer file for ${region} has no products/terms`);
  }
  const onDemand = isRecord(offerFile.terms.OnDemand) ? offerFile.terms.OnDemand : {};
  const prices: LivePrice[] = [];
  for (const [sku, product] of Object.entries(offerFile.products)) {
    const attributes = isRecord(product) && isRecord(product.attributes) ? product.attributes : {};
    if (!isLinuxSharedInstance(attributes)) continue;
    const price = onDemandHourly(onDemand[sku]);
    const instanceType = asString(attributes.instanceType);
    if (price !== null)
      prices.push({
        cloud: 'aws',
        region,
        zone: '',
        instanceType,
        lifecycle: 'on-demand',
        pricePerHour: price,
      });
  }
  return prices;
}

/** The newest spot price per zone and instance type. */
export function latestSpotPrices(region: string, history: SpotPriceRecord[]): LivePrice[] {
  const newest = new Map<string, { at: number; price: LivePrice }>();
  for (const h of history) {
    const price = Number(h.SpotPrice);
    if (!h.AvailabilityZone || !h.InstanceType || !Number.isFinite(price)) continue;
    const at = h.Timestamp ? new Date(h.Timestamp).getTime() : 0;
    const key = `${h.AvailabilityZone}/${h.InstanceType}`;
    if ((newest.get(key)?.at ?? -Infinity) > at) continue;
    const zone = h.AvailabilityZone;
    newest.set(key, {
      at,
      price: {
        cloud: 'aws',
        region,
        zone,
        instanceType: h.InstanceType,
        lifecycle: 'spot',
        pricePerHour: price,
      },
    });
  }
  return [...newest.values()].map((n) => n.price);
}

export class AwsPriceFeed implements PriceFeed {
  readonly cloud = 'aws' as const;
  private readonly host: string;

  constructor(private readonly options: AwsFeedOptions) {
    this.host = options.host ?? PRICING_HOST;
  }

  async fetchPrices(context: FeedContext): Promise<FeedResult> {
    const regions = this.options.regions ?? context.regions;
    const result: FeedResult = { prices: [], complete: true, errors: [], pages: 0 };
    let urls: Map<string, string>;
    try {
      urls = await this.regionOfferUrls();
      result.pages++;
    } catch (err) {
      return { ...result, complete: false, errors: [`region index: ${errorText(err)}`] };
    }
    for (const region of regions) {
      await this.readRegion(region, urls.get(region), result);
      if (this.options.spot) await this.readSpot(region, this.options.spot, result);
    }
    result.prices = result.prices.filter((p) => context.specs.has(p.instanceType));
    return result;
  }

  private async regionOfferUrls(): Promise<Map<string, string>> {
    const index = await getJson(this.options.fetch, `${this.host}${REGION_INDEX_PATH}`);
    if (!isRecord(index) || !isRecord(index.regions)) throw new Error('region index has no regions');
    const urls = new Map<string, string>();
    for (const [code, entry] of Object.entries(index.regions)) {
      if (isRecord(entry) && typeof entry.currentVersionUrl === 'string')
        urls.set(code, `${this.host}${entry.currentVersionUrl}`);
    }
    return urls;
  }

  private async readRegion(region: string, url: string | undefined, result: FeedResult): Promise<void> {
    if (url === undefined) {
      result.complete = false;
      result.errors.push(`${region}: not in the price list region index`);
      return;
    }
    try {
      result.prices.push(...awsOfferFilePrices(await getJson(this.options.fetch, url), region));
      result.pages++;
    } catch (err) {
      result.complete = false;
      result.errors.push(`${region} on-demand: ${errorText(err)}`);
    }
  }

  private async readSpot(region: string, port: SpotPriceHistoryPort, result: FeedResult): Promise<void> {
    const StartTime = new Date(this.options.now() - 3600_000);
    // readPages passes the page token where other feeds pass a URL; '' is the first page.
    const paging = await readPages<SpotPriceRecord>('', async (token) => {
      const page = await port.describeSpotPriceHistory({
        region,
        ProductDescriptions: ['Linux/UNIX'],
        StartTime,
        ...(token ? { NextToken: token } : {}),
      });
      return { items: page.SpotPriceHistory ?? [], next: page.NextToken ? page.NextToken : null };
    });
    result.prices.push(...latestSpotPrices(region, paging.items));
    result.pages += paging.pages;
    if (!paging.complete) {
      result.complete = false;
      result.errors.push(...paging.errors.map((e) => `${region} spot ${e}`));
    }
  }
}
