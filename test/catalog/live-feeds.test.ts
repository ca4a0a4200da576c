import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AwsPriceFeed,
  AzurePriceFeed,
  GcpPriceFeed,
  OciPriceFeed,
  type LivePrice,
  type SpotPriceHistoryPort,
} from '../../src/catalog/index.ts';
import type { FeedContext, InstanceSpec } from '../../src/catalog/live/types.ts';
import { gcpRateName } from '../../src/catalog/live/gcp.ts';
import { fixtureFetch } from './helpers.ts';

function spec(instanceType: string, s: Partial<InstanceSpec> = {}): InstanceSpec {
  return { instanceType, vcpus: 2, memoryGiB: 8, gpuName: '', gpuCount: 0, hasSpot: true, ...s };
}

function context(regions: string[], specs: InstanceSpec[]): FeedContext {
  return { regions, specs: new Map(specs.map((s) => [s.instanceType, s])) };
}

function priceOf(
  prices: LivePrice[],
  type: string,
  lifecycle: LivePrice['lifecycle'],
  region?: string,
): number | undefined {
  return prices.find(
    (p) => p.instanceType === type && p.lifecycle === lifecycle && (!region || p.region === region),
  )?.pricePerHour;
}

const AZURE_FIRST =
  "https://prices.azure.com/api/retail/prices?$filter=serviceName%20eq%20'Virtual%20Machines'%20and%20priceType%20eq%20'Consumption'";
const AZURE_NEXT =
  'https://prices.azure.com:443/api/retail/prices?$filter=serviceName%20eq%20%27Virtual%20Machines%27%20and%20priceType%20eq%20%27Consumption%27&$skip=1000';
const azureContext = context(['eastus'], [spec('Standard_D2s_v5'), spec('Standard_D2ps_v5')]);

test('azure: follows NextPageLink, keeps Linux Consumption and Spot meters by armSkuName', async () => {
  const fetch = fixtureFetch({
    [AZURE_FIRST]: 'azure-retail-page1.json',
    [AZURE_NEXT]: 'azure-retail-page2.json',
  });
  const result = await new AzurePriceFeed(fetch, AZURE_FIRST).fetchPrices(azureContext);
  assert.deepEqual(fetch.requested, [AZURE_FIRST, AZURE_NEXT]);
  assert.equal(result.complete, true);
  assert.equal(result.pages, 2);
  // Windows, Low Priority and Reservation rows are dropped; Standard_X1_v9 is not in the catalog.
  assert.deepEqual(
    result.prices.map((p) => `${p.region} ${p.instanceType} ${p.lifecycle} ${p.pricePerHour}`),
    [
      'eastus Standard_D2s_v5 on-demand 0.1',
      'eastus Standard_D2s_v5 spot 0.0215',
      'eastus Standard_D2ps_v5 on-demand 0.08',
    ],
  );
});

test('azure: a failed page keeps what was read and reports the failure', async () => {
  const fetch = fixtureFetch({ [AZURE_FIRST]: 'azure-retail-page1.json', [AZURE_NEXT]: 503 });
  const result = await new AzurePriceFeed(fetch, AZURE_FIRST).fetchPrices(azureContext);
  assert.equal(result.complete, false);
  assert.match(result.errors[0], /page 2: GET .* HTTP 503/);
  assert.equal(priceOf(result.prices, 'Standard_D2s_v5', 'on-demand'), 0.1);
  assert.equal(priceOf(result.prices, 'Standard_D2ps_v5', 'on-demand'), undefined);
});

const GCP_BASE = 'https://cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus';
const GCP_FIRST = `${GCP_BASE}?key=test-key&currencyCode=USD&pageSize=5000`;
const GCP_NEXT = `${GCP_FIRST}&pageToken=CAEQAhoHCL`;
const gcpContext = context(
  ['us-central1', 'europe-west4'],
  [
    spec('n2-standard-2'),
    spec('n2-standard-4', { vcpus: 4, memoryGiB: 16 }),
    spec('g2-standard-4', { vcpus: 4, memoryGiB: 16, gpuName: 'L4', gpuCount: 1 }),
    spec('e2-micro', { vcpus: 0.25, memoryGiB: 1 }),
  ],
);

