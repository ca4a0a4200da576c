// The in-memory catalog: offerings sorted by price three ways, with per-cloud, per-region and per-GPU
// lists in each order, so a query walks the smallest list that can hold its answer, testing typed
// columns, and only touches the offering objects it returns.
import { buildColumns, type Columns } from './columns.ts';
import { CatalogError, unknownNameError } from './errors.ts';
import { byPlaceThenType, compareText } from './order.ts';
import { compileQuery, priceKeyFor, type PriceKey } from './query-filter.ts';
import type { Catalog, CloudName, Offering, OfferingQuery } from './types.ts';
import { CLOUDS } from './types.ts';

const KEYS: readonly PriceKey[] = ['cheapest', 'spot', 'onDemand'];

/** Offering ids in ascending order of each price (offerings without that price last). */
type Lists = Record<PriceKey, Int32Array>;

const ID_BITS = 2 ** 20;
const MICRO_USD_LIMIT = 2 ** 32;

/**
 * Ids in ascending price order; ties keep id (place/type) order. Each id is packed with its price in
 * micro-dollars into one float so a native numeric sort does the work (no comparator callbacks).
 */
function priceOrder(prices: Float64Array): Int32Array {
  if (prices.length >= ID_BITS) throw new Error(`catalog too large to index (${prices.length} offerings)`);
  const keys = new Float64Array(prices.length);
  for (let id = 0; id < prices.length; id++) {
    const micro = Number.isNaN(prices[id])
      ? MICRO_USD_LIMIT
      : Math.min(Math.round(prices[id] * 1e6), MICRO_USD_LIMIT - 1);
    keys[id] = micro * ID_BITS + id;
  }
  keys.sort();
  return Int32Array.from(keys, (k) => k % ID_BITS);
}

function inPlaceOrder(offerings: readonly Offering[]): Offering[] {
  for (let i = 1; i < offerings.length; i++) {
    if (byPlaceThenType(offerings[i - 1], offerings[i]) > 0) return [...offerings].sort(byPlaceThenType);
  }
  return [...offerings];
}

/** For each group id (from `groupOf`, -1 = none), its ids in each price order. */
function groupLists(orders: Lists, groups: number, groupOf: (id: number) => number): Lists[] {
  const buckets = Array.from({ length: groups }, () => ({
    cheapest: [] as number[],
    spot: [] as number[],
    onDemand: [] as number[],
  }));
  for (const key of KEYS) {
    for (const id of orders[key]) {
      const g = groupOf(id);
      if (g >= 0) buckets[g][key].push(id);
    }
  }
  return buckets.map((b) => ({
    cheapest: Int32Array.from(b.cheapest),
    spot: Int32Array.from(b.spot),
    onDemand: Int32Array.from(b.onDemand),
  }));
}

export class OfferingIndex implements Catalog {
  private readonly offerings: Offering[];
  private readonly columns: Columns;
  private readonly orders: Lists;
  private readonly rank: Record<PriceKey, Int32Array>;
  private readonly byCloud: Lists[];
  private readonly byRegion: Lists[];
  private readonly byGpu: Lists[];
  private readonly byFamily: Lists[];

  constructor(offerings: readonly Offering[]) {
    this.offerings = inPlaceOrder(offerings);
    const c = (this.columns = buildColumns(this.offerings));
    const orders = {} as Lists;
    const rank = {} as Record<PriceKey, Int32Array>;
    for (const key of KEYS) {
      orders[key] = priceOrder(c.price[key]);
      rank[key] = new Int32Array(this.offerings.length);
      orders[key].forEach((id, position) => (rank[key][id] = position));
    }
    this.orders = orders;
    this.rank = rank;
    this.byCloud = groupLists(orders, CLOUDS.length, (id) => c.cloud[id]);
    this.byRegion = groupLists(orders, c.regions.names.length, (id) => c.region[id]);
    this.byGpu = groupLists(orders, c.gpus.names.length, (id) => c.gpu[id]);
    this.byFamily = groupLists(orders, c.families.names.length, (id) => c.family[id]);
  }

  query(q: OfferingQuery): Offering[] {
    this.validate(q);
    const key = priceKeyFor(q.lifecycle);
    const lists = this.candidateLists(q, key);
    const matches = compileQuery(q, this.columns);
    const limit = q.limit ?? Infinity;
    const ids: number[] = [];
    for (const list of lists)
      this.scan(
        list,
        { matches, price: this.columns.price[key], max: q.maxPricePerHour ?? Infinity },
        lists.length === 1 ? limit : Infinity,
        ids,
      );
    if (lists.length > 1) ids.sort((a, b) => this.rank[key][a] - this.rank[key][b]);
    if (ids.length > limit) ids.length = limit;
    return ids.map((id) => this.offerings[id]);
  }

