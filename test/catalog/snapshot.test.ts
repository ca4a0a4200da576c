import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import {
  CatalogError,
  catalogFromSnapshot,
  loadEmbeddedCatalog,
  loadEmbeddedSnapshot,
  readSnapshotFile,
} from '../../src/catalog/index.ts';
import { parseCatalogCsv } from '../../src/catalog/csv.ts';
import { decodeSnapshot, encodeSnapshot } from '../../src/catalog/snapshot/format.ts';
import { SteppedClock } from './helpers.ts';

test('the embedded snapshot has every row of the shared catalog, per cloud', async () => {
  const catalog = await loadEmbeddedCatalog();
  // Row counts from /work/shared/catalog/README.md ("Row counts (this build)").
  assert.deepEqual(catalog.counts(), { aws: 2640, gcp: 35175, azure: 56671, oci: 3726 });
});

test('the embedded snapshot records where and when its prices come from', async () => {
  const snapshot = await loadEmbeddedSnapshot();
  const aws = snapshot.sources.find((s) => s.cloud === 'aws');
  assert.equal(aws?.pricesAsOf, '2026-07-20T00:00:00Z');
  assert.ok(aws?.credits.some((c) => c.includes('karpenter-provider-aws') && c.includes('Apache-2.0')));
  assert.deepEqual(snapshot.sources.map((s) => s.cloud).sort(), ['aws', 'azure', 'gcp', 'oci']);
});

function one(
  catalog: Awaited<ReturnType<typeof loadEmbeddedCatalog>>,
  cloud: 'aws' | 'gcp' | 'azure' | 'oci',
  region: string,
  type: string,
) {
  const found = catalog.query({ cloud, region }).filter((o) => o.instanceType === type);
  assert.ok(found.length > 0, `${cloud} ${region} ${type} not found`);
  return found[0];
}

test('known prices (sanity rows of the shared README)', async () => {
  const c = await loadEmbeddedCatalog();
  const m5 = one(c, 'aws', 'us-east-1', 'm5.large');
  assert.equal(m5.onDemandPricePerHour, 0.096);
  assert.equal(m5.spotPricePerHour, 0.03264);
  assert.equal(m5.arch, 'amd64');
  assert.equal(one(c, 'aws', 'us-east-1', 'm7g.large').arch, 'arm64');
  const p5 = one(c, 'aws', 'us-east-1', 'p5.48xlarge');
  assert.deepEqual(
    [p5.gpuName, p5.gpuCount, p5.gpuMemoryGiB, p5.onDemandPricePerHour],
    ['H100', 8, 80, 55.04],
  );
  const a2 = c
    .query({ cloud: 'gcp', region: 'us-central1', gpuName: 'A100' })
    .find((o) => o.zone === 'us-central1-a' && o.instanceType === 'a2-highgpu-1g');
  assert.equal(a2?.onDemandPricePerHour, 3.673385);
  assert.equal(one(c, 'azure', 'eastus', 'Standard_D2ps_v5').arch, 'arm64');
  assert.equal(one(c, 'azure', 'eastus', 'Standard_NC24ads_A100_v4').gpuName, 'A100-80GB');
  const h100 = one(c, 'oci', 'us-ashburn-1', 'BM.GPU.H100.8');
  assert.deepEqual(
    [h100.zone, h100.onDemandPricePerHour, h100.spotPricePerHour],
    ['US-ASHBURN-AD-1', 80, null],
  );
});

test('snapshot prices carry source "snapshot" and their age since the upstream data', async () => {
  const snapshot = await loadEmbeddedSnapshot();
  const clock = new SteppedClock(Date.parse('2026-07-21T00:00:00Z'));
  const m5 = catalogFromSnapshot(snapshot, clock)
    .query({ cloud: 'aws', region: 'us-east-1' })
    .find((o) => o.instanceType === 'm5.large');
  assert.equal(m5?.source, 'snapshot');
  assert.equal(m5?.ageSeconds, 86400);
});

