// Turns an OfferingQuery into one predicate over offering ids, reading the typed-array columns.
import type { Columns } from './columns.ts';
import type { Lifecycle, LocationRef, Offering, OfferingQuery } from './types.ts';
import { CLOUDS } from './types.ts';

export type PriceKey = 'cheapest' | 'spot' | 'onDemand';

export function priceKeyFor(lifecycle: Lifecycle | undefined): PriceKey {
  if (lifecycle === 'spot') return 'spot';
  if (lifecycle === 'on-demand') return 'onDemand';
  return 'cheapest';
}

/** The price an offering is ranked (and `maxPricePerHour`-filtered) by; null when it has none. */
export function rankPrice(o: Offering, key: PriceKey): number | null {
  if (key === 'spot') return o.spotPricePerHour;
  if (key === 'onDemand') return o.onDemandPricePerHour;
  const prices = [o.onDemandPricePerHour, o.spotPricePerHour].filter((p): p is number => p !== null);
  return prices.length > 0 ? Math.min(...prices) : null;
}

type IdCheck = (id: number) => boolean;
const always: IdCheck = () => true;

/** The query's places as locations: `locations` as given, or `region` in `cloud` (or in every cloud). */
function locationsOf(q: OfferingQuery): LocationRef[] {
  if (q.locations)
    return q.locations.filter(
      (l) => (!q.cloud || l.cloud === q.cloud) && (!q.region || l.region === q.region),
    );
  return (q.cloud ? [q.cloud] : CLOUDS).map((cloud) => ({ cloud, region: q.region ?? '' }));
}

interface AllowedPlaces {
  /** Per region id: 0 not allowed, 1 every zone, 2 only zones in `zoneKeys`. */
  regions: Uint8Array;
  /** `<region id>/<zone id>` of allowed zones. */
  zoneKeys: Set<string>;
}

function allowedPlaces(q: OfferingQuery, c: Columns): AllowedPlaces {
  const regions = new Uint8Array(c.regions.names.length);
  const zoneKeys = new Set<string>();
  for (const l of locationsOf(q)) {
    const region = c.regions.find(`${l.cloud}/${l.region}`);
    if (region === undefined) continue;
    const zones = l.zones ?? [];
    regions[region] = zones.length === 0 || regions[region] === 1 ? 1 : 2;
    for (const z of zones) zoneKeys.add(`${region}/${c.zones.find(z) ?? -1}`);
  }
  return { regions, zoneKeys };
}

/** Allowed regions (and zones) of `locations`, `cloud` and `region`; `always` when none is set. */
function placeCheck(q: OfferingQuery, c: Columns): IdCheck {
  if (!q.locations && !q.region) {
    const cloud = q.cloud ? CLOUDS.indexOf(q.cloud) : -1;
    return cloud < 0 ? always : (id) => c.cloud[id] === cloud;
  }
  const { regions, zoneKeys } = allowedPlaces(q, c);
  const regionLevel = c.zones.find('') ?? -1;
  return (id) => {
    const a = regions[c.region[id]];
    return (
      a === 1 || (a === 2 && (c.zone[id] === regionLevel || zoneKeys.has(`${c.region[id]}/${c.zone[id]}`)))
    );
  };
}

function familyCheck(q: OfferingQuery, c: Columns): IdCheck {
  const include = (q.instanceFamilies?.include ?? []).map((f) => f.toLowerCase());
  const exclude = new Set((q.instanceFamilies?.exclude ?? []).map((f) => f.toLowerCase()));
  if (include.length === 0 && exclude.size === 0) return always;
  const ok = new Uint8Array(c.families.names.length);
  c.families.names.forEach(
    (f, id) => (ok[id] = (include.length === 0 || include.includes(f)) && !exclude.has(f) ? 1 : 0),
  );
  return (id) => ok[c.family[id]] === 1;
}

interface Bounds {
  minCpu: number;
  maxCpu: number;
  minMem: number;
  maxMem: number;
  minGpus: number;
  arch: number;
  gpu: number;
  maxPrice: number;
  needPrice: boolean;
}

function archCode(arch: OfferingQuery['arch']): number {
  if (arch === undefined) return -1;
  return arch === 'arm64' ? 1 : 0;
}

/** 0 (as in NodeTemplate) or unset means no upper bound. */
function upper(max: number | undefined): number {
  return max ? max : Infinity;
}

function bounds(q: OfferingQuery, c: Columns): Bounds {
  const gpuName = q.gpuName?.toUpperCase();
  return {
    minCpu: q.minCpu ?? 0,
    maxCpu: upper(q.maxCpu),
    minMem: q.minMemoryGiB ?? 0,
    maxMem: upper(q.maxMemoryGiB),
    minGpus: q.minGpuCount ?? 0,
    arch: archCode(q.arch),
    gpu: gpuName ? (c.gpus.find(gpuName) ?? -2) : -1,
    maxPrice: q.maxPricePerHour ?? Infinity,
    needPrice: q.lifecycle !== undefined || q.maxPricePerHour !== undefined,
  };
}

/** One predicate over offering ids that holds when the offering meets every filter of the query. */
export function compileQuery(q: OfferingQuery, c: Columns): IdCheck {
  const b = bounds(q, c);
  const price = c.price[priceKeyFor(q.lifecycle)];
  const place = placeCheck(q, c);
  const family = familyCheck(q, c);
  const shapeOk = (id: number): boolean =>
    c.vcpus[id] >= b.minCpu &&
    c.vcpus[id] <= b.maxCpu &&
    c.memoryGiB[id] >= b.minMem &&
    c.memoryGiB[id] <= b.maxMem &&
    c.gpuCount[id] >= b.minGpus &&
    (b.arch < 0 || c.arch[id] === b.arch) &&
    (b.gpu === -1 || c.gpu[id] === b.gpu);
  // NaN (no such price) fails `<=`, so a needed price that is missing excludes the offering.
  return (id) => shapeOk(id) && (!b.needPrice || price[id] <= b.maxPrice) && place(id) && family(id);
}
