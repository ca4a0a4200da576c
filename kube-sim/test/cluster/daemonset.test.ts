import { test } from 'node:test';
import assert from 'node:assert/strict';
import { field, pods, running, startTestCluster, waitFor } from './helpers.ts';

test('a DaemonSet gets a pod on every matching node, including a node added later with kubectl apply', async () => {
  const c = await startTestCluster({ nodes: { count: 2, labels: { role: 'worker' } } });
  try {
    c.sim.addNodes({ count: 1, namePrefix: 'infra-', labels: { role: 'infra' } });
    await c.apply({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'kube-system' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { metadata: { labels: { app: 'agent' } }, spec: { nodeSelector: { role: 'worker' }, containers: [{ name: 'a', image: 'agent' }] } },
      },
    });
    await c.ok('rollout', 'status', 'daemonset/agent', '-n', 'kube-system', '--timeout=20s');
    const nodesOf = () => pods(c.sim, 'kube-system', running).map((p) => String(field(p, 'spec.nodeName'))).sort();
    await waitFor(() => nodesOf().length === 2, 'two daemon pods');
    assert.deepEqual(nodesOf(), ['sim-node-0', 'sim-node-1']);

    await c.apply({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'late', labels: { role: 'worker', 'kubernetes.io/hostname': 'late' }, annotations: { 'kube-sim.omni.cast.ai/simulated': 'true' } },
    });
    await waitFor(() => nodesOf().includes('late'), 'daemon pod on the late node');
    const late = await c.getJson('node', 'late');
    assert.equal(field(late, 'status.allocatable.cpu'), '3920m', 'default 4-core node per the allocatable model');
    assert.equal(field(late, 'status.nodeInfo.kubeletVersion'), 'v1.31.0');
    const ds = await c.getJson('daemonset', 'agent', '-n', 'kube-system');
    await waitFor(async () => field(await c.getJson('daemonset', 'agent', '-n', 'kube-system'), 'status.numberReady') === 3, 'status counts three');
    assert.equal(field(ds, 'status.desiredNumberScheduled'), 3);
    const pod = pods(c.sim, 'kube-system', (p) => field(p, 'spec.nodeName') === 'late')[0];
    assert.ok(JSON.stringify(field(pod, 'spec.affinity')).includes('metadata.name'), 'pinned by node affinity like the real controller');
  } finally {
    await c.close();
  }
});
