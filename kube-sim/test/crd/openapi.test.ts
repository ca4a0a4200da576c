import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crdVersions, type JsonObject } from '../../src/crd/index.ts';
import { crdOpenApiSchemas } from '../../src/crd/openapi.ts';
import { edgeLocationCrd, infoFor } from './fixtures.ts';

test('the component schema carries the GVK, type meta and the CRD descriptions', () => {
  const info = crdVersions(edgeLocationCrd())[0];
  const before = structuredClone(info);
  const { schemaName, schema } = crdOpenApiSchemas(info);
  assert.deepEqual(info, before);
  assert.equal(schemaName, 'dev.omni.v1alpha1.EdgeLocation');
  assert.deepEqual(schema['x-kubernetes-group-version-kind'], [
    { group: 'omni.dev', kind: 'EdgeLocation', version: 'v1alpha1' },
  ]);
  assert.equal(schema.description, 'EdgeLocation is a place where omni provisions nodes.');
  const props = schema.properties as JsonObject;
  assert.match(
    (props.apiVersion as JsonObject).description as string,
    /^APIVersion defines the versioned schema/,
  );
  assert.match((props.kind as JsonObject).description as string, /^Kind is a string value/);
  assert.deepEqual((props.metadata as JsonObject).allOf, [
    { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
  ]);
  const spec = props.spec as JsonObject;
  assert.equal(spec.description, 'Desired state of the location.');
  assert.equal(((spec.properties as JsonObject).cloud as JsonObject).description, 'Cloud provider.');
});

test('a version without a schema gets an open object', () => {
  const { schema } = crdOpenApiSchemas({ ...infoFor({}), schema: undefined });
  assert.equal(schema.type, 'object');
  assert.equal(schema['x-kubernetes-preserve-unknown-fields'], true);
});
