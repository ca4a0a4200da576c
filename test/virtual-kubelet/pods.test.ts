import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { boundPod, eventually, readyOf, startWorld } from './world.ts';

const ORIGIN = 'omni.cast.ai/origin-pod-uid';

function assertOffloaded(p: V1Pod, r: V1Pod): void {
  const [mainStatus, remoteStatus] = [p.status ?? {}, r.status ?? {}];
  const [mainSpec, remoteSpec] = [p.spec ?? { containers: [] }, r.spec ?? { containers: [] }];
  const labels = r.metadata?.labels ?? {};
  assert.equal(remoteSpec.nodeName, mainSpec.nodeName, 'pinned to the edge node of the same name');
  assert.equal(labels[ORIGIN], p.metadata?.uid);
  assert.equal(labels['omni.cast.ai/origin-namespace'], 'shop');
  assert.equal(remoteStatus.podIP, mainStatus.podIP);
  assert.equal(remoteStatus.hostIP, mainStatus.hostIP);
  assert.ok((remoteSpec.tolerations ?? []).some((t) => t.key === 'virtual-node.omni.cast.ai/not-allowed'));
  assertReady(mainStatus);
}

function assertReady(status: NonNullable<V1Pod['status']>): void {
  assert.ok((status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'));
  assert.equal((status.containerStatuses ?? [])[0].ready, true);
}

test('pods bound to a virtual node run in the edge; status flows back; deletion flows down and finishes', async () => {
  const w = await startWorld({ edges: 1, nodesPerEdge: 2 });
  try {
    const { core } = w.mainClients;
    const edge = w.edges[0].clients.core;
    await eventually('virtual nodes Ready', async () => readyOf(await core.readNode({ name: 'edge1-node-1' })) === 'True');
    await core.createNamespace({ body: { metadata: { name: 'shop' } } });
    const n = 20;
    await Promise.all(Array.from({ length: n }, (_, i) => core.createNamespacedPod({ namespace: 'shop', body: boundPod(`web-${i}`, `edge1-node-${i % 2}`, {}, 'shop') })));
    const running = await eventually('all Running in main', async () => {
      const list = await core.listNamespacedPod({ namespace: 'shop' });
      return list.items.length === n && list.items.every((p) => p.status?.phase === 'Running' && p.status.podIP) && list.items;
    });
    const remote = await edge.listNamespacedPod({ namespace: 'shop', labelSelector: ORIGIN });
    assert.equal(remote.items.length, n);
    const byName = new Map(remote.items.map((p) => [p.metadata?.name, p]));
    for (const p of running) assertOffloaded(p, byName.get(p.metadata?.name) as V1Pod);
    const ns = await edge.readNamespace({ name: 'shop' });
    assert.equal(ns.metadata?.labels?.['omni.cast.ai/managed-by'], 'omni');

    // An edit of a mutable field flows down.
    await core.patchNamespacedPod({ name: 'web-0', namespace: 'shop', body: [{ op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.28' }, { op: 'add', path: '/metadata/labels/tier', value: 'front' }] });
    await eventually('image and label reach the edge copy', async () => {
      const r = await edge.readNamespacedPod({ name: 'web-0', namespace: 'shop' });
      return r.spec?.containers[0].image === 'nginx:1.28' && r.metadata?.labels?.tier === 'front';
    });

    // Graceful deletion flows down; once the edge copy is gone the main pod goes.
    await Promise.all(running.map((p) => core.deleteNamespacedPod({ name: p.metadata?.name ?? '', namespace: 'shop' })));
    await eventually('main pods gone', async () => (await core.listNamespacedPod({ namespace: 'shop' })).items.length === 0);
    await eventually('edge pods gone', async () => (await edge.listPodForAllNamespaces({ labelSelector: ORIGIN })).items.length === 0);
  } finally {
    await w.stop();
  }
});

test('a pod with a PersistentVolumeClaim is refused with a Warning event and status', async () => {
  const w = await startWorld({ edges: 1, nodesPerEdge: 1 });
  try {
    const { core } = w.mainClients;
    await eventually('Ready', async () => readyOf(await core.readNode({ name: 'edge1-node-0' })) === 'True');
    await core.createNamespacedPod({ namespace: 'default', body: boundPod('db-0', 'edge1-node-0', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } }] }) });
    const pod = await eventually('refused status', async () => {
      const p = await core.readNamespacedPod({ name: 'db-0', namespace: 'default' });
      return p.status?.reason === 'OffloadingRefused' && p;
    });
    assert.equal(pod.status?.phase, 'Pending');
    assert.match(pod.status?.message ?? '', /PersistentVolumeClaim/);
    const events = await core.listNamespacedEvent({ namespace: 'default' });
    const ev = events.items.find((e) => e.involvedObject.name === 'db-0' && e.reason === 'OffloadingRefused');
    assert.equal(ev?.type, 'Warning');
    assert.equal((await w.edges[0].clients.core.listPodForAllNamespaces({ labelSelector: ORIGIN })).items.length, 0);
  } finally {
    await w.stop();
  }
});

test('restarting the virtual kubelet mid-way leaves exactly one edge pod per pod, and orphans are removed', async () => {
  const w = await startWorld({ edges: 1, nodesPerEdge: 2 });
  try {
    const { core } = w.mainClients;
    const edge = w.edges[0].clients.core;
    await eventually('Ready', async () => readyOf(await core.readNode({ name: 'edge1-node-1' })) === 'True');
    const n = 30;
    const first = Array.from({ length: n / 2 }, (_, i) => core.createNamespacedPod({ namespace: 'default', body: boundPod(`api-${i}`, `edge1-node-${i % 2}`) }));
    await Promise.all(first);
    await w.vk.stop();
    await Promise.all(Array.from({ length: n / 2 }, (_, i) => core.createNamespacedPod({ namespace: 'default', body: boundPod(`api-${n / 2 + i}`, `edge1-node-${i % 2}`) })));
    // A pod deleted while omni was down leaves an orphan in the edge.
    await core.deleteNamespacedPod({ name: 'api-0', namespace: 'default', gracePeriodSeconds: 0 });
    await w.restartVk();
    await eventually('all Running in main', async () => {
      const list = await core.listNamespacedPod({ namespace: 'default' });
      return list.items.length === n - 1 && list.items.every((p) => p.status?.phase === 'Running');
    });
    await eventually('exactly one edge pod per main pod, no orphan', async () => {
      const remote = (await edge.listNamespacedPod({ namespace: 'default', labelSelector: ORIGIN })).items.filter((p) => !p.metadata?.deletionTimestamp);
      const names = remote.map((p) => p.metadata?.name).sort();
      return names.length === n - 1 && new Set(names).size === n - 1 && !names.includes('api-0');
    });
    const main = await core.listNamespacedPod({ namespace: 'default' });
    const remote = await edge.listNamespacedPod({ namespace: 'default', labelSelector: ORIGIN });
    const uids = new Set(main.items.map((p) => p.metadata?.uid));
    assert.ok(remote.items.every((p) => uids.has(p.metadata?.labels?.[ORIGIN])));
  } finally {
    await w.stop();
  }
});

test('a short edge outage neither deletes nor moves running pods; the sides reconcile afterwards', async () => {
  const w = await startWorld({ edges: 1, nodesPerEdge: 1 });
  try {
    const { core } = w.mainClients;
    const edge = w.edges[0].clients.core;
    await eventually('Ready', async () => readyOf(await core.readNode({ name: 'edge1-node-0' })) === 'True');
    await core.createNamespacedPod({ namespace: 'default', body: boundPod('keep-0', 'edge1-node-0') });
    await core.createNamespacedPod({ namespace: 'default', body: boundPod('gone-0', 'edge1-node-0') });
    await eventually('Running', async () => (await core.listNamespacedPod({ namespace: 'default' })).items.every((p) => p.status?.phase === 'Running'));
    const before = await edge.readNamespacedPod({ name: 'keep-0', namespace: 'default' });
    w.edges[0].sim.pause();
    await eventually('main pod marked not Ready', async () => {
      const p = await core.readNamespacedPod({ name: 'keep-0', namespace: 'default' });
      return p.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'False';
    });
    await core.deleteNamespacedPod({ name: 'gone-0', namespace: 'default' });
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(await core.readNamespacedPod({ name: 'gone-0', namespace: 'default' }), 'deletion waits for the edge');
    w.edges[0].sim.resume();
    await eventually('Ready again and deletion finished', async () => {
      const p = await core.readNamespacedPod({ name: 'keep-0', namespace: 'default' });
      const list = await core.listNamespacedPod({ namespace: 'default' });
      return p.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True' && list.items.length === 1;
    }, 15_000);
    const after = await edge.readNamespacedPod({ name: 'keep-0', namespace: 'default' });
    assert.equal(after.metadata?.uid, before.metadata?.uid, 'the edge pod was never replaced');
  } finally {
    w.edges[0].sim.resume();
    await w.stop();
  }
});

test('on an unreachable edge, pods follow their tolerations: evicted in main, the edge copy removed when the edge answers', async () => {
  const w = await startWorld({ edges: 1, nodesPerEdge: 1 });
  try {
    const { core } = w.mainClients;
    const edge = w.edges[0].clients.core;
    await eventually('Ready', async () => readyOf(await core.readNode({ name: 'edge1-node-0' })) === 'True');
    const unreachable = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 1 };
    await core.createNamespacedPod({ namespace: 'default', body: boundPod('short-0', 'edge1-node-0', { tolerations: [boundPod('x', 'y').spec!.tolerations![0], unreachable] }) });
    await eventually('Running', async () => (await core.readNamespacedPod({ name: 'short-0', namespace: 'default' })).status?.phase === 'Running');
    w.edges[0].sim.pause();
    await eventually('evicted in main (terminating)', async () => !!(await core.readNamespacedPod({ name: 'short-0', namespace: 'default' })).metadata?.deletionTimestamp, 20_000);
    w.edges[0].sim.resume();
    await eventually('main pod finished', async () => (await core.listNamespacedPod({ namespace: 'default' })).items.length === 0, 20_000);
    await eventually('edge copy gone', async () => (await edge.listNamespacedPod({ namespace: 'default', labelSelector: ORIGIN })).items.length === 0, 20_000);
  } finally {
    w.edges[0].sim.resume();
    await w.stop();
  }
});
