// `omni prices`: the cheapest offerings across clouds from the catalog, filtered and sorted by price.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { stringify } from 'yaml';
import {
  CLOUDS,
  loadEmbeddedCatalog,
  toPriceRow,
  type Arch,
  type CloudName,
  type Lifecycle,
  type OfferingQuery,
  type PriceRow,
} from '../../catalog/index.ts';

const DEFAULT_LIMIT = 50;

interface PricesOptions {
  gpu?: string;
  gpuCount?: number;
  minCpu?: number;
  minMemory?: number;
  arch?: Arch;
  cloud?: CloudName;
  region?: string;
  lifecycle?: Lifecycle;
  maxPrice?: number;
  limit: number;
  output: 'table' | 'json' | 'yaml';
}

function nonNegative(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError('expected a number ≥ 0');
  return n;
}

function wholeNumber(value: string): number {
  const n = nonNegative(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected a whole number');
  return n;
}

function archOf(value: string): Arch {
  const v = value.toLowerCase();
  if (v === 'amd64' || v === 'x86_64') return 'amd64';
  if (v === 'arm64' || v === 'aarch64') return 'arm64';
  throw new InvalidArgumentError('expected amd64 or arm64 (x86_64 and aarch64 are accepted)');
}

function toQuery(o: PricesOptions): OfferingQuery {
  return {
    gpuName: o.gpu,
    minGpuCount: o.gpuCount,
    minCpu: o.minCpu,
    minMemoryGiB: o.minMemory,
    arch: o.arch,
    cloud: o.cloud,
    region: o.region,
    lifecycle: o.lifecycle,
    maxPricePerHour: o.maxPrice,
    limit: o.limit === 0 ? undefined : o.limit,
  };
}

function money(n: number | null): string {
  return n === null ? '-' : `$${n.toFixed(4)}`;
}

function tableCells(r: PriceRow): string[] {
  return [
    r.cloud,
    r.region,
    r.zone || '-',
    r.instanceType,
    String(r.vcpus),
    `${r.memoryGiB} GiB`,
    r.gpuCount > 0 ? `${r.gpuCount}x ${r.gpuName}` : '-',
    money(r.onDemandPricePerHour),
    money(r.spotPricePerHour),
    money(r.pricePerGpuHour),
  ];
}

const HEADERS = [
  'CLOUD',
  'REGION',
  'ZONE',
  'INSTANCE TYPE',
  'VCPU',
  'MEMORY',
  'GPUS',
  'ON-DEMAND',
  'SPOT',
  '$/GPU-HOUR',
];
/** Columns holding numbers are right-aligned. */
const RIGHT = new Set([4, 5, 7, 8, 9]);

/** A plain aligned text table, one row per offering. */
export function renderTable(rows: PriceRow[]): string {
  const cells = [HEADERS, ...rows.map(tableCells)];
  const widths = HEADERS.map((_, col) => Math.max(...cells.map((r) => r[col].length)));
  const line = (r: string[]): string =>
    r
      .map((cell, col) => (RIGHT.has(col) ? cell.padStart(widths[col]) : cell.padEnd(widths[col])))
      .join('  ')
      .trimEnd();
  return cells.map(line).join('\n') + '\n';
}

export function renderPrices(rows: PriceRow[], output: PricesOptions['output']): string {
  if (output === 'json') return JSON.stringify(rows, null, 2) + '\n';
  if (output === 'yaml') return rows.length === 0 ? '[]\n' : stringify(rows);
  return renderTable(rows);
}

function ageNote(rows: PriceRow[]): string {
  const oldest = Math.max(...rows.map((r) => r.ageSeconds));
  const sources = [...new Set(rows.map((r) => r.source))].join('+');
  return `${rows.length} offerings, cheapest first; prices from ${sources}, oldest ${Math.floor(oldest / 86400)} days old\n`;
}

async function runPrices(options: PricesOptions): Promise<void> {
  const catalog = await loadEmbeddedCatalog();
  const rows = catalog.query(toQuery(options)).map((o) => toPriceRow(o, options.lifecycle));
  process.stdout.write(renderPrices(rows, options.output));
  if (options.output === 'table')
    process.stderr.write(rows.length === 0 ? 'no offerings match\n' : ageNote(rows));
}

export function registerPrices(program: Command): void {
  program
    .command('prices')
    .description(
      'Instance types and hourly prices across aws, gcp, azure and oci, cheapest first.\n' +
        'Example: omni prices --gpu a100 --lifecycle spot --limit 5',
    )
    .option('--gpu <name>', 'GPU name, exact, any case (A100, A100-80GB, H100, L4, …)')
    .option('--gpu-count <n>', 'at least this many GPUs', wholeNumber)
    .option('--min-cpu <n>', 'at least this many vCPUs', nonNegative)
    .option('--min-memory <GiB>', 'at least this much memory (GiB)', nonNegative)
    .option('--arch <arch>', 'amd64 or arm64', archOf)
    .addOption(new Option('--cloud <cloud>', 'only this cloud').choices(CLOUDS))
    .option('--region <region>', 'only this region')
    .addOption(
      new Option('--lifecycle <lifecycle>', 'rank by and require this price').choices(['spot', 'on-demand']),
    )
    .option('--max-price <usd>', 'at most this many USD per hour', nonNegative)
    .option('--limit <n>', 'show at most this many (0 = all)', wholeNumber, DEFAULT_LIMIT)
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(['table', 'json', 'yaml'])
        .default('table'),
    )
    .action((options: PricesOptions) => runPrices(options));
}
