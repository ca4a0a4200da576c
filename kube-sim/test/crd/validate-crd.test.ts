import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateCrd, type FieldCause, type JsonObject } from '../../src/crd/index.ts';
import { edgeLocationCrd } from './fixtures.ts';

function lines(causes: FieldCause[]): string[] {
  return causes.map((c) => `${c.field}: ${c.message}`);
}

function spec(crd: JsonObject): JsonObject {
  return crd.spec as JsonObject;
}

function firstVersion(crd: JsonObject): JsonObject {
  return (spec(crd).versions as JsonObject[])[0];
}

function rootSchema(crd: JsonObject): JsonObject {
  return (firstVersion(crd).schema as JsonObject).openAPIV3Schema as JsonObject;
}

function specProps(crd: JsonObject): JsonObject {
  return ((rootSchema(crd).properties as JsonObject).spec as JsonObject).properties as JsonObject;
}

test('the EdgeLocation CRD is valid', () => {
  assert.deepEqual(validateCrd(edgeLocationCrd()), []);
});

test('missing plural: required, and the name no longer matches plural.group', () => {
  const crd = edgeLocationCrd();
  delete (spec(crd).names as JsonObject).plural;
  const got = validateCrd(crd);
  assert.ok(lines(got).includes('spec.names.plural: Required value'));
  assert.ok(
    lines(got).includes(
      'metadata.name: Invalid value: "edgelocations.omni.dev": must be spec.names.plural+"."+spec.group',
    ),
  );
  assert.equal(got.find((c) => c.field === 'spec.names.plural')?.reason, 'FieldValueRequired');
});

test('singular and listKind are not required: the server defaults them first', () => {
  const got = lines(validateCrd(edgeLocationCrd()));
  assert.ok(!got.some((l) => l.startsWith('spec.names.singular') || l.startsWith('spec.names.listKind')));
});

test('two storage versions', () => {
  const crd = edgeLocationCrd();
  const v1 = { ...structuredClone(firstVersion(crd)), name: 'v1' };
  (spec(crd).versions as JsonObject[]).push(v1);
  const got = validateCrd(crd);
  assert.equal(got.length, 1);
  assert.equal(got[0].field, 'spec.versions');
  assert.equal(got[0].reason, 'FieldValueInvalid');
  assert.match(
    got[0].message,
    /^Invalid value: \[\]interface \{\}\{.*\}: must have exactly one version marked as storage version$/,
  );
});

test('no versions, duplicate version names, bad version name', () => {
  const crd = edgeLocationCrd();
  spec(crd).versions = [];
  assert.deepEqual(lines(validateCrd(crd)), [
    'spec.versions: Required value: must have exactly one version marked as storage version',
  ]);
  const dup = edgeLocationCrd();
  const again = { ...structuredClone(firstVersion(dup)), storage: false };
  (spec(dup).versions as JsonObject[]).push(again);
  assert.ok(validateCrd(dup).some((c) => c.message.endsWith('must contain unique version names')));
  const badName = edgeLocationCrd();
  firstVersion(badName).name = 'V1';
  assert.match(
    lines(validateCrd(badName))[0],
    /^spec\.versions\[0\]\.name: Invalid value: "V1": a DNS-1035 label must consist of/,
  );
});

test('group, scope and kind', () => {
  const crd = edgeLocationCrd();
  spec(crd).group = 'omni';
  spec(crd).scope = 'Global';
  (spec(crd).names as JsonObject).kind = '';
  crd.metadata = { name: 'edgelocations.omni' };
  assert.deepEqual(lines(validateCrd(crd)), [
    'spec.group: Invalid value: "omni": should be a domain with at least one dot',
    'spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"',
    'spec.names.singular: Required value',
    'spec.names.kind: Required value',
    'spec.names.listKind: Required value',
  ]);
});

test('a served version needs a schema', () => {
  const crd = edgeLocationCrd();
  delete firstVersion(crd).schema;
  assert.deepEqual(lines(validateCrd(crd)), [
    'spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required',
  ]);
});

test('non-structural schema: untyped field, array without items, non-object root', () => {
  const crd = edgeLocationCrd();
  specProps(crd).untyped = { description: 'no type' };
  specProps(crd).list = { type: 'array' };
  assert.deepEqual(lines(validateCrd(crd)), [
    'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[list].items: Required value: must be specified',
    'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[untyped].type: Required value: must not be empty for specified object fields',
  ]);
  const root = edgeLocationCrd();
  rootSchema(root).type = 'string';
  assert.ok(
    lines(validateCrd(root)).includes(
      'spec.versions[0].schema.openAPIV3Schema.type: Invalid value: "string": must be object at the root',
    ),
  );
});

