import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crdVersions, evalPrinterColumn, getScale, setScale, type JsonObject } from '../../src/crd/index.ts';
import { edgeLocation, edgeLocationCrd } from './fixtures.ts';

const info = crdVersions(edgeLocationCrd())[0];

const obj = edgeLocation(
  {
    cloud: 'gcp',
    region: 'europe-west3',
    zones: ['a', 'b'],
    replicas: 2,
    labels: { 'team.io/name': 'edge' },
  },
  {
    state: 'Ready',
    replicas: 1,
    selector: 'app=edge',
    conditions: [
      { type: 'Provisioned', status: 'True', reason: 'Done' },
      { type: 'Ready', status: 'False', reason: 'Waiting' },
    ],
  },
);

test('printer columns: simple paths', () => {
  assert.deepEqual(
    info.printerColumns.map((c) => evalPrinterColumn(obj, c.jsonPath)),
    ['gcp', 'europe-west3', 'Ready', '2026-11-25T08:00:00Z'],
  );
});

test('printer columns: absent values are empty', () => {
  assert.equal(evalPrinterColumn(obj, '.status.missing'), '');
  assert.equal(evalPrinterColumn(obj, '.spec.cloud.deeper'), '');
  assert.equal(evalPrinterColumn(edgeLocation({ cloud: 'aws' }), '.status.state'), '');
  assert.equal(evalPrinterColumn(obj, '.status.conditions[?(@.type=="Gone")].status'), '');
});

test('printer columns: filter expressions', () => {
  assert.equal(evalPrinterColumn(obj, '.status.conditions[?(@.type=="Ready")].status'), 'False');
  assert.equal(evalPrinterColumn(obj, ".status.conditions[?(@.type=='Provisioned')].reason"), 'Done');
  assert.equal(evalPrinterColumn(obj, '.status.conditions[?(@.status!="True")].type'), 'Ready');
  assert.equal(evalPrinterColumn(obj, '.status.conditions[?(@.reason)].type'), 'Provisioned');
});

test('printer columns: indexes, wildcards, quoted keys, braces, non-strings', () => {
  assert.equal(evalPrinterColumn(obj, '.spec.zones[1]'), 'b');
  assert.equal(evalPrinterColumn(obj, '.spec.zones[-1]'), 'b');
  assert.equal(evalPrinterColumn(obj, '.spec.zones[*]'), 'a');
  assert.equal(evalPrinterColumn(obj, ".spec.labels['team.io/name']"), 'edge');
  assert.equal(evalPrinterColumn(obj, '{.spec.region}'), 'europe-west3');
  assert.equal(evalPrinterColumn(obj, '.spec.replicas'), '2');
  assert.equal(evalPrinterColumn(obj, '.spec.zones'), '["a","b"]');
  assert.equal(evalPrinterColumn(obj, '.spec.labels'), '{"team.io/name":"edge"}');
  assert.equal(evalPrinterColumn(obj, '.spec[?(@.x'), '', 'unparsable paths print nothing');
});

test('printer columns: numeric filters', () => {
  const o: JsonObject = {
    items: [
      { n: 1, v: 'one' },
      { n: 5, v: 'five' },
    ],
  };
  assert.equal(evalPrinterColumn(o, '.items[?(@.n>2)].v'), 'five');
  assert.equal(evalPrinterColumn(o, '.items[?(@.n<=1)].v'), 'one');
  assert.equal(evalPrinterColumn(o, '.items[?(@.n==5)].v'), 'five');
});

test('getScale reads spec and status replicas and the selector', () => {
  assert.deepEqual(getScale(obj, info), {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: {
      name: 'fra-1',
      namespace: 'default',
      uid: 'u-1',
      resourceVersion: '7',
      creationTimestamp: '2026-11-25T08:00:00Z',
    },
    spec: { replicas: 2 },
    status: { replicas: 1, selector: 'app=edge' },
  });
});

test('getScale defaults missing replicas to 0', () => {
  const scale = getScale(edgeLocation({ cloud: 'aws' }), info);
  assert.deepEqual(scale.spec, { replicas: 0 });
  assert.deepEqual(scale.status, { replicas: 0 });
});

test('setScale writes spec replicas without touching the input', () => {
  const before = structuredClone(obj);
  const scaled = setScale(obj, info, 5);
  assert.deepEqual(obj, before);
  assert.equal((scaled.spec as JsonObject).replicas, 5);
  assert.deepEqual(getScale(scaled, info).spec, { replicas: 5 });
  const noSpec = edgeLocation({});
  delete noSpec.spec;
  assert.deepEqual(setScale(noSpec, info, 3).spec, { replicas: 3 });
});

test('scale without a scale subresource throws', () => {
  const bare = { ...info, scaleSubresource: undefined };
  assert.throws(() => getScale(obj, bare), /has no scale subresource/);
  assert.throws(() => setScale(obj, bare, 1), /has no scale subresource/);
});
