// Autoscaler control-plane figures: time from a pod being seen Unschedulable to its NodeClaim being
// written (zero cloud latency), for 1,000 pods; and controller memory with 5,000 nodes.
import { startAutoscaler } from '../src/controllers/autoscaler/index.ts';
import { systemClock } from '../src/kube/index.ts';
import { silentLog, startMainWorld } from '../test/support/main-world.ts';

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

async function pendingToClaim(): Promise<void> {
  const w = await startMainWorld({ nodes: 0 });
  await w.clients.custom.createClusterCustomObject({ group: 'omni.cast.ai', version: 'v1alpha1', plural: 'nodetemplates', body: { apiVersion: 'omni.cast.ai/v1alpha1', kind: 'NodeTemplate', metadata: { name: 'default' }, spec: { constraints: { instanceFamilies: { include: ['m5', 'c5'] } } } } });
  const a = await startAutoscaler({ clients: w.clients, catalog: w.catalog, locations: w.locations, clusterId: 'bench', main: { cloud: 'aws', region: 'us-east-1' }, clock: systemClock, log: silentLog, options: { tickSeconds: 0.2, batchSeconds: 0.2 } });
  const seen = new Map<string, number>();
  const claimed = new Map<string, number>();
  a.view.pods.onChange((p) => {
    const key = `${p.metadata?.namespace}/${p.metadata?.name}`;
    if (!seen.has(key) && p.status?.conditions?.some((c) => c.reason === 'Unschedulable')) seen.set(key, performance.now());
  });
  a.view.claims.onChange((c) => {
    for (const pod of JSON.parse(c.metadata?.annotations?.['omni.cast.ai/planned-pods'] ?? '[]') as string[]) if (!claimed.has(pod)) claimed.set(pod, performance.now());
  });
  const n = 1000;
  await w.clients.apps.createNamespacedDeployment({
    namespace: 'default',
    body: { metadata: { name: 'load' }, spec: { replicas: n, selector: { matchLabels: { app: 'load' } }, template: { metadata: { labels: { app: 'load' } }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '250m', memory: '256Mi' } } }] } } } },
  });
  await waitFor(() => claimed.size >= n, 120_000);
  const lat = [...claimed].filter(([k]) => seen.has(k)).map(([k, t]) => t - seen.get(k)!).sort((x, y) => x - y);
  console.log(`pending → NodeClaim written, ${lat.length} pods (batch window 0.2 s, zero cloud latency): p50 ${pct(lat, 50).toFixed(0)} ms, p99 ${pct(lat, 99).toFixed(0)} ms   [target p99 <= 1000 ms]`);
  await a.stop();
  await w.stop();
}

async function memoryWith5000Nodes(): Promise<void> {
  const w = await startMainWorld({ nodes: 0 });
  const nodes = w.cluster.api.resolve('', 'v1', 'nodes');
  for (let i = 0; i < 5000; i++) {
    w.cluster.api.create(nodes, undefined, {
      metadata: { name: `omni-node-${i}`, labels: { 'omni.cast.ai/node-claim': `omni-node-${i}`, 'node.kubernetes.io/instance-type': 'm5.large', 'topology.kubernetes.io/zone': `us-east-1${'abc'[i % 3]}` } },
      status: { allocatable: { cpu: '1930m', memory: '7Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] },
    });
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const a = await startAutoscaler({ clients: w.clients, catalog: w.catalog, locations: w.locations, clusterId: 'bench', main: { cloud: 'aws', region: 'us-east-1' }, clock: systemClock, log: silentLog, options: { manual: true } });
  await waitFor(() => a.view.nodes.list().length >= 5000, 60_000);
  gc?.();
  const used = process.memoryUsage().heapUsed - before;
  console.log(`autoscaler caches with 5,000 nodes: ${(used / 1024 / 1024).toFixed(0)} MiB heap`);
  await a.stop();
  await w.stop();
}

await pendingToClaim();
await memoryWith5000Nodes();
process.exit(0);
