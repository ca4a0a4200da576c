import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  crdVersions,
  validateCustomResource,
  type FieldCause,
  type JsonObject,
} from '../../src/crd/index.ts';
import { edgeLocation, edgeLocationCrd, infoFor } from './fixtures.ts';

const info = crdVersions(edgeLocationCrd())[0];

function check(spec: JsonObject): string[] {
  return validateCustomResource(edgeLocation({ cloud: 'aws', region: 'eu-central-1', ...spec }), info).map(
    (c: FieldCause) => `${c.field}: ${c.message}`,
  );
}

function reasons(spec: JsonObject): string[] {
  return validateCustomResource(edgeLocation({ cloud: 'aws', region: 'eu-central-1', ...spec }), info).map(
    (c) => c.reason,
  );
}

test('a valid EdgeLocation has no causes', () => {
  const ok = check({
    zones: ['a', 'b'],
    replicas: 3,
    tier: 'premium',
    capacity: 50.5,
    port: 'http',
    labels: { team: 'edge' },
    pools: [{ name: 'default', size: 2, taints: [{ key: 'gpu', effect: 'NoSchedule' }] }],
    extra: { anything: { goes: [1, 'two'] } },
    template: { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } },
    maintenanceWindow: '2026-11-25T08:00:00Z',
  });
  assert.deepEqual(ok, []);
  assert.deepEqual(check({ maintenanceWindow: null, port: 8080 }), []);
});

test('type mismatch still reports enum, as go-openapi does', () => {
  const s = infoFor({ type: 'object', properties: { n: { type: 'integer', enum: [1, 2] } } });
  assert.deepEqual(
    validateCustomResource({ n: 'x' }, s).map((c) => `${c.field}: ${c.message}`),
    [
      'n: Invalid value: "string": n in body must be of type integer: "string"',
      'n: Unsupported value: "x": supported values: "1", "2"',
    ],
  );
});

test('maxProperties / minProperties', () => {
  const s = infoFor({
    type: 'object',
    properties: {
      m: { type: 'object', maxProperties: 2, minProperties: 1, additionalProperties: { type: 'boolean' } },
    },
  });
  assert.deepEqual(
    validateCustomResource({ m: { a: true, b: true, c: true } }, s).map((c) => `${c.field}: ${c.message}`),
    ['m: Too many: 3: must have at most 2 items'],
  );
  assert.deepEqual(
    validateCustomResource({ m: {} }, s).map((c) => `${c.field}: ${c.message}`),
    ['m: Invalid value: 0: m in body should have at least 1 properties'],
  );
});

test('type', () => {
  assert.deepEqual(check({ replicas: 'three' }), [
    'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
  ]);
  assert.deepEqual(reasons({ replicas: 'three' }), ['FieldValueTypeInvalid']);
  assert.deepEqual(check({ replicas: 1.5 }), [
    'spec.replicas: Invalid value: "number": spec.replicas in body must be of type integer: "number"',
  ]);
  assert.deepEqual(check({ zones: 'a' }), [
    'spec.zones: Invalid value: "string": spec.zones in body must be of type array: "string"',
  ]);
  assert.deepEqual(check({ labels: [] }), [
    'spec.labels: Invalid value: "array": spec.labels in body must be of type object: "array"',
  ]);
  assert.deepEqual(check({ capacity: 7 }), [], 'an integer is a number');
});

test('required', () => {
  const obj = edgeLocation({ cloud: 'aws' });
  assert.deepEqual(validateCustomResource(obj, info), [
    { field: 'spec.region', reason: 'FieldValueRequired', message: 'Required value' },
  ]);
});

test('enum', () => {
  assert.deepEqual(check({ cloud: 'azure2' }), [
    'spec.cloud: Unsupported value: "azure2": supported values: "aws", "gcp", "oci"',
  ]);
  assert.deepEqual(reasons({ cloud: 'azure2' }), ['FieldValueNotSupported']);
  const numeric = infoFor({ type: 'object', properties: { n: { type: 'integer', enum: [1, 2] } } });
  assert.deepEqual(validateCustomResource({ n: 3 }, numeric), [
    {
      field: 'n',
      reason: 'FieldValueNotSupported',
      message: 'Unsupported value: 3: supported values: "1", "2"',
    },
  ]);
});

