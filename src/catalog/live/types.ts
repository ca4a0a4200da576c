// Ports and shapes shared by the live price feeds and the refresher.
import type { CloudName, Lifecycle } from '../types.ts';

/** The part of a fetch() Response the feeds use. */
export interface HttpResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

/** A fetch-like function; the global `fetch` fits. Tests pass one that serves fixtures. */
export type HttpFetch = (url: string, init?: { headers?: Record<string, string> }) => Promise<HttpResponse>;

/** One hourly price read from a cloud's live source. zone '' = the price holds for the whole region. */
export interface LivePrice {
  cloud: CloudName;
  region: string;
  zone: string;
  instanceType: string;
  lifecycle: Lifecycle;
  pricePerHour: number;
}

/** What an instance type is made of, for feeds that price types from per-vCPU/GiB/GPU rates (GCP, OCI). */
export interface InstanceSpec {
  instanceType: string;
  vcpus: number;
  memoryGiB: number;
  gpuName: string;
  gpuCount: number;
  /** Whether the snapshot has a Spot/preemptible price for this type anywhere. */
  hasSpot: boolean;
}

/** What the refresher tells a feed about the catalog it refreshes. */
export interface FeedContext {
  /** Instance types of the feed's cloud, by name. */
  specs: Map<string, InstanceSpec>;
  /** Regions of the feed's cloud in the catalog. */
  regions: string[];
}

/** A feed's answer. `complete` is false when some page or region failed; `prices` then holds what was read. */
export interface FeedResult {
  prices: LivePrice[];
  complete: boolean;
  errors: string[];
  pages: number;
}

export interface PriceFeed {
  readonly cloud: CloudName;
  fetchPrices(context: FeedContext): Promise<FeedResult>;
}
