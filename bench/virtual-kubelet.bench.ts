// Virtual-kubelet bench: 1,000 pods bound to virtual nodes (2 edge clusters × 5 edge nodes, zero
// kubelet delay) until every one shows Running in main; then reflection throughput (ConfigMaps and
// Secrets used by offloaded pods, created then updated). Everything runs in this process: main and
// edge kube-sims, the virtual kubelet, and the client creating pods.
import type { V1Pod } from '@kubernetes/client-node';
import { startWorld, boundPod, eventually, readyOf } from '../test/virtual-kubelet/world.ts';

const PODS = Number(process.env.VK_BENCH_PODS ?? 1000);
const REFLECT = Number(process.env.VK_BENCH_REFLECT ?? 200);

async function inBatches<T>(items: T[], size: number, fn: (x: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

const w = await startWorld({ edges: 2, nodesPerEdge: 5, options: { graceSeconds: 40, probeSeconds: 5, requestTimeoutMs: 5000, resyncSeconds: 600, nodeStatusSeconds: 30, leaseRenewSeconds: 10 } });
const { core } = w.mainClients;
const nodes = w.edges.flatMap((_, e) => Array.from({ length: 5 }, (_, n) => `edge${e + 1}-node-${n}`));
await eventually('virtual nodes Ready', async () => (await core.listNode({ labelSelector: 'omni.cast.ai/type=virtual-node' })).items.filter((n) => readyOf(n) === 'True').length === nodes.length, 60_000);
await w.vk.ready();
await core.createNamespace({ body: { metadata: { name: 'bench' } } });

let running = 0;
const seen = new Set<string>();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const pods = Array.from({ length: PODS }, (_, i) => boundPod(`p-${i}`, nodes[i % nodes.length], {}, 'bench'));
const created = inBatches(pods, 50, (p: V1Pod) => core.createNamespacedPod({ namespace: 'bench', body: p }));
await created;
const createdMs = performance.now() - t0;
await eventually(`${PODS} pods Running in main`, async () => {
  const list = await core.listNamespacedPod({ namespace: 'bench' });
  for (const p of list.items) if (p.status?.phase === 'Running') seen.add(p.metadata?.name ?? '');
  running = seen.size;
  return running === PODS;
}, 120_000);
const runMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(`pods bound to virtual nodes:            ${PODS}`);
console.log(`created in main (client side):          ${createdMs.toFixed(0)} ms`);
console.log(`all Running in main:                    ${runMs.toFixed(0)} ms  (target ≤ 10000 ms)`);
console.log(`process CPU for that (all parts):       ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
console.log(`events reflected edge→main so far:      ${w.vk.stats().eventsReflected}`);

// Reflection: REFLECT pods, each using its own ConfigMap and Secret.
await core.createNamespace({ body: { metadata: { name: 'reflect' } } });
await inBatches(Array.from({ length: REFLECT }, (_, i) => i), 50, async (i) => {
  await core.createNamespacedConfigMap({ namespace: 'reflect', body: { metadata: { name: `cm-${i}` }, data: { v: '1' } } });
  await core.createNamespacedSecret({ namespace: 'reflect', body: { metadata: { name: `s-${i}` }, stringData: { v: '1' } } });
});
const before = w.vk.stats().objectsReflected;
const t1 = performance.now();
await inBatches(Array.from({ length: REFLECT }, (_, i) => i), 50, (i) =>
  core.createNamespacedPod({
    namespace: 'reflect',
    body: boundPod(`r-${i}`, nodes[i % nodes.length], { volumes: [{ name: 'c', configMap: { name: `cm-${i}` } }, { name: 's', secret: { secretName: `s-${i}` } }] }, 'reflect'),
  }),
);
await eventually('reflect pods Running', async () => (await core.listNamespacedPod({ namespace: 'reflect' })).items.every((p) => p.status?.phase === 'Running'), 120_000);
const createMs = performance.now() - t1;
const createdObjects = w.vk.stats().objectsReflected - before;
const t2 = performance.now();
await inBatches(Array.from({ length: REFLECT }, (_, i) => i), 50, (i) => core.patchNamespacedConfigMap({ name: `cm-${i}`, namespace: 'reflect', body: [{ op: 'replace', path: '/data/v', value: '2' }] }));
const edgeOf = (i: number) => w.edges[Math.floor((i % nodes.length) / 5)].clients.core;
await eventually('updates reach the edges', async () => {
  const lists = await Promise.all(w.edges.map((e) => e.clients.core.listNamespacedConfigMap({ namespace: 'reflect' })));
  return lists.flatMap((l) => l.items).filter((c) => c.data?.v === '2').length === REFLECT;
}, 120_000);
const updateMs = performance.now() - t2;
void edgeOf;
console.log(`reflected on pod start (cm+secret):     ${createdObjects} objects with ${REFLECT} pods Running in ${createMs.toFixed(0)} ms (${((createdObjects / createMs) * 1000).toFixed(0)} objects/s, pod start included)`);
console.log(`ConfigMap updates reflected:            ${REFLECT} in ${updateMs.toFixed(0)} ms (${((REFLECT / updateMs) * 1000).toFixed(0)} objects/s, edit to edge copy)`);

const t3 = performance.now();
await core.deleteCollectionNamespacedPod({ namespace: 'bench' });
await eventually('bench pods gone from the edges', async () => {
  const lists = await Promise.all(w.edges.map((e) => e.clients.core.listNamespacedPod({ namespace: 'bench' })));
  return lists.every((l) => l.items.length === 0);
}, 120_000);
console.log(`deleting ${PODS} pods until the edges are empty: ${(performance.now() - t3).toFixed(0)} ms`);
await w.stop();
process.exit(0);