test('gcp: pages by nextPageToken and prices machine types from core, RAM and GPU SKUs', async () => {
  const fetch = fixtureFetch({ [GCP_FIRST]: 'gcp-skus-page1.json', [GCP_NEXT]: 'gcp-skus-page2.json' });
  const result = await new GcpPriceFeed(fetch, 'test-key').fetchPrices(gcpContext);
  assert.deepEqual(fetch.requested, [GCP_FIRST, GCP_NEXT]);
  assert.equal(result.complete, true);
  // 2 × 0.033 + 8 × 0.0045 (custom and commitment SKUs ignored)
  assert.equal(priceOf(result.prices, 'n2-standard-2', 'on-demand', 'us-central1'), 0.102);
  assert.equal(priceOf(result.prices, 'n2-standard-2', 'spot', 'us-central1'), 0.023);
  assert.equal(priceOf(result.prices, 'n2-standard-4', 'on-demand', 'us-central1'), 0.204);
  // 4 × 0.0248 + 16 × 0.0029 + 1 × 0.56 (L4)
  assert.equal(priceOf(result.prices, 'g2-standard-4', 'on-demand', 'us-central1'), 0.7056);
  assert.equal(priceOf(result.prices, 'g2-standard-4', 'spot', 'us-central1'), undefined);
  assert.equal(
    result.prices.some((p) => p.region === 'europe-west4' || p.instanceType === 'e2-micro'),
    false,
  );
});

test('gcp: a failed second page keeps the first page’s prices', async () => {
  const fetch = fixtureFetch({ [GCP_FIRST]: 'gcp-skus-page1.json', [GCP_NEXT]: 500 });
  const result = await new GcpPriceFeed(fetch, 'test-key').fetchPrices(gcpContext);
  assert.equal(result.complete, false);
  assert.equal(priceOf(result.prices, 'n2-standard-2', 'on-demand'), 0.102);
  assert.equal(priceOf(result.prices, 'g2-standard-4', 'on-demand'), undefined);
});

test('gcp: SKU descriptions map to rate names', () => {
  assert.equal(gcpRateName('N2D AMD Instance Core running in Americas'), 'N2D/CORE');
  assert.equal(gcpRateName('Spot Preemptible C3 Instance Ram running in Belgium'), 'C3/RAM');
  assert.equal(gcpRateName('Compute optimized Core running in Americas'), 'C2/CORE');
  assert.equal(gcpRateName('Nvidia Tesla A100 80GB GPU running in Americas'), 'GPU/A100-80GB');
  assert.equal(gcpRateName('N2 Sole Tenancy Instance Core running in Americas'), null);
});

const OCI_FIRST = 'https://apexapps.oracle.com/pls/apex/cetools/api/v1/products/?currencyCode=USD';
const OCI_NEXT = `${OCI_FIRST}&offset=3`;
const ociContext = context(
  ['us-ashburn-1', 'eu-frankfurt-1'],
  [
    spec('VM.Standard.E4.Flex$_4_16', { vcpus: 4, memoryGiB: 16 }),
    spec('VM.Standard.E5.Flex$_4_16', { vcpus: 4, memoryGiB: 16 }),
    spec('VM.GPU.A10.1', { vcpus: 30, memoryGiB: 240, gpuName: 'A10', gpuCount: 1, hasSpot: false }),
    spec('VM.GPU3.1', { vcpus: 12, memoryGiB: 90, gpuName: 'V100', gpuCount: 1 }),
  ],
);

test('oci: follows links rel=next and prices shapes from OCPU, memory and GPU parts in every region', async () => {
  const fetch = fixtureFetch({
    [OCI_FIRST]: 'oci-products-page1.json',
    [OCI_NEXT]: 'oci-products-page2.json',
  });
  const result = await new OciPriceFeed(fetch).fetchPrices(ociContext);
  assert.deepEqual(fetch.requested, [OCI_FIRST, OCI_NEXT]);
  assert.equal(result.complete, true);
  // 2 OCPU × 0.026 + 16 GB × 0.0015
  assert.equal(priceOf(result.prices, 'VM.Standard.E4.Flex$_4_16', 'on-demand', 'eu-frankfurt-1'), 0.076);
  assert.equal(priceOf(result.prices, 'VM.Standard.E4.Flex$_4_16', 'spot', 'eu-frankfurt-1'), 0.038);
  assert.equal(priceOf(result.prices, 'VM.Standard.E5.Flex$_4_16', 'on-demand'), 0.092);
  assert.equal(priceOf(result.prices, 'VM.GPU.A10.1', 'on-demand'), 2.1);
  assert.equal(
    priceOf(result.prices, 'VM.GPU.A10.1', 'spot'),
    undefined,
    'no preemptible A10 in the snapshot',
  );
  assert.equal(priceOf(result.prices, 'VM.GPU3.1', 'on-demand'), undefined, 'no V100 part in the fixture');
});

test('oci: a failed second page keeps the rates of the first', async () => {
  const fetch = fixtureFetch({ [OCI_FIRST]: 'oci-products-page1.json', [OCI_NEXT]: 502 });
  const result = await new OciPriceFeed(fetch).fetchPrices(ociContext);
  assert.equal(result.complete, false);
  assert.match(result.errors[0], /page 2: .*HTTP 502/);
  assert.equal(priceOf(result.prices, 'VM.Standard.E4.Flex$_4_16', 'on-demand'), 0.076);
  assert.equal(priceOf(result.prices, 'VM.GPU.A10.1', 'on-demand'), undefined);
});