test('minimum / maximum, inclusive and exclusive', () => {
  assert.deepEqual(check({ replicas: 11 }), [
    'spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10',
  ]);
  assert.deepEqual(check({ replicas: -1 }), [
    'spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0',
  ]);
  assert.deepEqual(check({ capacity: 100 }), [
    'spec.capacity: Invalid value: 100: spec.capacity in body should be less than 100',
  ]);
  assert.deepEqual(check({ capacity: 0 }), [
    'spec.capacity: Invalid value: 0: spec.capacity in body should be greater than 0',
  ]);
  assert.deepEqual(check({ replicas: 10, capacity: 99.9 }), []);
});

test('minLength / maxLength / pattern', () => {
  assert.deepEqual(check({ region: 'x' }), [
    'spec.region: Invalid value: "x": spec.region in body should be at least 2 chars long',
  ]);
  assert.deepEqual(check({ region: 'a-very-long-region-name-1' }), [
    'spec.region: Too long: may not be more than 20 bytes',
  ]);
  assert.deepEqual(reasons({ region: 'a-very-long-region-name-1' }), ['FieldValueTooLong']);
  assert.deepEqual(check({ region: 'EU_1' }), [
    'spec.region: Invalid value: "EU_1": spec.region in body should match \'^[a-z0-9-]+$\'',
  ]);
});

test('minItems / maxItems', () => {
  assert.deepEqual(check({ zones: [] }), [
    'spec.zones: Invalid value: 0: spec.zones in body should have at least 1 items',
  ]);
  assert.deepEqual(check({ zones: ['a', 'b', 'c', 'd'] }), [
    'spec.zones: Too many: 4: must have at most 3 items',
  ]);
});

test('uniqueItems and x-kubernetes-list-type', () => {
  const unique = infoFor({
    type: 'object',
    properties: { tags: { type: 'array', uniqueItems: true, items: { type: 'string' } } },
  });
  assert.deepEqual(validateCustomResource({ tags: ['a', 'b', 'a'] }, unique), [
    {
      field: 'tags',
      reason: 'FieldValueInvalid',
      message: 'Invalid value: "": tags in body shouldn\'t contain duplicates',
    },
  ]);
  assert.deepEqual(validateCustomResource({ tags: ['a', 'b'] }, unique), []);
  const set = infoFor({
    type: 'object',
    properties: { tags: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } } },
  });
  assert.deepEqual(validateCustomResource({ tags: ['a', 'b', 'a'] }, set), [
    { field: 'tags[2]', reason: 'FieldValueDuplicate', message: 'Duplicate value: "a"' },
  ]);
  const map = infoFor({
    type: 'object',
    properties: {
      ports: {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
        items: { type: 'object', properties: { name: { type: 'string' }, port: { type: 'integer' } } },
      },
    },
  });
  assert.deepEqual(
    validateCustomResource(
      {
        ports: [
          { name: 'a', port: 1 },
          { name: 'a', port: 2 },
        ],
      },
      map,
    ),
    [
      {
        field: 'ports[1]',
        reason: 'FieldValueDuplicate',
        message: 'Duplicate value: map[string]interface {}{"name":"a"}',
      },
    ],
  );
});

test('format: int32, int64, date-time', () => {
  assert.deepEqual(check({ maintenanceWindow: 'tomorrow' }), [
    'spec.maintenanceWindow: Invalid value: "tomorrow": spec.maintenanceWindow in body must be of type date-time: "tomorrow"',
  ]);
  assert.deepEqual(check({ maintenanceWindow: '2026-11-25T08:00:00.123+01:00' }), []);
  const ints = infoFor({
    type: 'object',
    properties: { a: { type: 'integer', format: 'int32' }, b: { type: 'integer', format: 'int64' } },
  });
  assert.deepEqual(validateCustomResource({ a: 2147483647, b: 9007199254740991 }, ints), []);
  assert.deepEqual(
    validateCustomResource({ a: 2147483648 }, ints).map((c) => `${c.field}: ${c.message}`),
    ['a: Invalid value: 2147483648: a in body must be of type int32: "2147483648"'],
  );
});

test('nullable', () => {
  assert.deepEqual(check({ maintenanceWindow: null }), []);
  assert.deepEqual(check({ tier: null }), [
    'spec.tier: Invalid value: "null": spec.tier in body must be of type string: "null"',
  ]);
});

test('x-kubernetes-int-or-string', () => {
  assert.deepEqual(check({ port: 443 }), []);
  assert.deepEqual(check({ port: 'https' }), []);
  // as kube-apiserver reports it with the anyOf [integer, string] that generators emit alongside
  assert.deepEqual(check({ port: true }), [
    'spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean"',
    '<nil>: Invalid value: "": "spec.port" must validate at least one schema (anyOf)',
    'spec.port: Invalid value: "boolean": spec.port in body must be of type integer: "boolean"',
  ]);
  const bare = infoFor({ type: 'object', properties: { port: { 'x-kubernetes-int-or-string': true } } });
  assert.deepEqual(
    validateCustomResource({ port: 1.5 }, bare).map((c) => `${c.field}: ${c.message}`),
    ['port: Invalid value: "number": port in body must be of type integer,string: "number"'],
  );
  assert.deepEqual(
    validateCustomResource({ port: null }, bare).map((c) => `${c.field}: ${c.message}`),
    ['port: Invalid value: "null": port in body must be of type integer,string: "null"'],
  );
});

