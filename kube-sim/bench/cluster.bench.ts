// kube-sim cluster figures: pods scheduled per second (10,000 pending pods onto 1,000 nodes) and the
// time for a 1,000-replica Deployment to be all Running with zero kubelet delay.
// Run: node scripts/run-bench.mjs cluster
import { performance } from 'node:perf_hooks';
import { startSimulatedCluster, type SimulatedCluster } from '../src/index.ts';
import { SimScheduler } from '../src/controllers/scheduler/scheduler.ts';
import { EventRecorder } from '../src/controllers/shared/events.ts';
import type { JsonObject } from '../src/util/json.ts';

const NODES = 1000;
const PENDING = 10_000;
const REPLICAS = 1000;

function heapMiB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** CPU time of this process since `from` (ms): the figure that holds on a busy machine. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('bench timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function pod(i: number): JsonObject {
  return {
    metadata: { name: `p-${i}`, labels: { app: 'bench' } },
    spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
  };
}

const boundCount = (sim: SimulatedCluster) => sim.podIndex.inNamespace('default').filter((p) => (p.spec as JsonObject).nodeName).length;

async function schedulingThroughput(): Promise<void> {
  const sim = await startSimulatedCluster({ scheduler: false, kubelet: false, nodeLifecycle: false, nodes: { count: NODES } });
  try {
    const podType = sim.api.resolve('', 'v1', 'pods');
    for (let i = 0; i < PENDING; i++) sim.api.create(podType, 'default', pod(i));
    const scheduler = new SimScheduler({ api: sim.api, clock: sim.clock, pods: sim.podIndex, events: new EventRecorder(sim.api) });
    const t = performance.now();
    const cpu = process.cpuUsage();
    sim.addController(scheduler);
    await until(() => boundCount(sim) === PENDING, 300_000);
    const s = (performance.now() - t) / 1000;
    const c = cpuMs(cpu) / 1000;
    console.log(`scheduler: ${PENDING} pending pods onto ${NODES} nodes in ${s.toFixed(2)} s wall = ${Math.round(PENDING / s)} pods/s; ${c.toFixed(2)} s CPU = ${Math.round(PENDING / c)} pods/s per CPU-second (bind + Scheduled event per pod)`);
    const perNode = new Map<string, number>();
    for (const p of sim.podIndex.inNamespace('default')) perNode.set(String((p.spec as JsonObject).nodeName), (perNode.get(String((p.spec as JsonObject).nodeName)) ?? 0) + 1);
    const counts = [...perNode.values()];
    console.log(`  spread: ${perNode.size} nodes used, ${Math.min(...counts)}–${Math.max(...counts)} pods per node; heap ${heapMiB().toFixed(0)} MiB`);
  } finally {
    await sim.stop();
  }
}

async function deploymentToRunning(): Promise<void> {
  const sim = await startSimulatedCluster({ kubeletDelaySeconds: 0, nodes: { count: NODES } });
  try {
    await until(() => sim.api.store.list('/nodes').every((n) => (n.status as JsonObject).nodeInfo), 60_000);
    const deployments = sim.api.resolve('apps', 'v1', 'deployments');
    const t = performance.now();
    const cpu = process.cpuUsage();
    sim.api.create(deployments, 'default', {
      metadata: { name: 'big' },
      spec: {
        replicas: REPLICAS,
        selector: { matchLabels: { app: 'big' } },
        template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100m' } } }] } },
      },
    });
    const running = (): number => sim.podIndex.inNamespace('default').filter((p) => (p.status as JsonObject).phase === 'Running').length;
    await until(() => running() === REPLICAS, 300_000);
    const ms = performance.now() - t;
    const c = cpuMs(cpu);
    await until(() => Number((sim.api.store.get('apps/deployments', 'default', 'big')?.status as JsonObject).availableReplicas) === REPLICAS, 60_000);
    const total = performance.now() - t;
    console.log(`deployment: ${REPLICAS} replicas on ${NODES} nodes all Running in ${(ms / 1000).toFixed(2)} s wall, ${(c / 1000).toFixed(2)} s CPU (status availableReplicas=${REPLICAS} at ${(total / 1000).toFixed(2)} s), kubelet delay 0`);
    console.log(`  store: ${sim.api.store.revision} revisions, heap ${heapMiB().toFixed(0)} MiB`);
  } finally {
    await sim.stop();
  }
}

console.log(`load average at start: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} (wall-clock figures suffer on a busy machine; CPU-second figures less so)`);
await schedulingThroughput();
await deploymentToRunning();