const PRICING = 'https://pricing.us-east-1.amazonaws.com';
const AWS_INDEX = `${PRICING}/offers/v1.0/aws/AmazonEC2/current/region_index.json`;
const AWS_US_EAST_1 = `${PRICING}/offers/v1.0/aws/AmazonEC2/20261120180210/us-east-1/index.json`;
const AWS_GOV_WEST = `${PRICING}/offers/v1.0/aws/AmazonEC2/20261120180210/us-gov-west-1/index.json`;
const awsContext = context(['us-east-1', 'us-gov-west-1'], [spec('m5.large'), spec('m7g.large')]);

function spotPort(): SpotPriceHistoryPort & { calls: { region: string; NextToken?: string }[] } {
  const calls: { region: string; NextToken?: string }[] = [];
  const pages: Record<string, Awaited<ReturnType<SpotPriceHistoryPort['describeSpotPriceHistory']>>> = {
    'us-east-1/': {
      SpotPriceHistory: [
        {
          AvailabilityZone: 'us-east-1a',
          InstanceType: 'm5.large',
          ProductDescription: 'Linux/UNIX',
          SpotPrice: '0.035000',
          Timestamp: new Date('2026-11-25T07:00:00Z'),
        },
        {
          AvailabilityZone: 'us-east-1b',
          InstanceType: 'm5.large',
          ProductDescription: 'Linux/UNIX',
          SpotPrice: '0.033000',
          Timestamp: new Date('2026-11-25T07:10:00Z'),
        },
      ],
      NextToken: 'page2',
    },
    'us-east-1/page2': {
      SpotPriceHistory: [
        {
          AvailabilityZone: 'us-east-1a',
          InstanceType: 'm5.large',
          ProductDescription: 'Linux/UNIX',
          SpotPrice: '0.031000',
          Timestamp: new Date('2026-11-25T07:20:00Z'),
        },
      ],
      NextToken: '',
    },
    'us-gov-west-1/': { SpotPriceHistory: [] },
  };
  return {
    calls,
    async describeSpotPriceHistory(input) {
      calls.push({ region: input.region, NextToken: input.NextToken });
      const page = pages[`${input.region}/${input.NextToken ?? ''}`];
      if (!page) throw new Error('UnauthorizedOperation');
      return page;
    },
  };
}

test('aws: region index → offer files for On-Demand, DescribeSpotPriceHistory pages for Spot', async () => {
  const fetch = fixtureFetch({
    [AWS_INDEX]: 'aws-region-index.json',
    [AWS_US_EAST_1]: 'aws-ec2-us-east-1.json',
    [AWS_GOV_WEST]: 503,
  });
  const spot = spotPort();
  const feed = new AwsPriceFeed({ fetch, spot, now: () => Date.parse('2026-11-25T08:00:00Z') });
  const result = await feed.fetchPrices(awsContext);
  // Windows, dedicated and capacity-reservation products are dropped.
  assert.deepEqual(
    result.prices
      .filter((p) => p.lifecycle === 'on-demand')
      .map((p) => `${p.instanceType} ${p.pricePerHour}`),
    ['m5.large 0.099', 'm7g.large 0.08'],
  );
  assert.deepEqual(
    result.prices
      .filter((p) => p.lifecycle === 'spot')
      .map((p) => `${p.zone} ${p.pricePerHour}`)
      .sort(),
    ['us-east-1a 0.031', 'us-east-1b 0.033'],
  );
  assert.deepEqual(spot.calls, [
    { region: 'us-east-1', NextToken: undefined },
    { region: 'us-east-1', NextToken: 'page2' },
    { region: 'us-gov-west-1', NextToken: undefined },
  ]);
  assert.equal(result.complete, false);
  assert.deepEqual(result.errors, [`us-gov-west-1 on-demand: GET ${AWS_GOV_WEST}: HTTP 503`]);
});

test('aws: without a spot port only On-Demand is read; an unreachable index fails the feed', async () => {
  const ok = await new AwsPriceFeed({
    fetch: fixtureFetch({ [AWS_INDEX]: 'aws-region-index.json', [AWS_US_EAST_1]: 'aws-ec2-us-east-1.json' }),
    now: () => 0,
    regions: ['us-east-1'],
  }).fetchPrices(awsContext);
  assert.equal(ok.complete, true);
  assert.equal(
    ok.prices.every((p) => p.lifecycle === 'on-demand'),
    true,
  );
  const down = await new AwsPriceFeed({ fetch: fixtureFetch({}), now: () => 0 }).fetchPrices(awsContext);
  assert.equal(down.complete, false);
  assert.deepEqual(down.prices, []);
  assert.match(down.errors[0], /region index: .*HTTP 404/);
});
