import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crdVersions, defaultAndPrune, type JsonObject } from '../../src/crd/index.ts';
import { edgeLocation, edgeLocationCrd, infoFor } from './fixtures.ts';

const info = crdVersions(edgeLocationCrd())[0];

function specOf(obj: JsonObject): JsonObject {
  return obj.spec as JsonObject;
}

test('unknown fields are pruned and reported by path', () => {
  const obj = edgeLocation({ cloud: 'aws', region: 'eu', colour: 'blue', pools: [{ name: 'a', bogus: 1 }] });
  obj.topLevel = true;
  const { object, unknownFields } = defaultAndPrune(obj, info);
  assert.deepEqual(unknownFields, ['spec.colour', 'spec.pools[0].bogus', 'topLevel']);
  assert.equal(object.topLevel, undefined);
  assert.equal(specOf(object).colour, undefined);
  assert.deepEqual(specOf(object).pools, [{ name: 'a', size: 1 }]);
});

test('apiVersion, kind and metadata are always kept', () => {
  const obj = edgeLocation({ cloud: 'aws', region: 'eu' });
  (obj.metadata as JsonObject).labels = { a: 'b' };
  const bare = infoFor({
    type: 'object',
    properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
  });
  const { object, unknownFields } = defaultAndPrune(obj, bare);
  assert.deepEqual(unknownFields, []);
  assert.equal(object.apiVersion, 'omni.dev/v1alpha1');
  assert.equal(object.kind, 'EdgeLocation');
  assert.deepEqual((object.metadata as JsonObject).labels, { a: 'b' });
});

test('unknown metadata fields are dropped and reported, at the root and in embedded resources', () => {
  const obj = edgeLocation({
    cloud: 'aws',
    region: 'eu',
    template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', colour: 1 } },
  });
  (obj.metadata as JsonObject).colour = 'red';
  (obj.metadata as JsonObject).labels = { a: 'b' };
  const { object, unknownFields } = defaultAndPrune(obj, info);
  assert.deepEqual(unknownFields, ['metadata.colour', 'spec.template.metadata.colour']);
  assert.equal((object.metadata as JsonObject).colour, undefined);
  assert.deepEqual((object.metadata as JsonObject).labels, { a: 'b' });
  assert.deepEqual((specOf(object).template as JsonObject).metadata, { name: 'p' });
});

test('x-kubernetes-preserve-unknown-fields keeps the subtree; known fields under it are still pruned', () => {
  const obj = edgeLocation({ cloud: 'aws', region: 'eu', extra: { any: { deep: [1, { x: 2 }] } } });
  assert.deepEqual(specOf(defaultAndPrune(obj, info).object).extra, { any: { deep: [1, { x: 2 }] } });

  const mixed = infoFor({
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        'x-kubernetes-preserve-unknown-fields': true,
        properties: { known: { type: 'object', properties: { a: { type: 'string' } } } },
      },
    },
  });
  const { object, unknownFields } = defaultAndPrune({ spec: { free: 1, known: { a: 'x', b: 'y' } } }, mixed);
  assert.deepEqual(object, { spec: { free: 1, known: { a: 'x' } } });
  assert.deepEqual(unknownFields, ['spec.known.b']);
});

test('embedded resources keep apiVersion, kind and metadata', () => {
  const strict = infoFor({
    type: 'object',
    properties: {
      tpl: {
        type: 'object',
        'x-kubernetes-embedded-resource': true,
        properties: { data: { type: 'object', additionalProperties: { type: 'string' } } },
      },
    },
  });
  const tpl = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' }, junk: 1 };
  const { object, unknownFields } = defaultAndPrune({ tpl }, strict);
  assert.deepEqual(object.tpl, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'x' },
    data: { a: 'b' },
  });
  assert.deepEqual(unknownFields, ['tpl.junk']);
});

test('additionalProperties: schema values are pruned, true keeps anything', () => {
  const s = infoFor({
    type: 'object',
    properties: {
      byName: {
        type: 'object',
        additionalProperties: { type: 'object', properties: { n: { type: 'integer' } } },
      },
      free: { type: 'object', additionalProperties: true },
    },
  });
  const { object, unknownFields } = defaultAndPrune(
    { byName: { a: { n: 1, m: 2 } }, free: { x: { y: 1 } } },
    s,
  );
  assert.deepEqual(object, { byName: { a: { n: 1 } }, free: { x: { y: 1 } } });
  assert.deepEqual(unknownFields, ['byName.a.m']);
});

test('defaults fill absent fields, including inside arrays of objects', () => {
  const { object } = defaultAndPrune(
    edgeLocation({ cloud: 'aws', region: 'eu', pools: [{ name: 'a' }, { name: 'b', size: 4 }] }),
    info,
  );
  assert.deepEqual(specOf(object), {
    cloud: 'aws',
    region: 'eu',
    pools: [
      { name: 'a', size: 1 },
      { name: 'b', size: 4 },
    ],
    replicas: 1,
    tier: 'standard',
  });
});

test('defaults never overwrite a value; a non-nullable null takes the default or is dropped', () => {
  const { object } = defaultAndPrune(
    edgeLocation({
      cloud: 'aws',
      region: 'eu',
      replicas: 0,
      tier: null,
      zones: null,
      maintenanceWindow: null,
    }),
    info,
  );
  assert.deepEqual(specOf(object), {
    cloud: 'aws',
    region: 'eu',
    replicas: 0,
    tier: 'standard',
    maintenanceWindow: null,
  });
});

test('defaults apply inside a defaulted object, and an absent parent is not created', () => {
  const s = infoFor({
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          net: { type: 'object', default: {}, properties: { mtu: { type: 'integer', default: 1500 } } },
          opt: { type: 'object', properties: { x: { type: 'integer', default: 1 } } },
        },
      },
    },
  });
  assert.deepEqual(defaultAndPrune({ spec: {} }, s).object, { spec: { net: { mtu: 1500 } } });
});

test('defaultAndPrune does not mutate its input and returns fresh objects', () => {
  const obj = edgeLocation({
    cloud: 'aws',
    region: 'eu',
    junk: 1,
    pools: [{ name: 'a' }],
    extra: { x: { y: 1 } },
  });
  const before = structuredClone(obj);
  const { object } = defaultAndPrune(obj, info);
  assert.deepEqual(obj, before);
  (specOf(object).extra as JsonObject).x = 2;
  (object.metadata as JsonObject).name = 'changed';
  assert.deepEqual(obj, before);
});
