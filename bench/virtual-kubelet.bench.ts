// Virtual-kubelet bench: 1,000 pods bound to virtual nodes (2 edge clusters × 5 edge nodes, zero
// kubelet delay) until every one shows Running in main; then reflection throughput (ConfigMaps and
// Secrets used by offloaded pods, created then updated). Everything runs in this process: main and
// edge kube-sims, the virtual kubelet, and the client creating pods.
import { cpus, loadavg } from 'node:os';
import type { V1Pod } from '@kubernetes/client-node';
import { startWorld, boundPod, eventually, readyOf } from '../test/virtual-kubelet/world.ts';
import { loadKubeConfig, makeClients } from '../src/kube/index.ts';

const PODS = Number(process.env.VK_BENCH_PODS ?? 1000);
const REFLECT = Number(process.env.VK_BENCH_REFLECT ?? 200);

async function inBatches<T>(items: T[], size: number, fn: (x: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

const w = await startWorld({ edges: 2, nodesPerEdge: 5, options: { graceSeconds: 40, probeSeconds: 5, requestTimeoutMs: 5000, resyncSeconds: 600, nodeStatusSeconds: 30, leaseRenewSeconds: 10 } });
// The bench drives main through its own connections, as kubectl or a controller would.
const { core } = makeClients(loadKubeConfig({ yaml: w.main.kubeconfigYaml }), { maxSockets: 8 });
const nodes = w.edges.flatMap((_, e) => Array.from({ length: 5 }, (_, n) => `edge${e + 1}-node-${n}`));
await eventually('virtual nodes Ready', async () => (await core.listNode({ labelSelector: 'omni.cast.ai/type=virtual-node' })).items.filter((n) => readyOf(n) === 'True').length === nodes.length, 60_000);
await w.vk.ready();
await core.createNamespace({ body: { metadata: { name: 'bench' } } });

async function allRunning(namespace: string, count: number, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const list = await core.listNamespacedPod({ namespace });
    if (list.items.filter((p) => p.status?.phase === 'Running').length === count) return;
    if (Date.now() > end) throw new Error(`not all ${count} pods Running in ${namespace}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
}

// 1. Virtual kubelet alone: PODS pods are bound while omni is down; time from its start to all Running.
await w.vk.stop();
await inBatches(Array.from({ length: PODS }, (_, i) => boundPod(`p-${i}`, nodes[i % nodes.length], {}, 'bench')), 50, (p: V1Pod) => core.createNamespacedPod({ namespace: 'bench', body: p }));
let cpu0 = process.cpuUsage();
let t0 = performance.now();
await w.restartVk();
await allRunning('bench', PODS, 120_000);
const vkMs = performance.now() - t0;
const vkCpu = cpuMs(cpu0);
console.log(`pods bound to virtual nodes:                     ${PODS} (2 edge clusters x 5 edge nodes, zero kubelet delay)`);
console.log(`virtual kubelet start → all Running in main:     ${vkMs.toFixed(0)} ms  (target ≤ 10000 ms)  CPU of the process: ${vkCpu.toFixed(0)} ms`);

// 2. End to end with a live client: PODS more pods created 50 at a time while the virtual kubelet runs.
await core.createNamespace({ body: { metadata: { name: 'live' } } });
cpu0 = process.cpuUsage();
t0 = performance.now();
await inBatches(Array.from({ length: PODS }, (_, i) => boundPod(`l-${i}`, nodes[i % nodes.length], {}, 'live')), 50, (p: V1Pod) => core.createNamespacedPod({ namespace: 'live', body: p }));
const createdMs = performance.now() - t0;
await allRunning('live', PODS, 120_000);
const liveMs = performance.now() - t0;
console.log(`live: create ${PODS} bound pods (client side):      ${createdMs.toFixed(0)} ms`);
console.log(`live: first create → all Running in main:         ${liveMs.toFixed(0)} ms  (last Running ${(liveMs - createdMs).toFixed(0)} ms after the last create)  CPU: ${cpuMs(cpu0).toFixed(0)} ms`);
console.log(`edge events reflected onto main pods so far:      ${w.vk.stats().eventsReflected}`);

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
await eventually('updates reach the edges', async () => {
  const lists = await Promise.all(w.edges.map((e) => e.clients.core.listNamespacedConfigMap({ namespace: 'reflect' })));
  return lists.flatMap((l) => l.items).filter((c) => c.data?.v === '2').length === REFLECT;
}, 120_000);
const updateMs = performance.now() - t2;
console.log(`reflection on pod start (ConfigMap + Secret):    ${createdObjects} objects, ${REFLECT} pods Running in ${createMs.toFixed(0)} ms (${((createdObjects / createMs) * 1000).toFixed(0)} objects/s, pod creation included)`);
console.log(`ConfigMap updates reaching the edge copies:       ${REFLECT} in ${updateMs.toFixed(0)} ms (${((REFLECT / updateMs) * 1000).toFixed(0)} objects/s)`);

const t3 = performance.now();
await core.deleteCollectionNamespacedPod({ namespace: 'bench' });
await eventually('bench pods gone from the edges', async () => {
  const lists = await Promise.all(w.edges.map((e) => e.clients.core.listNamespacedPod({ namespace: 'bench' })));
  return lists.every((l) => l.items.length === 0);
}, 120_000);
console.log(`delete ${PODS} pods until their edge copies are gone: ${(performance.now() - t3).toFixed(0)} ms`);
console.log(`machine load average (1 min) at the end:          ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs`);
await w.stop();
process.exit(0);
