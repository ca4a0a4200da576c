import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AwsPriceFeed,
  AzurePriceFeed,
  PriceRefresher,
  type CatalogRow,
  type PriceFeed,
  type Snapshot,
} from '../../src/catalog/index.ts';
import { fixtureFetch, SteppedClock } from './helpers.ts';

const DAY = 86400;
const AZURE_FIRST =
  "https://prices.azure.com/api/retail/prices?$filter=serviceName%20eq%20'Virtual%20Machines'%20and%20priceType%20eq%20'Consumption'";
const AZURE_NEXT =
  'https://prices.azure.com:443/api/retail/prices?$filter=serviceName%20eq%20%27Virtual%20Machines%27%20and%20priceType%20eq%20%27Consumption%27&$skip=1000';

function row(r: Partial<CatalogRow> & Pick<CatalogRow, 'cloud' | 'region' | 'instanceType'>): CatalogRow {
  return {
    zone: '',
    arch: 'amd64',
    vcpus: 2,
    memoryGiB: 8,
    gpuName: '',
    gpuCount: 0,
    gpuMemoryGiB: 0,
    onDemandPricePerHour: 0.1,
    spotPricePerHour: null,
    ...r,
  };
}

const snapshot: Snapshot = {
  createdAt: '2026-11-01T00:00:00Z',
  sources: [
    { cloud: 'azure', pricesAsOf: '2026-05-20T00:00:00Z', credits: [] },
    { cloud: 'aws', pricesAsOf: '2026-07-20T00:00:00Z', credits: [] },
  ],
  rows: [
    row({
      cloud: 'azure',
      region: 'eastus',
      instanceType: 'Standard_D2s_v5',
      onDemandPricePerHour: 0.096,
      spotPricePerHour: 0.020362,
    }),
    row({
      cloud: 'azure',
      region: 'eastus',
      instanceType: 'Standard_D2ps_v5',
      arch: 'arm64',
      onDemandPricePerHour: 0.077,
      spotPricePerHour: 0.016278,
    }),
    row({
      cloud: 'aws',
      region: 'us-east-1',
      instanceType: 'm5.large',
      onDemandPricePerHour: 0.096,
      spotPricePerHour: 0.03264,
    }),
    row({
      cloud: 'aws',
      region: 'us-east-1',
      instanceType: 'm7g.large',
      arch: 'arm64',
      onDemandPricePerHour: 0.0816,
      spotPricePerHour: 0.029376,
    }),
  ],
};
const NOW = Date.parse('2026-11-25T08:00:00Z');

function find(refresher: PriceRefresher, type: string) {
  const o = refresher
    .catalog()
    .query({})
    .find((x) => x.instanceType === type);
  assert.ok(o, type);
  return o;
}

function azure(routes: Record<string, string | number>): PriceFeed {
  return new AzurePriceFeed(fixtureFetch(routes), AZURE_FIRST);
}

test('before any refresh: snapshot prices with their age', () => {
  const refresher = new PriceRefresher({ snapshot, feeds: [], clock: new SteppedClock(NOW) });
  const d2 = find(refresher, 'Standard_D2s_v5');
  assert.equal(d2.source, 'snapshot');
  assert.equal(d2.ageSeconds, (NOW - Date.parse('2026-05-20T00:00:00Z')) / 1000);
});

test('a refresh merges live prices over the snapshot; each price carries source and age', async () => {
  const clock = new SteppedClock(NOW);
  const refresher = new PriceRefresher({
    snapshot,
    feeds: [azure({ [AZURE_FIRST]: 'azure-retail-page1.json', [AZURE_NEXT]: 'azure-retail-page2.json' })],
    clock,
  });
  const [report] = await refresher.refresh();
  assert.deepEqual(report, { cloud: 'azure', ok: true, applied: 3, pages: 2, errors: [] });
  clock.advance(60);
  assert.deepEqual(
    [find(refresher, 'Standard_D2s_v5'), find(refresher, 'Standard_D2ps_v5')].map((o) => [
      o.onDemandPricePerHour,
      o.spotPricePerHour,
      o.source,
    ]),
    // D2ps_v5's spot price was not in the feed: the offering's age and source are those of its oldest price.
    [
      [0.1, 0.0215, 'live'],
      [0.08, 0.016278, 'snapshot'],
    ],
  );
  assert.equal(refresher.offerings().find((o) => o.instanceType === 'Standard_D2s_v5')?.ageSeconds, 60);
  assert.equal(find(refresher, 'm5.large').source, 'snapshot');
});