test('x-kubernetes-preserve-unknown-fields subtrees are not validated', () => {
  assert.deepEqual(check({ extra: { deep: { deeper: [null, 1, 'x'] } } }), []);
  assert.deepEqual(check({ extra: 'nope' }), [
    'spec.extra: Invalid value: "string": spec.extra in body must be of type object: "string"',
  ]);
});

test('x-kubernetes-embedded-resource needs apiVersion and kind', () => {
  assert.deepEqual(check({ template: { metadata: { name: 'x' } } }), [
    'spec.template.apiVersion: Required value: must not be empty',
    'spec.template.kind: Required value: must not be empty',
  ]);
  assert.deepEqual(check({ template: { apiVersion: '', kind: 3 } }), [
    'spec.template.apiVersion: Invalid value: "": must not be empty',
    'spec.template.kind: Invalid value: 3: must be a string',
  ]);
});

test('additionalProperties: schema and false', () => {
  assert.deepEqual(check({ labels: { team: 'edge', cost: 3 } }), [
    'spec.labels.cost: Invalid value: "integer": spec.labels.cost in body must be of type string: "integer"',
  ]);
  const closed = infoFor({
    type: 'object',
    properties: { m: { type: 'object', additionalProperties: false } },
  });
  assert.deepEqual(validateCustomResource({ m: { x: 1 } }, closed), [
    {
      field: 'm.x',
      reason: 'FieldValueForbidden',
      message: 'Forbidden: m.x in body is a forbidden property',
    },
  ]);
});

test('nested arrays of objects: paths carry indexes', () => {
  const got = check({
    pools: [
      { name: 'a', taints: [{ key: 'k', effect: 'NoSchedule' }] },
      { size: 'big', taints: [{ key: 'k', effect: 'Evict' }] },
    ],
  });
  assert.deepEqual(got, [
    'spec.pools[1].name: Required value',
    'spec.pools[1].size: Invalid value: "string": spec.pools[1].size in body must be of type integer: "string"',
    'spec.pools[1].taints[0].effect: Unsupported value: "Evict": supported values: "NoSchedule", "NoExecute"',
  ]);
});

test('status is validated too; metadata is left to the server', () => {
  const obj = edgeLocation({ cloud: 'aws', region: 'eu' }, { replicas: 'two' });
  (obj.metadata as JsonObject).whatever = { x: 1 };
  assert.deepEqual(
    validateCustomResource(obj, info).map((c) => c.field),
    ['status.replicas'],
  );
});

test('allOf / anyOf / oneOf / not', () => {
  const s = infoFor({
    type: 'object',
    properties: {
      a: { type: 'integer', anyOf: [{ minimum: 10 }, { maximum: 0 }] },
      b: { type: 'string', not: { enum: ['forbidden'] } },
      c: { type: 'integer', allOf: [{ minimum: 1 }, { maximum: 5 }] },
      d: { type: 'integer', oneOf: [{ minimum: 0 }, { maximum: 10 }] },
    },
  });
  assert.deepEqual(validateCustomResource({ a: 11, b: 'ok', c: 3, d: 20 }, s), []);
  assert.deepEqual(
    validateCustomResource({ a: 5, b: 'forbidden', c: 6, d: 5 }, s).map((c) => `${c.field}: ${c.message}`),
    [
      '<nil>: Invalid value: "": "a" must validate at least one schema (anyOf)',
      'a: Invalid value: 5: a in body should be greater than or equal to 10',
      '<nil>: Invalid value: "": "b" must not validate the schema (not)',
      'c: Invalid value: 6: c in body should be less than or equal to 5',
      '<nil>: Invalid value: "": "c" must validate all the schemas (allOf)',
      '<nil>: Invalid value: "": "d" must validate one and only one schema (oneOf). Found 2 valid alternatives',
    ],
  );
});

test('validateCustomResource does not mutate its input', () => {
  const obj = edgeLocation({ cloud: 'nope', pools: [{}] });
  const before = structuredClone(obj);
  validateCustomResource(obj, info);
  assert.deepEqual(obj, before);
});
