import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubernetesObject, V1Pod } from '@kubernetes/client-node';
import { loadEmbeddedCatalog } from '../../src/catalog/index.ts';
import { plan } from '../../src/planner/index.ts';
import { buildPlanInput } from '../../src/controllers/autoscaler/plan-input.ts';

const template = {
  apiVersion: 'omni.cast.ai/v1alpha1',
  kind: 'NodeTemplate',
  metadata: { name: 'gpu' },
  spec: { edgeLocations: ['gcp-us-central1'], constraints: { gpu: { names: ['A100'], minCount: 1 } } },
  status: { conditions: [{ type: 'Valid', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }], somethingNew: 1 },
} as KubernetesObject;
const edge = {
  apiVersion: 'omni.cast.ai/v1alpha1',
  kind: 'EdgeLocation',
  metadata: { name: 'gcp-us-central1' },
  spec: { cloud: 'gcp', region: 'us-central1' },
  status: { state: 'Ready' },
} as KubernetesObject;
const pod: V1Pod = {
  metadata: { name: 'infer-0', namespace: 'ml', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'infer', uid: 'rs-1', controller: true }] },
  spec: {
    tolerations: [{ key: 'virtual-node.omni.cast.ai/not-allowed', operator: 'Exists', effect: 'NoExecute' }],
    containers: [{ name: 'c', image: 'x', resources: { requests: { 'nvidia.com/gpu': '1', cpu: '2' } } }],
  },
};

async function placeFor(homeOnly?: (p: V1Pod) => boolean) {
  const catalog = await loadEmbeddedCatalog();
  const input = buildPlanInput({
    catalog, main: { cloud: 'aws', region: 'us-east-1' }, pending: [pod], templates: [template], edgeLocations: [edge],
    claims: [], daemonSets: [], unavailable: [], nodes: [], boundPods: [], homeOnly,
  });
  return plan(input);
}

test('templates are read by their spec: status written by controllers does not hide them', async () => {
  const p = await placeFor();
  assert.deepEqual(p.unschedulable, []);
  assert.equal(p.nodes[0].location, 'gcp-us-central1');
});

test('a pod the evictor just brought home is planned for the main region only', async () => {
  const p = await placeFor(() => true);
  assert.deepEqual(p.unschedulable, []);
  assert.equal(p.nodes[0].location, 'main');
  assert.equal(p.nodes[0].cloud, 'aws');
});
