import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeLogger, systemClock } from '../../src/kube/index.ts';
import { startVirtualKubelet } from '../../src/controllers/virtual-kubelet/index.ts';
import { FAST, boundPod, eventually, readyOf, startWorld } from './world.ts';

test('edges are added as they become Ready and removed on offboarding (the edge-location controller path)', async () => {
  const w = await startWorld({ edges: 2, nodesPerEdge: 1 });
  await w.vk.stop();
  const vk = startVirtualKubelet({ main: w.mainClients, clock: systemClock, log: makeLogger('vk-edges'), options: FAST });
  try {
    const { core } = w.mainClients;
    await vk.ready();
    await vk.addEdge(w.edges[1].spec);
    await eventually('edge 2 node Ready', async () => readyOf(await core.readNode({ name: 'edge2-node-0' })) === 'True');
    await core.createNamespacedPod({ namespace: 'default', body: boundPod('late-0', 'edge2-node-0') });
    await eventually('Running', async () => (await core.readNamespacedPod({ name: 'late-0', namespace: 'default' })).status?.phase === 'Running');
    await vk.addEdge(w.edges[0].spec);
    await eventually('edge 1 node Ready', async () => readyOf(await core.readNode({ name: 'edge1-node-0' })) === 'True');
    assert.equal(vk.stats().edges, 2);
    await core.deleteNamespacedPod({ name: 'late-0', namespace: 'default' });
    await eventually('pod gone', async () => (await core.listNamespacedPod({ namespace: 'default' })).items.length === 0);
    await vk.removeEdge(w.edges[1].name, { deleteNodes: true });
    const names = (await core.listNode({ labelSelector: 'omni.cast.ai/type=virtual-node' })).items.map((n) => n.metadata?.name);
    assert.deepEqual(names, ['edge1-node-0']);
  } finally {
    await vk.stop();
    await w.stop();
  }
});
