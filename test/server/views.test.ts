// Pure pieces of the console API: node facts, tunnel scraping, main-region pricing, 422 field mapping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEmbeddedCatalog } from '../../src/catalog/index.ts';
import { TunnelMetrics } from '../../src/tunnel/metrics.ts';
import { problemToField } from '../../src/server/forms.ts';
import { nodeFacts, mainRegionOf } from '../../src/server/views/node-facts.ts';
import { Pricer } from '../../src/server/views/pricing.ts';
import { TunnelScraper } from '../../src/server/views/tunnel.ts';
import { mainNode, virtualNode } from './helpers.ts';

test('node facts: location, cloud, lifecycle from labels and providerID', () => {
  const edge = nodeFacts(virtualNode('e1', 'gcp-us-central1'));
  assert.deepEqual([edge.virtual, edge.location, edge.cloud, edge.lifecycle, edge.nodeTemplate], [true, 'gcp-us-central1', 'gcp', 'spot', 'gpu']);
  const main = nodeFacts(mainNode('m1'));
  assert.deepEqual([main.virtual, main.location, main.cloud, main.lifecycle, main.nodeTemplate], [false, 'main', 'aws', 'on-demand', null]);
  const spot = mainNode('m2');
  spot.metadata!.labels!['eks.amazonaws.com/capacityType'] = 'SPOT';
  assert.equal(nodeFacts(spot).lifecycle, 'spot');
  assert.deepEqual(mainRegionOf([main, edge]), { cloud: 'aws', region: 'us-east-1' });
  const eks = mainNode('m3');
  delete eks.spec!.providerID;
  assert.equal(nodeFacts(eks).cloud, 'aws', 'an EKS node group label names the cloud when there is no providerID');
});

test('main-region price of an edge GPU node is the cheapest main-region offering that holds as much', async () => {
  const pricer = new Pricer(await loadEmbeddedCatalog());
  const edge = nodeFacts(virtualNode('e1', 'gcp-us-central1'));
  const own = pricer.catalogPrice(edge);
  assert.ok(own !== null && own > 0);
  const offering = pricer.offeringOf(edge);
  assert.equal(offering?.gpuName, 'L4');
  const inMain = pricer.mainRegionPrice(edge, { cloud: 'aws', region: 'us-east-1' });
  assert.ok(inMain !== null && inMain > 0, 'aws us-east-1 has L4 offerings (g6)');
});

test('tunnel view folds the tunnel registry by location, with rates between reads', async () => {
  const metrics = new TunnelMetrics();
  let now = 0;
  const scraper = new TunnelScraper(metrics.registry, { now: () => now, sleep: async () => undefined });
  metrics.byteCounter('gcp-us-central1')('in', 1000);
  metrics.sessions.labels('gcp-us-central1').set(1);
  metrics.streamsTotal.labels('gcp-us-central1', 'main-to-edge').inc(3);
  const first = await scraper.view();
  assert.equal(first.available, true);
  assert.deepEqual(first.locations[0], { location: 'gcp-us-central1', bytesIn: 1000, bytesOut: 0, bytesInPerSecond: 0, bytesOutPerSecond: 0, openStreams: 0, sessions: 1, streamsByRoute: { 'main-to-edge': 3 }, connectErrors: 0 });
  now = 2000;
  metrics.byteCounter('gcp-us-central1')('in', 4000);
  const second = await scraper.view();
  assert.equal(second.locations[0].bytesInPerSecond, 2000);
  assert.deepEqual(await new TunnelScraper(undefined, { now: () => 0, sleep: async () => undefined }).view(), { available: false, locations: [] });
});

test('cross-check problems become field errors', () => {
  assert.deepEqual(problemToField('NodeTemplate "gpu": spec.edgeLocations[0]: EdgeLocation "x" does not exist'), { field: 'spec.edgeLocations[0]', message: 'EdgeLocation "x" does not exist' });
  assert.deepEqual(problemToField('odd'), { field: '', message: 'odd' });
});
