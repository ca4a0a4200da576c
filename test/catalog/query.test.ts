import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CatalogError,
  catalogFromOfferings,
  instanceFamily,
  loadEmbeddedCatalog,
  type Offering,
} from '../../src/catalog/index.ts';
import { offering } from './helpers.ts';

const offerings: Offering[] = [
  offering({
    cloud: 'aws',
    region: 'us-east-1',
    instanceType: 'm5.large',
    onDemandPricePerHour: 0.096,
    spotPricePerHour: 0.033,
  }),
  offering({
    cloud: 'aws',
    region: 'us-east-1',
    instanceType: 'm7g.large',
    arch: 'arm64',
    onDemandPricePerHour: 0.0816,
    spotPricePerHour: 0.029,
  }),
  offering({
    cloud: 'aws',
    region: 'us-east-1',
    instanceType: 'p4d.24xlarge',
    vcpus: 96,
    memoryGiB: 1152,
    gpuName: 'A100',
    gpuCount: 8,
    gpuMemoryGiB: 40,
    onDemandPricePerHour: 21.96,
    spotPricePerHour: 7.25,
  }),
  offering({
    cloud: 'gcp',
    region: 'us-central1',
    zone: 'us-central1-a',
    instanceType: 'a2-highgpu-1g',
    vcpus: 12,
    memoryGiB: 85,
    gpuName: 'A100',
    gpuCount: 1,
    onDemandPricePerHour: 3.67,
    spotPricePerHour: 1.93,
  }),
  offering({
    cloud: 'gcp',
    region: 'us-central1',
    zone: 'us-central1-b',
    instanceType: 'a2-highgpu-1g',
    vcpus: 12,
    memoryGiB: 85,
    gpuName: 'A100',
    gpuCount: 1,
    onDemandPricePerHour: 3.67,
    spotPricePerHour: 1.93,
  }),
  offering({
    cloud: 'gcp',
    region: 'us-central1',
    zone: 'us-central1-a',
    instanceType: 'n2-standard-4',
    vcpus: 4,
    memoryGiB: 16,
    onDemandPricePerHour: 0.194,
  }),
  offering({
    cloud: 'azure',
    region: 'eastus',
    instanceType: 'Standard_NC24ads_A100_v4',
    vcpus: 24,
    memoryGiB: 220,
    gpuName: 'A100-80GB',
    gpuCount: 1,
    onDemandPricePerHour: 3.673,
    spotPricePerHour: 0.75,
  }),
  offering({
    cloud: 'oci',
    region: 'us-ashburn-1',
    zone: 'US-ASHBURN-AD-1',
    instanceType: 'VM.Standard.E4.Flex$_4_16',
    vcpus: 4,
    memoryGiB: 16,
    onDemandPricePerHour: 0.074,
    spotPricePerHour: 0.037,
  }),
];
const catalog = catalogFromOfferings(offerings);
const types = (os: Offering[]) => os.map((o) => o.instanceType);
const zoned = (os: Offering[]) => os.map((o) => `${o.instanceType}@${o.zone}`);

test('sorted by the cheaper price, ties by cloud/region/zone/type', () => {
  assert.deepEqual(types(catalog.query({ limit: 4 })), [
    'm7g.large',
    'm5.large',
    'VM.Standard.E4.Flex$_4_16',
    'n2-standard-4',
  ]);
  assert.deepEqual(zoned(catalog.query({ gpuName: 'a100' })), [
    'a2-highgpu-1g@us-central1-a',
    'a2-highgpu-1g@us-central1-b',
    'p4d.24xlarge@',
  ]);
});

test('a lifecycle requires that price and ranks by it', () => {
  const spot = catalog.query({ lifecycle: 'spot', minCpu: 4 });
  assert.ok(spot.every((o) => o.spotPricePerHour !== null));
  assert.equal(
    spot.some((o) => o.instanceType === 'n2-standard-4'),
    false,
  );
  assert.deepEqual(types(catalog.query({ lifecycle: 'on-demand', gpuName: 'A100', minGpuCount: 8 })), [
    'p4d.24xlarge',
  ]);
  assert.deepEqual(types(catalog.query({ lifecycle: 'on-demand', maxPricePerHour: 0.09 })), [
    'VM.Standard.E4.Flex$_4_16',
    'm7g.large',
  ]);
});

test('GPU names match exactly, any case: A100 is not A100-80GB', () => {
  assert.equal(
    catalog.query({ gpuName: 'A100' }).some((o) => o.gpuName === 'A100-80GB'),
    false,
  );
  assert.deepEqual(types(catalog.query({ gpuName: 'a100-80gb' })), ['Standard_NC24ads_A100_v4']);
});

