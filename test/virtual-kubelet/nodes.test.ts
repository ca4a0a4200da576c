import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Node } from '@kubernetes/client-node';
import { eventually, readyOf, startWorld } from './world.ts';

function assertContract(node: V1Node): void {
  const want: Record<string, string> = {
    'liqo.io/type': 'virtual-node',
    'omni.cast.ai/type': 'virtual-node',
    'omni.cast.ai/edge-node': 'true',
    'omni.cast.ai/edge-location-name': 'gcp-us-central1',
    'omni.cast.ai/cloud': 'gcp',
    'topology.kubernetes.io/region': 'us-central1',
    'topology.kubernetes.io/zone': 'us-central1-a',
    'node.kubernetes.io/instance-type': 'n2-standard-8',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/os': 'linux',
  };
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(want)) assert.equal(labels[k], v, k);
  assert.deepEqual(node.spec?.taints?.map((t) => `${t.key}=${t.value}:${t.effect}`), ['virtual-node.omni.cast.ai/not-allowed=true:NoExecute']);
  assert.equal(node.spec?.providerID, 'castai-omni://gcp-us-central1/edge1-node-0');
}

function assertMirrored(node: V1Node, edgeNode: V1Node): void {
  const [have, from] = [node.status ?? {}, edgeNode.status ?? {}];
  assert.deepEqual(have.capacity, from.capacity);
  assert.deepEqual(have.allocatable, from.allocatable);
  assert.equal(have.nodeInfo?.kubeletVersion, from.nodeInfo?.kubeletVersion);
  assert.ok(have.conditions?.some((c) => c.type === 'MemoryPressure' && c.status === 'False'));
}

test('each edge node appears in main as a Ready virtual node with the contract labels, taint, providerID and a fresh Lease', async () => {
  const w = await startWorld({ edges: 1, nodesPerEdge: 2 });
  try {
    const { core, coordination } = w.mainClients;
    const node = await eventually('virtual node Ready', async () => {
      const n = await core.readNode({ name: 'edge1-node-0' });
      return readyOf(n) === 'True' && n;
    });
    assertContract(node);
    assertMirrored(node, await w.edges[0].clients.core.readNode({ name: 'edge1-node-0' }));
    const lease = await coordination.readNamespacedLease({ name: 'edge1-node-0', namespace: 'kube-node-lease' });
    assert.equal(lease.spec?.holderIdentity, 'edge1-node-0');
    const first = new Date(lease.spec?.renewTime ?? 0).getTime();
    await eventually('lease renewed', async () => {
      const again = await coordination.readNamespacedLease({ name: 'edge1-node-0', namespace: 'kube-node-lease' });
      return new Date(again.spec?.renewTime ?? 0).getTime() > first;
    });
    const all = await core.listNode({ labelSelector: 'omni.cast.ai/type=virtual-node' });
    assert.deepEqual(all.items.map((n) => n.metadata?.name).sort(), ['edge1-node-0', 'edge1-node-1']);
  } finally {
    await w.stop();
  }
});

test('pausing the edge API makes its virtual nodes NotReady within the grace period; resume makes them Ready', async () => {
  const w = await startWorld({ edges: 2, nodesPerEdge: 1 });
  try {
    const { core } = w.mainClients;
    await eventually('both Ready', async () => readyOf(await core.readNode({ name: 'edge1-node-0' })) === 'True' && readyOf(await core.readNode({ name: 'edge2-node-0' })) === 'True');
    const t0 = Date.now();
    w.edges[0].sim.pause();
    const n = await eventually('edge1 NotReady', async () => {
      const x = await core.readNode({ name: 'edge1-node-0' });
      return readyOf(x) === 'Unknown' && x;
    }, 8000);
    const took = Date.now() - t0;
    assert.ok(took < 1500 + 3000, `NotReady after ${took} ms (grace 1.5 s, probe 0.25 s)`);
    assert.equal(n.status?.conditions?.find((c) => c.type === 'Ready')?.reason, 'EdgeClusterUnreachable');
    assert.equal(readyOf(await core.readNode({ name: 'edge2-node-0' })), 'True', 'the other edge is unaffected');
    w.edges[0].sim.resume();
    await eventually('edge1 Ready again', async () => readyOf(await core.readNode({ name: 'edge1-node-0' })) === 'True', 8000);
  } finally {
    w.edges[0].sim.resume();
    await w.stop();
  }
});

test('an edge node going NotReady or away is mirrored: NotReady, then the virtual node is deleted', async () => {
  const w = await startWorld({ edges: 1, nodesPerEdge: 2 });
  try {
    const { core } = w.mainClients;
    await eventually('Ready', async () => readyOf(await core.readNode({ name: 'edge1-node-1' })) === 'True');
    // The edge node's kubelet stops and its Ready goes False.
    w.edges[0].sim.pauseNode('edge1-node-1');
    await w.edges[0].clients.core.patchNodeStatus(
      { name: 'edge1-node-1', body: [{ op: 'replace', path: '/status/conditions', value: [{ type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'container runtime is down', lastHeartbeatTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z') }] }] },
    );
    await eventually('mirrored NotReady', async () => readyOf(await core.readNode({ name: 'edge1-node-1' })) === 'False');
    await w.edges[0].clients.core.deleteNode({ name: 'edge1-node-1' });
    await eventually('virtual node deleted', async () => {
      const all = await core.listNode({ labelSelector: 'omni.cast.ai/type=virtual-node' });
      return all.items.length === 1;
    });
  } finally {
    await w.stop();
  }
});
