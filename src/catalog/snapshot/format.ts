// The committed snapshot's on-disk shape (version 1) and its encoder/decoder. See docs/adr/0004.
// Per cloud: string tables (regions, locations, instance types with their specs) and four row columns
// (type index, location index — both delta-encoded — on-demand and spot price). gzip does the rest.
import { CatalogError } from '../errors.ts';
import { byPlaceThenType } from '../order.ts';
import type { Arch, CatalogRow, CloudName, SnapshotSource } from '../types.ts';
import { CLOUDS } from '../types.ts';

export const SNAPSHOT_FORMAT = 'omni-catalog-snapshot';
export const SNAPSHOT_VERSION = 1;

/** [name, arch (0 amd64, 1 arm64), vcpus, memoryGiB, gpuName, gpuCount, gpuMemoryGiB] */
type TypeEntry = [string, number, number, number, string, number, number];

interface CloudTable {
  regions: string[];
  /** Location i is region `locationRegion[i]` (index into regions), zone `locationZone[i]` ('' = region-level). */
  locationRegion: number[];
  locationZone: string[];
  types: TypeEntry[];
  rows: { typeDelta: number[]; locationDelta: number[]; onDemand: (number | null)[]; spot: (number | null)[] };
}

export interface SnapshotFile {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  createdAt: string;
  sources: SnapshotSource[];
  clouds: Partial<Record<CloudName, CloudTable>>;
}

/** A decoded snapshot: every row, and where each cloud's prices came from. */
export interface Snapshot {
  createdAt: string;
  sources: SnapshotSource[];
  rows: CatalogRow[];
}

const ARCHES: readonly Arch[] = ['amd64', 'arm64'];

function interner<T>(key: (t: T) => string): { index(t: T): number; values: T[] } {
  const ids = new Map<string, number>();
  const values: T[] = [];
  return {
    values,
    index(t: T): number {
      const k = key(t);
      let id = ids.get(k);
      if (id === undefined) {
        id = values.length;
        ids.set(k, id);
        values.push(t);
      }
      return id;
    },
  };
}

function typeEntry(r: CatalogRow): TypeEntry {
  return [r.instanceType, ARCHES.indexOf(r.arch), r.vcpus, r.memoryGiB, r.gpuName, r.gpuCount, r.gpuMemoryGiB];
}

function deltas(values: number[]): number[] {
  return values.map((v, i) => (i === 0 ? v : v - values[i - 1]));
}

function encodeCloud(rows: CatalogRow[]): CloudTable {
  // Region/zone/type order is the index's tie-break order, so loading needs no sort.
  const sorted = [...rows].sort(byPlaceThenType);
  const regions = interner<string>((r) => r);
  const locations = interner<[number, string]>(([r, z]) => `${r}/${z}`);
  const types = interner<TypeEntry>((t) => JSON.stringify(t));
  const typeIds = sorted.map((r) => types.index(typeEntry(r)));
  const locationIds = sorted.map((r) => locations.index([regions.index(r.region), r.zone]));
  return {
    regions: regions.values,
    locationRegion: locations.values.map(([r]) => r),
    locationZone: locations.values.map(([, z]) => z),
    types: types.values,
    rows: {
      typeDelta: deltas(typeIds),
      locationDelta: deltas(locationIds),
      onDemand: sorted.map((r) => r.onDemandPricePerHour),
      spot: sorted.map((r) => r.spotPricePerHour),
    },
  };
}

/** Builds the snapshot file object from catalog rows. */
export function encodeSnapshot(rows: CatalogRow[], sources: SnapshotSource[], createdAt: string): SnapshotFile {
  const clouds: Partial<Record<CloudName, CloudTable>> = {};
  for (const cloud of [...CLOUDS].sort()) {
    const mine = rows.filter((r) => r.cloud === cloud);
    if (mine.length > 0) clouds[cloud] = encodeCloud(mine);
  }
  return { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, createdAt, sources, clouds };
}

function fail(what: string): never {
  throw new CatalogError(`catalog snapshot is corrupt: ${what}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkHeader(file: unknown): asserts file is SnapshotFile {
  if (!isRecord(file) || file.format !== SNAPSHOT_FORMAT) fail('not an omni catalog snapshot');
  if (file.version !== SNAPSHOT_VERSION) fail(`version ${String(file.version)} (this omni reads ${SNAPSHOT_VERSION})`);
  if (typeof file.createdAt !== 'string' || !Array.isArray(file.sources) || !isRecord(file.clouds)) {
    fail('missing createdAt, sources or clouds');
  }
}

function checkTable(cloud: CloudName, t: CloudTable): void {
  const tables = [t?.regions, t?.locationRegion, t?.locationZone, t?.types];
  if (!tables.every(Array.isArray) || !isRecord(t.rows)) fail(`${cloud}: missing tables`);
  const columns = [t.rows.typeDelta, t.rows.locationDelta, t.rows.onDemand, t.rows.spot];
  const n = t.rows.typeDelta?.length;
  if (!columns.every((col) => Array.isArray(col) && col.length === n)) fail(`${cloud}: row columns differ in length`);
}

function checkPrice(cloud: CloudName, p: unknown): number | null {
  if (p === null) return null;
  if (typeof p !== 'number' || !Number.isFinite(p) || p < 0) fail(`${cloud}: bad price ${String(p)}`);
  return p;
}

function rowAt(cloud: CloudName, t: CloudTable, ids: { type: number; location: number; i: number }): CatalogRow {
  const type = t.types[ids.type];
  const regionId = t.locationRegion[ids.location];
  if (!Array.isArray(type) || regionId === undefined || t.regions[regionId] === undefined) {
    fail(`${cloud}: row ${ids.i} points outside its tables`);
  }
  const [instanceType, arch, vcpus, memoryGiB, gpuName, gpuCount, gpuMemoryGiB] = type;
  return {
    cloud,
    region: t.regions[regionId],
    zone: t.locationZone[ids.location],
    instanceType,
    arch: ARCHES[arch] ?? fail(`${cloud}: bad arch code ${arch}`),
    vcpus,
    memoryGiB,
    gpuName,
    gpuCount,
    gpuMemoryGiB,
    onDemandPricePerHour: checkPrice(cloud, t.rows.onDemand[ids.i]),
    spotPricePerHour: checkPrice(cloud, t.rows.spot[ids.i]),
  };
}

function decodeCloud(cloud: CloudName, t: CloudTable, out: CatalogRow[]): void {
  checkTable(cloud, t);
  let type = 0;
  let location = 0;
  for (let i = 0; i < t.rows.typeDelta.length; i++) {
    type += t.rows.typeDelta[i];
    location += t.rows.locationDelta[i];
    out.push(rowAt(cloud, t, { type, location, i }));
  }
}

/** Checks and expands a parsed snapshot file; throws CatalogError naming what is wrong. */
export function decodeSnapshot(file: unknown): Snapshot {
  checkHeader(file);
  const rows: CatalogRow[] = [];
  for (const cloud of [...CLOUDS].sort()) {
    const table = file.clouds[cloud];
    if (table !== undefined) decodeCloud(cloud, table, rows);
  }
  if (rows.length === 0) fail('it holds no offerings');
  return { createdAt: file.createdAt, sources: file.sources, rows };
}