test('a failed page keeps the last good prices of everything it did not read', async () => {
  const refresher = new PriceRefresher({
    snapshot,
    feeds: [azure({ [AZURE_FIRST]: 'azure-retail-page1.json', [AZURE_NEXT]: 503 })],
    clock: new SteppedClock(NOW),
  });
  const [report] = await refresher.refresh();
  assert.equal(report.ok, false);
  assert.match(report.errors[0], /page 2: .*HTTP 503/);
  assert.equal(find(refresher, 'Standard_D2s_v5').onDemandPricePerHour, 0.1);
  const d2ps = find(refresher, 'Standard_D2ps_v5');
  assert.deepEqual([d2ps.onDemandPricePerHour, d2ps.source], [0.077, 'snapshot']);
});

test('a failed refresh after a good one keeps the live prices of the good one', async () => {
  const clock = new SteppedClock(NOW);
  const routes: Record<string, string | number> = {
    [AZURE_FIRST]: 'azure-retail-page1.json',
    [AZURE_NEXT]: 'azure-retail-page2.json',
  };
  const refresher = new PriceRefresher({ snapshot, feeds: [azure(routes)], clock });
  await refresher.refresh();
  routes[AZURE_FIRST] = 500;
  clock.advance(3600);
  const [report] = await refresher.refresh();
  assert.deepEqual([report.ok, report.applied], [false, 0]);
  const d2 = refresher.offerings().find((o) => o.instanceType === 'Standard_D2s_v5');
  assert.deepEqual([d2?.onDemandPricePerHour, d2?.source, d2?.ageSeconds], [0.1, 'live', 3600]);
});

test('a feed that throws is reported and changes nothing', async () => {
  const broken: PriceFeed = {
    cloud: 'aws',
    fetchPrices: async () => Promise.reject(new Error('socket hang up')),
  };
  const refresher = new PriceRefresher({ snapshot, feeds: [broken], clock: new SteppedClock(NOW) });
  assert.deepEqual(await refresher.refresh(), [
    { cloud: 'aws', ok: false, applied: 0, pages: 0, errors: ['socket hang up'] },
  ]);
  assert.equal(find(refresher, 'm5.large').onDemandPricePerHour, 0.096);
});

test('zone spot prices land on a region-level offering as the cheapest zone', async () => {
  const fetch = fixtureFetch({
    'https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/region_index.json':
      'aws-region-index.json',
    'https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/20261120180210/us-east-1/index.json':
      'aws-ec2-us-east-1.json',
  });
  const spot = {
    describeSpotPriceHistory: async () => ({
      SpotPriceHistory: [
        {
          AvailabilityZone: 'us-east-1a',
          InstanceType: 'm5.large',
          SpotPrice: '0.0350',
          Timestamp: '2026-11-25T07:00:00Z',
        },
        {
          AvailabilityZone: 'us-east-1c',
          InstanceType: 'm5.large',
          SpotPrice: '0.0310',
          Timestamp: '2026-11-25T07:00:00Z',
        },
      ],
    }),
  };
  const clock = new SteppedClock(NOW);
  const refresher = new PriceRefresher({
    snapshot,
    feeds: [new AwsPriceFeed({ fetch, spot, now: () => clock.now() })],
    clock,
  });
  const [report] = await refresher.refresh();
  assert.equal(report.ok, true);
  const m5 = find(refresher, 'm5.large');
  assert.deepEqual(
    [m5.onDemandPricePerHour, m5.spotPricePerHour, m5.source, m5.ageSeconds],
    [0.099, 0.031, 'live', 0],
  );
});

test('prices older than the threshold are reported as stale, per cloud', async () => {
  const clock = new SteppedClock(NOW);
  const refresher = new PriceRefresher({
    snapshot,
    feeds: [azure({ [AZURE_FIRST]: 'azure-retail-page1.json', [AZURE_NEXT]: 'azure-retail-page2.json' })],
    clock,
    staleAfterSeconds: DAY,
  });
  const before = refresher.staleness();
  assert.deepEqual([before.stale, before.total], [8, 8]);
  await refresher.refresh();
  const after = refresher.staleness();
  assert.deepEqual(after.byCloud.azure, {
    total: 4,
    stale: 1,
    oldestAgeSeconds: (NOW - Date.parse('2026-05-20T00:00:00Z')) / 1000,
  });
  assert.equal(after.byCloud.aws?.stale, 4);
  clock.advance(DAY + 1);
  assert.equal(refresher.staleness().byCloud.azure?.stale, 4, 'live prices go stale too when not refreshed');
});
