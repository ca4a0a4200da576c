// Catalog figures: snapshot load time, heap after load, and query latency over all clouds.
// Run: node scripts/run-bench.mjs catalog
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { EMBEDDED_SNAPSHOT_PATH, loadEmbeddedCatalog, type OfferingQuery } from '../src/catalog/index.ts';
import { decodeSnapshot } from '../src/catalog/snapshot/format.ts';

const QUERY_RUNS = 2000;

function heapMiB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function fmt(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;
}

function timeQuery(
  catalog: Awaited<ReturnType<typeof loadEmbeddedCatalog>>,
  q: OfferingQuery,
): { median: number; p99: number; rows: number } {
  let rows = 0;
  for (let i = 0; i < 50; i++) rows = catalog.query(q).length; // warm-up
  const times: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i++) {
    const t = performance.now();
    catalog.query(q);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p99: percentile(times, 99), rows };
}

const QUERIES: [string, OfferingQuery][] = [
  [
    'amd64, ≥8 vCPU, ≥32 GiB, spot ≤ $1/h, cheapest 50',
    { arch: 'amd64', minCpu: 8, minMemoryGiB: 32, lifecycle: 'spot', maxPricePerHour: 1, limit: 50 },
  ],
  ['GPU A100, ≥1 GPU, on-demand, all rows', { gpuName: 'A100', minGpuCount: 1, lifecycle: 'on-demand' }],
  [
    '≥4 vCPU, ≤ $0.2/h, families m5|n2|Ds_v5, all rows',
    { minCpu: 4, maxPricePerHour: 0.2, instanceFamilies: { include: ['m5', 'n2', 'Ds_v5'] } },
  ],
  [
    '3 locations (aws/gcp/oci), arm64 excluded, cheapest 100',
    {
      arch: 'amd64',
      limit: 100,
      locations: [
        { cloud: 'aws', region: 'us-east-1' },
        { cloud: 'gcp', region: 'us-central1' },
        { cloud: 'oci', region: 'us-ashburn-1' },
      ],
    },
  ],
  ['worst case: ≥8 vCPU spot, every match (~69k rows)', { minCpu: 8, arch: 'amd64', lifecycle: 'spot' }],
];

const heapBefore = heapMiB();
const bytes = readFileSync(EMBEDDED_SNAPSHOT_PATH);
let t = performance.now();
decodeSnapshot(JSON.parse(gunzipSync(bytes).toString('utf8')));
const decodeMs = performance.now() - t;
t = performance.now();
const catalog = await loadEmbeddedCatalog();
const loadMs = performance.now() - t;
const heapAfter = heapMiB();
const counts = catalog.counts();

console.log(
  `snapshot file            ${(bytes.length / 1024).toFixed(0)} KiB gzip, ${Object.values(counts).reduce((a, b) => a + b, 0)} offerings ${JSON.stringify(counts)}`,
);
console.log(`gunzip + parse + decode  ${fmt(decodeMs)} (cold, first run)`);
console.log(`loadEmbeddedCatalog      ${fmt(loadMs)} (read + decode + build index)`);
console.log(
  `heap used after load     ${(heapAfter - heapBefore).toFixed(1)} MiB (total ${heapAfter.toFixed(1)} MiB)`,
);
console.log(`queries over all clouds (${QUERY_RUNS} runs each):`);
for (const [name, q] of QUERIES) {
  const r = timeQuery(catalog, q);
  console.log(
    `  ${name.padEnd(58)} median ${fmt(r.median).padStart(9)}  p99 ${fmt(r.p99).padStart(9)}  rows ${r.rows}`,
  );
}
