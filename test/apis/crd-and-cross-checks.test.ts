import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allCrds,
  checkEdgeLocationRefs,
  checkEdgeLocationZones,
  checkTemplateZones,
  nodeTemplateCrd,
  parseEdgeLocation,
  parseNodeTemplate,
} from '../../src/apis/index.ts';

type Json = { [k: string]: unknown };

function walk(node: unknown, visit: (n: Json, path: string) => void, path = ''): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n, i) => walk(n, visit, `${path}[${i}]`));
  visit(node as Json, path);
  for (const [k, v] of Object.entries(node)) walk(v, visit, `${path}.${k}`);
}

test('every CRD is cluster-scoped, v1alpha1, with a status subresource', () => {
  const crds = allCrds();
  assert.deepEqual(
    crds.map((c) => c.metadata.name),
    [
      'edgelocations.omni.cast.ai',
      'edgenodeconfigurations.omni.cast.ai',
      'nodetemplates.omni.cast.ai',
      'nodeclaims.omni.cast.ai',
    ],
  );
  for (const crd of crds) {
    assert.equal(crd.spec.scope, 'Cluster');
    assert.equal(crd.spec.versions[0].name, 'v1alpha1');
    assert.deepEqual(crd.spec.versions[0].subresources, { status: {} });
  }
});

test('CRD schemas are structural: every node typed, no $schema, no additionalProperties:false, quantities int-or-string', () => {
  for (const crd of allCrds()) {
    walk(crd.spec.versions[0].schema.openAPIV3Schema, (n, path) => {
      if (
        path.endsWith('.properties') ||
        path.endsWith('.enum') ||
        path.endsWith('.default') ||
        path.endsWith('.required')
      )
        return;
      if ('type' in n || 'x-kubernetes-int-or-string' in n || 'x-kubernetes-preserve-unknown-fields' in n) {
        assert.ok(!('$schema' in n), path);
        assert.notEqual(n.additionalProperties, false, path);
        return;
      }
      if (path.includes('.default')) return;
      assert.fail(`untyped schema node at ${crd.metadata.name}${path}: ${JSON.stringify(n)}`);
    });
  }
  const spec = nodeTemplateCrd().spec.versions[0].schema.openAPIV3Schema as Json;
  const limits = ((((spec.properties as Json).spec as Json).properties as Json).limits as Json)
    .properties as Json;
  assert.deepEqual(limits.cpu, { 'x-kubernetes-int-or-string': true, default: '0' });
});

const edge = parseEdgeLocation({
  apiVersion: 'omni.cast.ai/v1alpha1',
  kind: 'EdgeLocation',
  metadata: { name: 'gcp-1' },
  spec: { cloud: 'gcp', region: 'us-central1', zones: ['us-central1-a', 'us-central1-z'] },
});
const regions = (cloud: string) =>
  cloud === 'gcp'
    ? [{ region: 'us-central1', zones: ['us-central1-a', 'us-central1-b'] }]
    : [{ region: 'us-east-1', zones: ['us-east-1a'] }];

test('a template naming a missing edge location is reported by field', () => {
  const t = parseNodeTemplate({
    apiVersion: 'omni.cast.ai/v1alpha1',
    kind: 'NodeTemplate',
    metadata: { name: 'gpu' },
    spec: { edgeLocations: ['gcp-1', 'nope'] },
  });
  assert.deepEqual(checkEdgeLocationRefs([t], [edge]), [
    'NodeTemplate "gpu": spec.edgeLocations[1]: EdgeLocation "nope" does not exist',
  ]);
});

test('zones not in the region are reported, for edge locations and templates', () => {
  assert.deepEqual(checkEdgeLocationZones(edge, regions), [
    'EdgeLocation "gcp-1": spec.zones[1]: zone "us-central1-z" is not in region us-central1',
  ]);
  const other = parseEdgeLocation({
    apiVersion: 'omni.cast.ai/v1alpha1',
    kind: 'EdgeLocation',
    metadata: { name: 'x' },
    spec: { cloud: 'gcp', region: 'mars-1' },
  });
  assert.deepEqual(checkEdgeLocationZones(other, regions), [
    'EdgeLocation "x": spec.region: "mars-1" is not a gcp region',
  ]);
  const t = parseNodeTemplate({
    apiVersion: 'omni.cast.ai/v1alpha1',
    kind: 'NodeTemplate',
    metadata: { name: 't' },
    spec: { edgeLocations: ['gcp-1'], constraints: { azs: ['us-east-1a', 'us-central1-b', 'eu-west-1a'] } },
  });
  assert.deepEqual(
    checkTemplateZones(t, { main: { cloud: 'aws', region: 'us-east-1' }, edgeLocations: [edge] }, regions),
    [
      'NodeTemplate "t": spec.constraints.azs[2]: zone "eu-west-1a" is not in the main region or any of the template\'s edge locations',
    ],
  );
});
