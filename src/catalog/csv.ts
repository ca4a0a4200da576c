// Parses the shared catalog CSV format (see /work/shared/catalog/README.md) into catalog rows.
import { CatalogError } from './errors.ts';
import type { Arch, CatalogRow, CloudName } from './types.ts';
import { CLOUDS } from './types.ts';

const HEADER =
  'cloud,region,zone,instance_type,arch,vcpus,memory_gib,gpu_name,gpu_count,gpu_memory_gib,on_demand_usd_per_hour,spot_usd_per_hour';

/** The catalog's arch column speaks x86_64/aarch64; Kubernetes (and omni) speak amd64/arm64. */
export function toArch(value: string): Arch {
  const v = value.trim().toLowerCase();
  if (v === 'x86_64' || v === 'amd64') return 'amd64';
  if (v === 'arm64' || v === 'aarch64') return 'arm64';
  throw new CatalogError(`unknown architecture "${value}" (expected x86_64, amd64, arm64 or aarch64)`);
}

function toCloud(value: string): CloudName {
  const cloud = CLOUDS.find((c) => c === value);
  if (!cloud) throw new CatalogError(`unknown cloud "${value}"`);
  return cloud;
}

function toPrice(value: string): number | null {
  return value === '' ? null : Number(value);
}

function toRow(fields: string[]): CatalogRow {
  const [cloud, region, zone, type, arch, vcpus, mem, gpuName, gpuCount, gpuMem, od, spot] = fields;
  return {
    cloud: toCloud(cloud),
    region,
    zone,
    instanceType: type,
    arch: toArch(arch),
    vcpus: Number(vcpus),
    memoryGiB: Number(mem),
    gpuName: gpuName.toUpperCase(),
    gpuCount: gpuCount === '' ? 0 : Number(gpuCount),
    gpuMemoryGiB: gpuMem === '' ? 0 : Number(gpuMem),
    onDemandPricePerHour: toPrice(od),
    spotPricePerHour: toPrice(spot),
  };
}

function checkRow(row: CatalogRow, line: number, source: string): void {
  const numbers = [row.vcpus, row.memoryGiB, row.gpuCount, row.gpuMemoryGiB];
  const prices = [row.onDemandPricePerHour, row.spotPricePerHour].filter((p) => p !== null);
  if ([...numbers, ...prices].some((n) => !Number.isFinite(n) || n < 0)) {
    throw new CatalogError(`${source}:${line}: a number column is not a non-negative number`);
  }
}

/** Parses one catalog CSV file's text (the fields never contain commas or quotes). */
export function parseCatalogCsv(text: string, source = 'catalog.csv'): CatalogRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  if (lines[0] !== HEADER) throw new CatalogError(`${source}: unexpected header, expected ${HEADER}`);
  return lines.slice(1).map((line, i) => {
    const fields = line.split(',');
    if (fields.length !== 12)
      throw new CatalogError(`${source}:${i + 2}: expected 12 fields, got ${fields.length}`);
    const row = toRow(fields);
    checkRow(row, i + 2, source);
    return row;
  });
}
