// The catalog's public types: what the planner, the clouds and the CLI see of instance types and prices.

export type CloudName = 'aws' | 'gcp' | 'azure' | 'oci';
export const CLOUDS: readonly CloudName[] = ['aws', 'gcp', 'azure', 'oci'];

/** Kubernetes spelling (`kubernetes.io/arch`): the catalog's x86_64 is amd64, aarch64 is arm64. */
export type Arch = 'amd64' | 'arm64';

export type Lifecycle = 'spot' | 'on-demand';

export type PriceSource = 'snapshot' | 'live';

/** One instance type in one zone (or region, when the source has no zone) with its hourly prices. */
export interface Offering {
  cloud: CloudName;
  region: string;
  /** Zone or availability domain; '' when the source only knows the region. */
  zone: string;
  instanceType: string;
  arch: Arch;
  vcpus: number;
  memoryGiB: number;
  /** Upper-case catalog GPU name (A100, A100-80GB, H100, L4…); '' when none. */
  gpuName: string;
  gpuCount: number;
  /** Memory per GPU in GiB; 0 when none. */
  gpuMemoryGiB: number;
  onDemandPricePerHour: number | null;
  spotPricePerHour: number | null;
  source: PriceSource;
  /** Seconds since the price was read from its source (snapshot build time or live fetch). */
  ageSeconds: number;
}

/** A location the planner may use: a cloud region, optionally narrowed to zones. */
export interface LocationRef {
  cloud: CloudName;
  region: string;
  zones?: string[];
}

/**
 * Filters for `Catalog.query`. Unset fields do not filter; `maxCpu`/`maxMemoryGiB` of 0 mean no bound
 * (as in NodeTemplate). `gpuName` matches exactly, any case. With `lifecycle`, only offerings that have
 * that price match and `maxPricePerHour` and the sort use it; without, the cheaper of the two prices.
 * `zones` in a location keep offerings in those zones plus region-level offerings (zone '').
 * An unknown region or GPU name throws a `CatalogError` naming the closest known ones.
 */
export interface OfferingQuery {
  locations?: LocationRef[];
  cloud?: CloudName;
  region?: string;
  arch?: Arch;
  gpuName?: string;
  minGpuCount?: number;
  minCpu?: number;
  maxCpu?: number;
  minMemoryGiB?: number;
  maxMemoryGiB?: number;
  lifecycle?: Lifecycle;
  maxPricePerHour?: number;
  instanceFamilies?: { include?: string[]; exclude?: string[] };
  /** At most this many offerings (the cheapest); default all. */
  limit?: number;
}

/** An offering's instance-type facts and prices without the price's provenance (a snapshot or feed row). */
export type CatalogRow = Omit<Offering, 'source' | 'ageSeconds'>;

/** Where one cloud's snapshot prices came from. */
export interface SnapshotSource {
  cloud: CloudName;
  /** Upstream repositories @ commit the data was taken from, with licenses. */
  credits: string[];
  /** When the upstream prices were generated (ISO 8601); ages of snapshot prices count from here. */
  pricesAsOf: string;
}

/** The read side of the catalog, as used by the planner and the CLI. */
export interface Catalog {
  /** Offerings matching the query, sorted by cheapest available price, then cloud/region/zone/type. */
  query(q: OfferingQuery): Offering[];
  /** Every region known for a cloud, with its zones. */
  regions(cloud: CloudName): { region: string; zones: string[] }[];
  /** Every GPU name known to the catalog (upper case). */
  gpuNames(): string[];
  /** Offering count per cloud. */
  counts(): Record<CloudName, number>;
}
