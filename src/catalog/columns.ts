// Offerings as typed-array columns: queries test numbers in contiguous memory, not fields of 98k objects.
import { instanceFamily } from './families.ts';
import type { PriceKey } from './query-filter.ts';
import type { Offering } from './types.ts';
import { CLOUDS } from './types.ts';

/** Assigns small integer ids to strings, in first-seen order. */
export class Dictionary {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  find(name: string): number | undefined {
    return this.ids.get(name);
  }
}

export interface Columns {
  cloud: Uint8Array;
  /** Id of `cloud/region` in `regions`. */
  region: Int32Array;
  /** Id of the zone in `zones` ('' is a zone name too). */
  zone: Int32Array;
  /** 0 amd64, 1 arm64. */
  arch: Uint8Array;
  /** Id in `gpus`; -1 without GPUs. */
  gpu: Int32Array;
  gpuCount: Float64Array;
  vcpus: Float64Array;
  memoryGiB: Float64Array;
  /** Id of the lower-case instance family in `families`. */
  family: Int32Array;
  /** Ranked price per key; NaN where the offering has no such price. */
  price: Record<PriceKey, Float64Array>;
  regions: Dictionary;
  zones: Dictionary;
  gpus: Dictionary;
  families: Dictionary;
}

function cheapest(o: Offering): number {
  const od = o.onDemandPricePerHour ?? Infinity;
  const spot = o.spotPricePerHour ?? Infinity;
  const min = Math.min(od, spot);
  return min === Infinity ? NaN : min;
}

function emptyColumns(n: number): Columns {
  return {
    cloud: new Uint8Array(n),
    region: new Int32Array(n),
    zone: new Int32Array(n),
    arch: new Uint8Array(n),
    gpu: new Int32Array(n),
    gpuCount: new Float64Array(n),
    vcpus: new Float64Array(n),
    memoryGiB: new Float64Array(n),
    family: new Int32Array(n),
    price: { cheapest: new Float64Array(n), spot: new Float64Array(n), onDemand: new Float64Array(n) },
    regions: new Dictionary(),
    zones: new Dictionary(),
    gpus: new Dictionary(),
    families: new Dictionary(),
  };
}

/** Ids of per-cloud names (regions, instance families), without building a `cloud/name` string per row. */
class PerCloudIds {
  private readonly maps = CLOUDS.map(() => new Map<string, number>());

  constructor(
    private readonly dictionary: Dictionary,
    private readonly keyOf: (cloud: number, name: string) => string,
  ) {}

  id(cloud: number, name: string): number {
    const map = this.maps[cloud];
    let id = map.get(name);
    if (id === undefined) map.set(name, (id = this.dictionary.id(this.keyOf(cloud, name))));
    return id;
  }
}

export function buildColumns(offerings: readonly Offering[]): Columns {
  const c = emptyColumns(offerings.length);
  const regionIds = new PerCloudIds(c.regions, (cloud, region) => `${CLOUDS[cloud]}/${region}`);
  const familyIds = new PerCloudIds(c.families, (cloud, type) =>
    instanceFamily(CLOUDS[cloud], type).toLowerCase(),
  );
  for (let i = 0; i < offerings.length; i++) {
    const o = offerings[i];
    const cloud = CLOUDS.indexOf(o.cloud);
    c.cloud[i] = cloud;
    c.region[i] = regionIds.id(cloud, o.region);
    c.zone[i] = c.zones.id(o.zone);
    c.arch[i] = o.arch === 'arm64' ? 1 : 0;
    c.gpu[i] = o.gpuName === '' ? -1 : c.gpus.id(o.gpuName);
    c.gpuCount[i] = o.gpuCount;
    c.vcpus[i] = o.vcpus;
    c.memoryGiB[i] = o.memoryGiB;
    c.family[i] = familyIds.id(cloud, o.instanceType);
    c.price.cheapest[i] = cheapest(o);
    c.price.spot[i] = o.spotPricePerHour ?? NaN;
    c.price.onDemand[i] = o.onDemandPricePerHour ?? NaN;
  }
  return c;
}
