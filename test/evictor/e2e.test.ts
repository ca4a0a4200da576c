import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Move } from '../../src/controllers/evictor/index.ts';
import { addEdgeNodes, addMainNodes, deployment, eventually, podsOf, setCordoned, settled, startWorld, watchReady } from './world.ts';

const isEdge = (name: string | undefined) => Boolean(name?.includes('-edge-'));

test('e2e: pods offloaded while the main cluster was full come home when it has room, within budgets', async (t) => {
  const w = await startWorld(0.5);
  try {
    const main = addMainNodes(w, 6);
    await setCordoned(w, main, true);
    addEdgeNodes(w, 'gcp-us-central1', 5);
    // 10 pods of 350m per 4-CPU edge node: too full to pack, so every move here is a move home.
    await w.clients.apps.createNamespacedDeployment({ namespace: 'default', body: deployment('web', 50, { cpu: '350m', tolerate: true }) });
    await w.clients.apps.createNamespacedDeployment({ namespace: 'default', body: deployment('local', 3, { cpu: '100m', tolerate: false }) });
    await w.clients.policy.createNamespacedPodDisruptionBudget({ namespace: 'default', body: { metadata: { name: 'web' }, spec: { minAvailable: 42, selector: { matchLabels: { app: 'web' } } } } });
    const onEdge = await settled(w, 'web', 50);
    assert.ok(onEdge.every((p) => isEdge(p.spec?.nodeName)), 'the main cluster is full: all 50 run on edge nodes');
    assert.ok((await podsOf(w, 'local')).every((p) => !p.spec?.nodeName), 'pods that do not tolerate the edge taint wait');

    const ready = watchReady(w, 'web');
    const local = watchReady(w, 'local');
    await ready.pods.synced();
    await local.pods.synced();
    let localOnEdge = false;
    local.pods.onChange((p) => (localOnEdge ||= isEdge(p.spec?.nodeName)));

    const dry = w.startEvictor({ dryRun: true, maxEvictionsPerCycle: 20 });
    assert.deepEqual(await dry.runOnce(), [], 'no room at home, and the edge nodes are already packed');
    await setCordoned(w, main, false); // free main capacity appears
    const would = await dry.runOnce();
    assert.ok(would.length > 0 && would.every((m) => m.kind === 'home'));
    await dry.stop();
    assert.ok((await podsOf(w, 'web')).every((p) => isEdge(p.spec?.nodeName)), 'dry run evicts nothing');
    const wouldEvents = await w.clients.core.listNamespacedEvent({ namespace: 'default', fieldSelector: 'reason=EvictorWouldMove' });
    assert.ok(wouldEvents.items.length > 0 && wouldEvents.items.every((e) => e.reason === 'EvictorWouldMove' && e.source?.component === 'omni-evictor'));

    await eventually('local pods at home', async () => (await podsOf(w, 'local')).every((p) => p.spec?.nodeName && !isEdge(p.spec.nodeName)));
    await w.clients.core.createNamespace({ body: { metadata: { name: 'castai-omni' } } });
    const evictor = w.startEvictor({ maxEvictionsPerCycle: 20, coolDownSeconds: 600 });
    ready.reset();
    const moved: Move[] = [];
    let cycles = 0;
    for (; cycles < 12; cycles++) {
      const pods = await settled(w, 'web', 50);
      if (pods.every((p) => !isEdge(p.spec?.nodeName))) break;
      moved.push(...(await evictor.runOnce()));
    }
    t.diagnostic(`home in ${cycles} cycles; fewest Ready web pods seen: ${ready.min()}`);
    assert.ok(cycles <= 8, `home within a few cycles (took ${cycles})`);
    assert.equal(moved.length, 50);
    assert.ok(ready.min() >= 42 && ready.min() < 50, `the PDB held: at least 42 Ready at all times (saw ${ready.min()})`);
    assert.equal(new Set(moved.map((m) => `${m.owner.uid}/${m.pod.name}`)).size, moved.length, 'no pod evicted twice');
    assert.equal(localOnEdge, false, 'a pod that does not tolerate the edge taint never lands on an edge node');
    assert.deepEqual(await evictor.runOnce(), [], 'nothing more to do');
    assert.ok(evictor.recentlyMovedHome(moved[0].owner.uid));
    const restarted = w.startEvictor({ dryRun: true });
    await restarted.runOnce();
    assert.ok(restarted.recentlyMovedHome(moved[0].owner.uid), 'the cool-down survives a restart (ConfigMap castai-omni/omni-evictor-cool-down)');

    const moves = await w.clients.core.listNamespacedEvent({ namespace: 'default', fieldSelector: 'reason=EvictorMoved' });
    assert.ok(moves.items.some((e) => e.involvedObject.kind === 'Pod' && e.source?.component === 'omni-evictor'));
    assert.ok(moves.items.some((e) => e.involvedObject.kind === 'Node'));
    const text = await evictor.metrics.registry.metrics();
    assert.match(text, /omni_evictor_evictions_total\{kind="ReplicaSet",reason="home"\} 50/);
    const edgeNodes = (await w.clients.core.listNode()).items.filter((n) => isEdge(n.metadata?.name));
    assert.ok(edgeNodes.every((n) => n.spec?.unschedulable === true), 'emptied edge nodes stay cordoned for the autoscaler to remove');
    await ready.pods.stop();
    await local.pods.stop();
  } finally {
    await w.stop();
  }
});

test('e2e: pods spread thin over 10 edge nodes are packed onto the fewest nodes that hold them', async (t) => {
  const w = await startWorld();
  try {
    const main = addMainNodes(w, 1);
    await setCordoned(w, main, true);
    const edges = addEdgeNodes(w, 'aws-eu-west-1', 10);
    await w.clients.apps.createNamespacedDeployment({ namespace: 'default', body: deployment('spread', 20, { cpu: '500m', tolerate: true }) });
    const before = await settled(w, 'spread', 20);
    assert.equal(new Set(before.map((p) => p.spec?.nodeName)).size, 10, 'the scheduler spreads them over all 10');

    const evictor = w.startEvictor({ maxEvictionsPerCycle: 10, coolDownSeconds: 600 });
    const moved: Move[] = [];
    for (let i = 0; i < 6; i++) {
      const got = await evictor.runOnce();
      moved.push(...got);
      await settled(w, 'spread', 20);
      if (got.length === 0) break;
    }
    const after = await settled(w, 'spread', 20);
    const used = new Set(after.map((p) => p.spec?.nodeName));
    // 4-CPU nodes keep 3.92 CPU allocatable: 7 pods of 500m each, so 20 pods need 3 nodes.
    t.diagnostic(`${moved.length} evictions; edge nodes with pods: ${used.size}`);
    assert.equal(used.size, 3, `edge nodes with pods: ${[...used].join(', ')}`);
    assert.ok([...used].every((n) => edges.includes(String(n))));
    assert.ok(moved.every((m) => m.kind === 'pack'));
    assert.equal(new Set(moved.map((m) => `${m.owner.uid}/${m.pod.name}`)).size, moved.length, 'no pod evicted twice');
  } finally {
    await w.stop();
  }
});
