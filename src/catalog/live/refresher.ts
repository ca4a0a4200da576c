// Keeps the catalog's prices fresh: runs the live feeds, merges what they read over the last good
// prices, and reports what failed and what is stale. A failed or partial feed never removes a price.
import type { Clock } from '../clock.ts';
import { OfferingIndex } from '../offering-index.ts';
import type { Snapshot } from '../snapshot/format.ts';
import { pricedAtByCloud } from '../snapshot/offerings.ts';
import type { Catalog, CloudName, Offering } from '../types.ts';
import { errorText } from './http.ts';
import { PriceBook, type CloudAges } from './price-book.ts';
import type { FeedContext, InstanceSpec, PriceFeed } from './types.ts';

export interface RefresherOptions {
  snapshot: Snapshot;
  feeds: PriceFeed[];
  clock: Clock;
  /** Prices older than this are reported as stale (default 7 days). */
  staleAfterSeconds?: number;
}

export interface RefreshReport {
  cloud: CloudName;
  /** Every page/region read and no error. */
  ok: boolean;
  /** Live prices that matched an offering and were applied. */
  applied: number;
  pages: number;
  errors: string[];
}

export interface StaleReport {
  staleAfterSeconds: number;
  stale: number;
  total: number;
  byCloud: Partial<Record<CloudName, CloudAges>>;
}

const WEEK_SECONDS = 7 * 24 * 3600;

function contexts(snapshot: Snapshot): Map<CloudName, FeedContext> {
  const out = new Map<CloudName, FeedContext>();
  for (const row of snapshot.rows) {
    let c = out.get(row.cloud);
    if (!c) out.set(row.cloud, (c = { specs: new Map(), regions: [] }));
    const { instanceType, vcpus, memoryGiB, gpuName, gpuCount } = row;
    const spec: InstanceSpec = c.specs.get(instanceType) ?? {
      instanceType,
      vcpus,
      memoryGiB,
      gpuName,
      gpuCount,
      hasSpot: false,
    };
    spec.hasSpot ||= row.spotPricePerHour !== null;
    c.specs.set(row.instanceType, spec);
    if (!c.regions.includes(row.region)) c.regions.push(row.region);
  }
  return out;
}

export class PriceRefresher {
  private readonly book: PriceBook;
  private readonly contexts: Map<CloudName, FeedContext>;
  private readonly staleAfterSeconds: number;
  private current: Catalog | undefined;

  constructor(private readonly options: RefresherOptions) {
    const pricedAt = pricedAtByCloud(options.snapshot);
    const fallback = Date.parse(options.snapshot.createdAt);
    this.book = new PriceBook(options.snapshot.rows, (cloud) => pricedAt.get(cloud) ?? fallback);
    this.contexts = contexts(options.snapshot);
    this.staleAfterSeconds = options.staleAfterSeconds ?? WEEK_SECONDS;
  }

  /** Runs every feed once (concurrently) and merges what each read. */
  async refresh(): Promise<RefreshReport[]> {
    const reports = await Promise.all(this.options.feeds.map((feed) => this.refreshFeed(feed)));
    this.current = undefined;
    return reports;
  }

  private async refreshFeed(feed: PriceFeed): Promise<RefreshReport> {
    const context = this.contexts.get(feed.cloud) ?? { specs: new Map(), regions: [] };
    try {
      const result = await feed.fetchPrices(context);
      const applied = this.book.apply(result.prices, this.options.clock.now());
      return {
        cloud: feed.cloud,
        ok: result.complete && result.errors.length === 0,
        applied,
        pages: result.pages,
        errors: result.errors,
      };
    } catch (err) {
      return { cloud: feed.cloud, ok: false, applied: 0, pages: 0, errors: [errorText(err)] };
    }
  }

  /** Current offerings, ages measured now. */
  offerings(): Offering[] {
    return this.book.offerings(this.options.clock.now());
  }

  /** The catalog as of the last refresh (ages measured when it was built). */
  catalog(): Catalog {
    this.current ??= new OfferingIndex(this.offerings());
    return this.current;
  }

  /** Prices older than the stale threshold, per cloud. */
  staleness(): StaleReport {
    const byCloud = Object.fromEntries(this.book.ages(this.options.clock.now(), this.staleAfterSeconds));
    const values = Object.values(byCloud);
    return {
      staleAfterSeconds: this.staleAfterSeconds,
      stale: values.reduce((n, c) => n + c.stale, 0),
      total: values.reduce((n, c) => n + c.total, 0),
      byCloud,
    };
  }
}
