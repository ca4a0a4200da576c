import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.ts';

type Write = typeof process.stdout.write;

/** Keeps string writes (the CLI's); passes byte writes (node:test's own reporting channel) through. */
function capture(stream: NodeJS.WriteStream, into: string[]): Write {
  const original = stream.write;
  stream.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
    typeof chunk === 'string' ? into.push(chunk) > 0 : original.call(stream, chunk, ...rest)) as Write;
  return original;
}

/** Runs `omni …` in-process and captures what it writes. */
async function omni(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = process.exitCode;
  process.exitCode = undefined;
  const writeOut = capture(process.stdout, out);
  const writeErr = capture(process.stderr, err);
  try {
    const code = await main(['node', 'omni', ...args]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    process.exitCode = saved;
  }
}

const JSON_KEYS = [
  'cloud',
  'region',
  'zone',
  'instanceType',
  'arch',
  'vcpus',
  'memoryGiB',
  'gpuName',
  'gpuCount',
  'onDemandPricePerHour',
  'spotPricePerHour',
  'pricePerGpuHour',
  'source',
  'ageSeconds',
];

interface Row {
  cloud: string;
  instanceType: string;
  gpuName: string;
  gpuCount: number;
  spotPricePerHour: number | null;
  onDemandPricePerHour: number | null;
  pricePerGpuHour: number | null;
  vcpus: number;
  source: string;
}

test('omni prices -o json: an array with exactly the contract keys, cheapest first', async () => {
  const { code, stdout } = await omni(
    'prices',
    '--gpu',
    'h100',
    '--lifecycle',
    'spot',
    '--gpu-count',
    '8',
    '--limit',
    '5',
    '-o',
    'json',
  );
  assert.equal(code, 0);
  const rows = JSON.parse(stdout) as Row[];
  assert.equal(rows.length, 5);
  for (const r of rows) {
    assert.deepEqual(Object.keys(r), JSON_KEYS);
    assert.equal(r.gpuName, 'H100');
    assert.ok(r.gpuCount >= 8);
    assert.equal(r.pricePerGpuHour, Math.round(((r.spotPricePerHour ?? 0) / r.gpuCount) * 1e6) / 1e6);
    assert.equal(r.source, 'snapshot');
  }
  const spot = rows.map((r) => r.spotPricePerHour ?? Infinity);
  assert.deepEqual(
    spot,
    [...spot].sort((a, b) => a - b),
  );
});

test('omni prices -o yaml: the same rows as json', async () => {
  const args = [
    'prices',
    '--cloud',
    'aws',
    '--region',
    'us-east-1',
    '--min-cpu',
    '2',
    '--min-memory',
    '8',
    '--arch',
    'arm64',
    '--limit',
    '3',
  ];
  const yaml = await omni(...args, '-o', 'yaml');
  const json = await omni(...args, '-o', 'json');
  assert.equal(yaml.code, 0);
  assert.deepEqual(parse(yaml.stdout), JSON.parse(json.stdout));
  assert.equal((parse(yaml.stdout) as Row[]).length, 3);
});

test('omni prices (table): header, one line per offering, prices and $/GPU-hour', async () => {
  const { code, stdout, stderr } = await omni(
    'prices',
    '--cloud',
    'aws',
    '--gpu',
    'A100',
    '--lifecycle',
    'on-demand',
    '--limit',
    '1',
  );
  assert.equal(code, 0);
  const lines = stdout.trimEnd().split('\n');
  assert.match(
    lines[0],
    /^CLOUD\s+REGION\s+ZONE\s+INSTANCE TYPE\s+VCPU\s+MEMORY\s+GPUS\s+ON-DEMAND\s+SPOT\s+\$\/GPU-HOUR$/,
  );
  assert.equal(lines.length, 2);
  assert.match(
    lines[1],
    /^aws\s+us-east-1\s+-\s+p4d\.24xlarge\s+96\s+1152 GiB\s+8x A100\s+\$21\.9576\s+\$7\.2460\s+\$2\.7447$/,
  );
  assert.match(stderr, /1 offerings, cheapest first; prices from snapshot/);
});

test('omni prices --max-price and --limit', async () => {
  const { stdout } = await omni('prices', '--max-price', '0.01', '--limit', '0', '-o', 'json');
  const rows = JSON.parse(stdout) as Row[];
  assert.ok(rows.length > 50, 'limit 0 shows all');
  assert.ok(
    rows.every((r) => Math.min(r.onDemandPricePerHour ?? Infinity, r.spotPricePerHour ?? Infinity) <= 0.01),
  );
  const defaults = JSON.parse((await omni('prices', '-o', 'json')).stdout) as Row[];
  assert.equal(defaults.length, 50);
});

test('omni prices: unknown GPU or region → error with close matches, exit 1', async () => {
  const gpu = await omni('prices', '--gpu', 'A100-40GB');
  assert.equal(gpu.code, 1);
  assert.match(gpu.stderr, /^error: unknown GPU name "A100-40GB"; closest: A100-80GB, A100/);
  const region = await omni('prices', '--cloud', 'gcp', '--region', 'us-centrl1');
  assert.equal(region.code, 1);
  assert.match(region.stderr, /^error: unknown gcp region "us-centrl1"; closest: us-central1/);
  assert.equal(region.stdout, '');
});

test('omni prices: bad flag values are usage errors, exit 2', async () => {
  for (const args of [
    ['--lifecycle', 'sometimes'],
    ['--limit', '-1'],
    ['--arch', 'sparc'],
    ['--cloud', 'ibm'],
    ['-o', 'xml'],
  ]) {
    const r = await omni('prices', ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /error: /);
  }
});

test('bin/omni.js prices runs as a process', () => {
  const r = spawnSync(
    process.execPath,
    ['bin/omni.js', 'prices', '--gpu', 'a100', '--limit', '5', '-o', 'json'],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as Row[]).length, 5);
});
