import { test } from 'node:test';
import assert from 'node:assert/strict';
import { field, pods, running, startTestCluster, waitFor } from './helpers.ts';

test('kubectl cordon + drain --ignore-daemonsets empties a node through the eviction API and stops at a PodDisruptionBudget', async () => {
  const c = await startTestCluster({ nodes: 3 });
  try {
    await c.ok('create', 'deployment', 'web', '--image=nginx', '--replicas=3');
    await c.apply({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'agent' }] } } },
    });
    await c.apply({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } } });
    await c.ok('rollout', 'status', 'deployment/web', '--timeout=20s');
    await c.ok('rollout', 'status', 'daemonset/agent', '--timeout=20s');
    await waitFor(async () => field(await c.getJson('pdb', 'web'), 'status.disruptionsAllowed') === 1, 'PDB allows one disruption');

    await c.ok('cordon', 'sim-node-0');
    const out = await c.ok('drain', 'sim-node-0', '--ignore-daemonsets', '--timeout=20s');
    assert.match(out, /evicting pod default\/web-/);
    assert.match(out, /node\/sim-node-0 drained/);
    const left = pods(c.sim, 'default', (p) => field(p, 'spec.nodeName') === 'sim-node-0' && !field(p, 'metadata.deletionTimestamp'));
    assert.deepEqual(left.map((p) => String(field(p, 'metadata.labels.app'))), ['agent'], 'only the daemon pod stays');
    assert.equal(field(await c.getJson('node', 'sim-node-0'), 'spec.unschedulable'), true);
    await waitFor(() => pods(c.sim, 'default', (p) => running(p) && field(p, 'metadata.labels.app') === 'web').length === 3, 'web back to 3 elsewhere');

    await c.apply({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { minAvailable: 3, selector: { matchLabels: { app: 'web' } } } });
    await waitFor(async () => field(await c.getJson('pdb', 'web'), 'status.disruptionsAllowed') === 0, 'PDB allows nothing');
    const blocked = await c.kubectl('drain', 'sim-node-1', '--ignore-daemonsets', '--timeout=3s');
    assert.notEqual(blocked.code, 0);
    assert.match(blocked.stderr, /Cannot evict pod as it would violate the pod's disruption budget/);
    assert.equal(pods(c.sim, 'default', (p) => running(p) && field(p, 'metadata.labels.app') === 'web').length, 3);
  } finally {
    await c.close();
  }
});