test('structural rules on value validations, metadata and extensions', () => {
  const crd = edgeLocationCrd();
  const props = specProps(crd);
  props.choice = { type: 'string', anyOf: [{ type: 'string', description: 'x' }] };
  props.port2 = { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] };
  props.free = { 'x-kubernetes-preserve-unknown-fields': false, type: 'object' };
  (rootSchema(crd).properties as JsonObject).metadata = {
    type: 'object',
    properties: { labels: { type: 'object' } },
  };
  const got = lines(validateCrd(crd));
  const p = 'spec.versions[0].schema.openAPIV3Schema';
  assert.deepEqual(got, [
    `${p}.properties[spec].properties[free].x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined`,
    `${p}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified`,
    `${p}.properties[spec].properties[choice].anyOf[0].description: Forbidden: must be empty to be structural`,
    `${p}.properties[spec].properties[choice].anyOf[0].type: Forbidden: must be empty to be structural`,
  ]);
});

test('unsupported keywords: uniqueItems, $ref, additionalProperties with properties, nullable root', () => {
  const crd = edgeLocationCrd();
  const props = specProps(crd);
  (props.zones as JsonObject).uniqueItems = true;
  props.ref = { type: 'object', $ref: '#/definitions/x' };
  props.both = {
    type: 'object',
    properties: { a: { type: 'string' } },
    additionalProperties: { type: 'string' },
  };
  rootSchema(crd).nullable = true;
  const p = 'spec.versions[0].schema.openAPIV3Schema';
  assert.deepEqual(lines(validateCrd(crd)), [
    `${p}.nullable: Forbidden: nullable cannot be true at the root`,
    `${p}.properties[spec].properties[zones].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic`,
    `${p}.properties[spec].properties[ref].$ref: Forbidden: $ref is not supported`,
    `${p}.properties[spec].properties[both].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive`,
  ]);
});

test('defaults must validate, have no unknown fields, and stay out of top-level metadata', () => {
  const crd = edgeLocationCrd();
  const props = specProps(crd);
  (props.cloud as JsonObject).default = 'azure';
  props.obj = { type: 'object', properties: { a: { type: 'string' } }, default: { a: 'x', b: 'y' } };
  (rootSchema(crd).properties as JsonObject).kind = { type: 'string', default: 'EdgeLocation' };
  const p = 'spec.versions[0].schema.openAPIV3Schema';
  assert.deepEqual(lines(validateCrd(crd)), [
    `${p}.properties[kind].default: Forbidden: must not be set in top-level kind`,
    `${p}.properties[spec].properties[cloud].default: Unsupported value: "azure": supported values: "aws", "gcp", "oci"`,
    `${p}.properties[spec].properties[obj].default: Invalid value: map[string]interface {}{"a":"x", "b":"y"}: must not have unknown fields`,
  ]);
});

test('printer columns and scale subresource', () => {
  const crd = edgeLocationCrd();
  const v = firstVersion(crd);
  v.additionalPrinterColumns = [{ name: '', type: 'text', jsonPath: 'spec.cloud', format: 'weird' }];
  v.subresources = { status: {}, scale: { specReplicasPath: '.status.replicas', statusReplicasPath: '' } };
  const p = 'spec.versions[0]';
  assert.deepEqual(lines(validateCrd(crd)), [
    `${p}.subresources.scale.specReplicasPath: Invalid value: ".status.replicas": should be a json path under .spec`,
    `${p}.subresources.scale.statusReplicasPath: Required value`,
    `${p}.additionalPrinterColumns[0].name: Required value`,
    `${p}.additionalPrinterColumns[0].type: Invalid value: "text": must be one of boolean,date,integer,number,string`,
    `${p}.additionalPrinterColumns[0].format: Invalid value: "weird": must be one of byte,date,date-time,double,float,int32,int64,password`,
    `${p}.additionalPrinterColumns[0].jsonPath: Invalid value: "spec.cloud": must be a simple json path starting with .`,
  ]);
});

test('validateCrd does not mutate its input', () => {
  const crd = edgeLocationCrd();
  const before = structuredClone(crd);
  validateCrd(crd);
  assert.deepEqual(crd, before);
});
