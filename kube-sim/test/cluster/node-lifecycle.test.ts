import { test } from 'node:test';
import assert from 'node:assert/strict';
import { field, pods, running, startTestCluster, waitFor, type JsonObject } from './helpers.ts';

function ready(node: JsonObject): string | undefined {
  return ((field(node, 'status.conditions') as JsonObject[] | undefined) ?? []).find((x) => x.type === 'Ready')?.status as string | undefined;
}

function taintKeys(node: JsonObject): string[] {
  return ((field(node, 'spec.taints') as JsonObject[] | undefined) ?? []).map((t) => `${String(t.key)}:${String(t.effect)}`).sort();
}

test('pausing a node makes it NotReady and tainted, its pods go after their tolerationSeconds; resuming recovers it', async () => {
  const c = await startTestCluster({ nodes: 3, timeScale: 40, nodeMonitorGracePeriodSeconds: 40, defaultUnreachableTolerationSeconds: 20 });
  try {
    await c.ok('create', 'deployment', 'web', '--image=nginx', '--replicas=3');
    await c.ok('rollout', 'status', 'deployment/web', '--timeout=20s');
    const victim = pods(c.sim, 'default', running).map((p) => String(field(p, 'spec.nodeName')))[0];
    const onVictim = pods(c.sim, 'default', (p) => field(p, 'spec.nodeName') === victim);
    assert.equal(onVictim.length, 1);
    assert.equal(((field(onVictim[0], 'spec.tolerations') as JsonObject[]).find((t) => t.key === 'node.kubernetes.io/unreachable') as JsonObject).tolerationSeconds, 20);

    c.sim.pauseNode(victim);
    const node = await waitFor(async () => {
      const n = await c.getJson('node', victim);
      return ready(n) === 'Unknown' && taintKeys(n).length === 2 ? n : undefined;
    }, 'node Ready=Unknown and tainted');
    assert.deepEqual(taintKeys(node), ['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    const reason = ((field(node, 'status.conditions') as JsonObject[]).find((x) => x.type === 'Ready') as JsonObject).reason;
    assert.equal(reason, 'NodeStatusUnknown');
    assert.match(await c.ok('get', 'node', victim), /NotReady/);

    const evicted = await waitFor(() => c.sim.api.store.get('/pods', 'default', String(field(onVictim[0], 'metadata.name'))), 'victim pod still visible');
    assert.ok(evicted);
    await waitFor(() => field(c.sim.api.store.get('/pods', 'default', String(field(onVictim[0], 'metadata.name'))), 'metadata.deletionTimestamp'), 'pod marked for deletion after tolerationSeconds');
    await waitFor(() => pods(c.sim, 'default', (p) => running(p) && field(p, 'spec.nodeName') !== victim).length === 3, 'replacement running elsewhere');

    c.sim.resumeNode(victim);
    await waitFor(async () => {
      const n = await c.getJson('node', victim);
      return ready(n) === 'True' && taintKeys(n).length === 0;
    }, 'node recovered, taints removed');
    await waitFor(() => !c.sim.api.store.get('/pods', 'default', String(field(onVictim[0], 'metadata.name'))), 'kubelet finished the deletion once back');
  } finally {
    await c.close();
  }
});

test('a node that is never heard from goes Unknown; deleting a node removes its pods', async () => {
  const c = await startTestCluster({ nodes: 2, timeScale: 40 });
  try {
    await c.apply({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'ghost' }, status: { capacity: { cpu: '2', memory: '4Gi', pods: '10' } } });
    await waitFor(async () => ready(await c.getJson('node', 'ghost')) === 'Unknown', 'unsimulated node goes Unknown');
    const ghost = await c.getJson('node', 'ghost');
    assert.equal(field(ghost, 'status.nodeInfo'), undefined, 'nodes without the annotation are left to their own kubelet');
    await c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeSelector: { 'kubernetes.io/hostname': 'sim-node-1' }, containers: [{ name: 'c', image: 'nginx' }] } });
    await waitFor(() => pods(c.sim, 'default', running).length === 1, 'pod running');
    await c.ok('delete', 'node', 'sim-node-1');
    await waitFor(() => pods(c.sim).length === 0, 'pod garbage-collected with its node');
  } finally {
    await c.close();
  }
});