test('shape filters: arch, cpu, memory, families; max 0 means no bound', () => {
  assert.deepEqual(types(catalog.query({ arch: 'arm64' })), ['m7g.large']);
  assert.deepEqual(types(catalog.query({ minCpu: 90 })), ['p4d.24xlarge']);
  assert.deepEqual(types(catalog.query({ maxCpu: 2, maxMemoryGiB: 0 })), ['m7g.large', 'm5.large']);
  assert.deepEqual(types(catalog.query({ minMemoryGiB: 200, maxMemoryGiB: 1000 })), [
    'Standard_NC24ads_A100_v4',
  ]);
  assert.deepEqual(types(catalog.query({ instanceFamilies: { include: ['M5', 'VM.Standard.E4'] } })), [
    'm5.large',
    'VM.Standard.E4.Flex$_4_16',
  ]);
  assert.equal(
    catalog.query({ instanceFamilies: { exclude: ['a2'] } }).some((o) => o.instanceType.startsWith('a2')),
    false,
  );
});

test('locations narrow to regions and zones; region-level offerings match any zone', () => {
  const q = catalog.query({
    locations: [
      { cloud: 'gcp', region: 'us-central1', zones: ['us-central1-b'] },
      { cloud: 'aws', region: 'us-east-1', zones: ['us-east-1a'] },
    ],
  });
  assert.deepEqual(zoned(q), ['m7g.large@', 'm5.large@', 'a2-highgpu-1g@us-central1-b', 'p4d.24xlarge@']);
  assert.deepEqual(zoned(catalog.query({ cloud: 'gcp', region: 'us-central1', gpuName: 'A100', limit: 1 })), [
    'a2-highgpu-1g@us-central1-a',
  ]);
});

test('unknown GPU names and regions are errors that name the closest known ones', () => {
  assert.throws(
    () => catalog.query({ gpuName: 'A100-40GB' }),
    (err: unknown) =>
      err instanceof CatalogError &&
      /unknown GPU name "A100-40GB"; closest: A100-80GB, A100/.test(err.message),
  );
  assert.throws(
    () => catalog.query({ cloud: 'gcp', region: 'us-centrl1' }),
    /unknown gcp region "us-centrl1"; closest: us-central1/,
  );
  assert.throws(
    () => catalog.query({ locations: [{ cloud: 'aws', region: 'eu-west-1' }] }),
    /unknown aws region "eu-west-1"; closest: us-east-1/,
  );
});

test('instance families per cloud', () => {
  assert.equal(instanceFamily('aws', 'm5.large'), 'm5');
  assert.equal(instanceFamily('gcp', 'n2-standard-2'), 'n2');
  assert.equal(instanceFamily('oci', 'VM.Standard.E4.Flex$_4_16'), 'VM.Standard.E4');
  assert.equal(instanceFamily('azure', 'Standard_D2s_v5'), 'Ds_v5');
  assert.equal(instanceFamily('azure', 'Standard_NC24ads_A100_v4'), 'NCads_A100_v4');
});

test('metadata: regions, GPU names, counts', () => {
  assert.deepEqual(catalog.regions('gcp'), [
    { region: 'us-central1', zones: ['us-central1-a', 'us-central1-b'] },
  ]);
  assert.deepEqual(catalog.gpuNames(), ['A100', 'A100-80GB']);
  assert.deepEqual(catalog.counts(), { aws: 3, gcp: 3, azure: 1, oci: 1 });
});

test('queries over the whole embedded catalog agree with a plain scan', async () => {
  const c = await loadEmbeddedCatalog();
  const all = c.query({});
  const q = {
    minCpu: 8,
    minMemoryGiB: 32,
    arch: 'amd64' as const,
    lifecycle: 'spot' as const,
    maxPricePerHour: 1,
  };
  const expected = all.filter(
    (o) =>
      o.vcpus >= 8 &&
      o.memoryGiB >= 32 &&
      o.arch === 'amd64' &&
      o.spotPricePerHour !== null &&
      o.spotPricePerHour <= 1,
  );
  const got = c.query(q);
  assert.equal(got.length, expected.length);
  for (let i = 1; i < got.length; i++)
    assert.ok((got[i - 1].spotPricePerHour ?? 0) <= (got[i].spotPricePerHour ?? 0));
  assert.deepEqual(c.query({ ...q, limit: 10 }), got.slice(0, 10));
});

test('indexed family and GPU queries agree with a plain scan of the embedded catalog', async () => {
  const c = await loadEmbeddedCatalog();
  const all = c.query({});
  const families = c.query({
    minCpu: 4,
    maxPricePerHour: 0.2,
    instanceFamilies: { include: ['m5', 'N2', 'Ds_v5'] },
  });
  const cheaper = (o: Offering) =>
    Math.min(o.onDemandPricePerHour ?? Infinity, o.spotPricePerHour ?? Infinity);
  const expected = all.filter(
    (o) =>
      o.vcpus >= 4 &&
      cheaper(o) <= 0.2 &&
      ['m5', 'n2', 'ds_v5'].includes(instanceFamily(o.cloud, o.instanceType).toLowerCase()),
  );
  assert.deepEqual(families, expected);
  const gpus = c.query({ gpuName: 'l4', cloud: 'gcp', lifecycle: 'spot' });
  assert.deepEqual(
    gpus,
    all
      .filter((o) => o.gpuName === 'L4' && o.cloud === 'gcp' && o.spotPricePerHour !== null)
      .sort((a, b) => (a.spotPricePerHour ?? 0) - (b.spotPricePerHour ?? 0)),
  );
});