test('regions and zones per cloud', async () => {
  const c = await loadEmbeddedCatalog();
  assert.deepEqual(
    c.regions('aws').map((r) => r.region),
    ['us-east-1', 'us-gov-east-1', 'us-gov-west-1'],
  );
  assert.equal(c.regions('oci').length, 44);
  const ashburn = c.regions('oci').find((r) => r.region === 'us-ashburn-1');
  assert.deepEqual(ashburn?.zones, ['US-ASHBURN-AD-1', 'US-ASHBURN-AD-2', 'US-ASHBURN-AD-3']);
  assert.ok(c.gpuNames().includes('A100-80GB'));
});

test('encode → decode keeps every row exactly', () => {
  const rows = parseCatalogCsv(
    'cloud,region,zone,instance_type,arch,vcpus,memory_gib,gpu_name,gpu_count,gpu_memory_gib,on_demand_usd_per_hour,spot_usd_per_hour\n' +
      'gcp,us-central1,us-central1-a,g2-standard-4,x86_64,4,16,L4,1,24,0.706832,0.397336\n' +
      'gcp,us-central1,us-central1-b,g2-standard-4,x86_64,4,16,L4,1,24,0.706832,0.397336\n' +
      'oci,us-ashburn-1,US-ASHBURN-AD-1,BM.GPU.H100.8,x86_64,224,2048,H100,8,80,80,\n',
  );
  const decoded = decodeSnapshot(
    JSON.parse(JSON.stringify(encodeSnapshot(rows, [], '2026-11-25T00:00:00Z'))),
  );
  assert.deepEqual(
    decoded.rows.sort((a, b) => a.zone.localeCompare(b.zone)),
    rows.sort((a, b) => a.zone.localeCompare(b.zone)),
  );
});

test('a missing snapshot file is an error, not an empty catalog', async () => {
  await assert.rejects(readSnapshotFile('/nonexistent/catalog.json.gz'), (err: unknown) => {
    assert.ok(err instanceof CatalogError);
    assert.match(err.message, /cannot read catalog snapshot \/nonexistent\/catalog\.json\.gz/);
    return true;
  });
});

test('a corrupt snapshot file is an error naming what is wrong', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'omni-catalog-'));
  const cases: [string, Buffer, RegExp][] = [
    ['not-gzip', Buffer.from('hello'), /corrupt: incorrect header check/],
    ['not-json', gzipSync('{"format":'), /corrupt/],
    ['wrong-format', gzipSync('{"format":"other"}'), /not an omni catalog snapshot/],
    [
      'empty',
      gzipSync(
        JSON.stringify({
          format: 'omni-catalog-snapshot',
          version: 1,
          createdAt: 'x',
          sources: [],
          clouds: {},
        }),
      ),
      /holds no offerings/,
    ],
    [
      'bad-index',
      gzipSync(
        JSON.stringify({
          format: 'omni-catalog-snapshot',
          version: 1,
          createdAt: 'x',
          sources: [],
          clouds: {
            aws: {
              regions: ['us-east-1'],
              locationRegion: [0],
              locationZone: [''],
              types: [],
              rows: { typeDelta: [3], locationDelta: [0], onDemand: [1], spot: [null] },
            },
          },
        }),
      ),
      /points outside its tables/,
    ],
  ];
  for (const [name, bytes, message] of cases) {
    const path = join(dir, `${name}.json.gz`);
    await writeFile(path, bytes);
    await assert.rejects(
      readSnapshotFile(path),
      (err: unknown) => err instanceof CatalogError && message.test(err.message),
      name,
    );
  }
});

test('the CSV parser rejects a file with the wrong header or broken numbers', () => {
  assert.throws(() => parseCatalogCsv('a,b\n'), /unexpected header/);
  const header =
    'cloud,region,zone,instance_type,arch,vcpus,memory_gib,gpu_name,gpu_count,gpu_memory_gib,on_demand_usd_per_hour,spot_usd_per_hour\n';
  assert.throws(
    () => parseCatalogCsv(`${header}aws,us-east-1,,m5.large,x86_64,two,8,,,,0.096,\n`),
    /:2: a number column/,
  );
  assert.throws(
    () => parseCatalogCsv(`${header}aws,us-east-1,,m5.large,sparc,2,8,,,,0.096,\n`),
    /unknown architecture/,
  );
});