  /** Walks a price-ordered list, collecting matches, until `limit` or a price above the maximum. */
  private scan(
    list: Int32Array,
    test: { matches: (id: number) => boolean; price: Float64Array; max: number },
    limit: number,
    into: number[],
  ): void {
    const bounded = test.max !== Infinity;
    for (let i = 0; i < list.length && into.length < limit; i++) {
      const id = list[i];
      // Prices only rise along the list (missing ones last), so nothing further can be cheap enough.
      if (bounded && !(test.price[id] <= test.max)) return;
      if (test.matches(id)) into.push(id);
    }
  }

  /** The fewest rows that still hold every match: a GPU list, some families, the named regions, a cloud, or everything. */
  private candidateLists(q: OfferingQuery, key: PriceKey): Int32Array[] {
    const options = [this.placeLists(q), this.gpuLists(q), this.familyLists(q)]
      .filter((o): o is Lists[] => o !== null)
      .map((lists) => lists.map((l) => l[key]));
    const rows = (lists: Int32Array[]): number => lists.reduce((n, l) => n + l.length, 0);
    return options.reduce((best, o) => (rows(o) < rows(best) ? o : best));
  }

  private gpuLists(q: OfferingQuery): Lists[] | null {
    const gpu = q.gpuName ? this.columns.gpus.find(q.gpuName.toUpperCase()) : undefined;
    return gpu === undefined ? null : [this.byGpu[gpu]];
  }

  private familyLists(q: OfferingQuery): Lists[] | null {
    const include = q.instanceFamilies?.include ?? [];
    if (include.length === 0) return null;
    const ids = new Set(include.map((f) => this.columns.families.find(f.toLowerCase())));
    return [...ids].filter((id) => id !== undefined).map((id) => this.byFamily[id]);
  }

  private placeLists(q: OfferingQuery): Lists[] {
    let regionKeys: string[];
    if (q.locations) regionKeys = q.locations.map((l) => `${l.cloud}/${l.region}`);
    else if (q.region) regionKeys = (q.cloud ? [q.cloud] : CLOUDS).map((cloud) => `${cloud}/${q.region}`);
    else return [q.cloud ? this.byCloud[CLOUDS.indexOf(q.cloud)] : this.orders];
    const ids = new Set(regionKeys.map((k) => this.columns.regions.find(k)).filter((id) => id !== undefined));
    return [...ids].map((id) => this.byRegion[id]);
  }

  private validate(q: OfferingQuery): void {
    if (q.gpuName && this.columns.gpus.find(q.gpuName.toUpperCase()) === undefined) {
      throw unknownNameError('GPU name', q.gpuName, this.columns.gpus.names);
    }
    if (q.region) this.checkRegion(q.cloud, q.region);
    for (const l of q.locations ?? []) this.checkRegion(l.cloud, l.region);
    if (q.limit !== undefined && !(q.limit >= 0))
      throw new CatalogError(`limit must be 0 or more, got ${q.limit}`);
  }

  private checkRegion(cloud: CloudName | undefined, region: string): void {
    const clouds = cloud ? [cloud] : CLOUDS;
    if (clouds.some((c) => this.columns.regions.find(`${c}/${region}`) !== undefined)) return;
    const known = this.columns.regions.names
      .filter((k) => clouds.some((c) => k.startsWith(`${c}/`)))
      .map((k) => k.slice(k.indexOf('/') + 1));
    throw unknownNameError(cloud ? `${cloud} region` : 'region', region, new Set(known));
  }

  regions(cloud: CloudName): { region: string; zones: string[] }[] {
    const zones = new Map<string, Set<string>>();
    for (const id of this.byCloud[CLOUDS.indexOf(cloud)].cheapest) {
      const o = this.offerings[id];
      let set = zones.get(o.region);
      if (!set) zones.set(o.region, (set = new Set()));
      if (o.zone !== '') set.add(o.zone);
    }
    return [...zones]
      .map(([region, z]) => ({ region, zones: [...z].sort() }))
      .sort((a, b) => compareText(a.region, b.region));
  }

  gpuNames(): string[] {
    return [...this.columns.gpus.names].sort();
  }

  counts(): Record<CloudName, number> {
    const counts = { aws: 0, gcp: 0, azure: 0, oci: 0 };
    for (const cloud of CLOUDS) counts[cloud] = this.byCloud[CLOUDS.indexOf(cloud)].cheapest.length;
    return counts;
  }
}
