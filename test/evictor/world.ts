// A main kube-sim with simulated main nodes and simulated edge nodes (edge labels and taint), for e2e tests.
import type { V1Deployment, V1Pod } from '@kubernetes/client-node';
import { startSimulatedCluster, type SimulatedCluster } from '../../kube-sim/src/sim/index.ts';
import { loadKubeConfig, makeClients, makeLogger, systemClock, watchCollection, type KubeClients, type WatchedCollection } from '../../src/kube/index.ts';
import { startEvictor, type Evictor, type EvictorOptions } from '../../src/controllers/evictor/index.ts';
import { EDGE_TAINT, EDGE_TOLERATION } from './builders.ts';

export interface World {
  sim: SimulatedCluster;
  clients: KubeClients;
  startEvictor(options: Partial<EvictorOptions>): Evictor;
  stop(): Promise<void>;
}

/** `kubeletDelaySeconds`: from binding to Ready, so evicted pods leave a gap a budget must cover. */
export async function startWorld(kubeletDelaySeconds = 0): Promise<World> {
  const sim = await startSimulatedCluster({ name: 'main', kubeletDelaySeconds });
  const clients = makeClients(loadKubeConfig({ yaml: sim.kubeconfigYaml }));
  const evictors: Evictor[] = [];
  return {
    sim,
    clients,
    startEvictor(options) {
      const e = startEvictor({ clients, clock: systemClock, log: makeLogger('evictor-test'), options: { intervalSeconds: 3600, ...options } });
      evictors.push(e);
      return e;
    },
    async stop() {
      for (const e of evictors) await e.stop();
      await sim.stop();
    },
  };
}

export function addMainNodes(w: World, count: number, cpu = 4): string[] {
  return w.sim.addNodes({ count, namePrefix: 'main-', cpu, memoryGiB: 16 }).map((n) => String((n.metadata as { name: string }).name));
}

export function addEdgeNodes(w: World, location: string, count: number, cpu = 4): string[] {
  const nodes = w.sim.addNodes({
    count,
    namePrefix: `${location}-edge-`,
    cpu,
    memoryGiB: 16,
    labels: { 'omni.cast.ai/edge-node': 'true', 'omni.cast.ai/edge-location-name': location, 'omni.cast.ai/type': 'virtual-node' },
    taints: [{ key: EDGE_TAINT.key, value: EDGE_TAINT.value, effect: 'NoExecute' }],
  });
  return nodes.map((n) => String((n.metadata as { name: string }).name));
}

export async function setCordoned(w: World, names: string[], unschedulable: boolean): Promise<void> {
  for (const name of names) await w.clients.core.patchNode({ name, body: [{ op: 'add', path: '/spec/unschedulable', value: unschedulable }] });
}

export function deployment(name: string, replicas: number, o: { cpu: string; tolerate: boolean }): V1Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          tolerations: o.tolerate ? [EDGE_TOLERATION] : [],
          containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: o.cpu, memory: '128Mi' } } }],
        },
      },
    },
  };
}

export function isReady(p: V1Pod): boolean {
  return !p.metadata?.deletionTimestamp && (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

export async function podsOf(w: World, app: string): Promise<V1Pod[]> {
  return (await w.clients.core.listNamespacedPod({ namespace: 'default', labelSelector: `app=${app}` })).items;
}

export async function eventually<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every pod of the app Ready and none terminating or pending; then a moment for informers to catch up. */
export async function settled(w: World, app: string, replicas: number): Promise<V1Pod[]> {
  const pods = await eventually(`${app} settled`, async () => {
    const ps = await podsOf(w, app);
    return ps.length === replicas && ps.every(isReady) ? ps : undefined;
  });
  await new Promise((r) => setTimeout(r, 150));
  return pods;
}

/** Watches the app's pods and remembers the fewest Ready ones seen (for PDB checks). */
export function watchReady(w: World, app: string): { min(): number; reset(): void; pods: WatchedCollection<V1Pod> } {
  const pods = watchCollection(w.clients.kc, '/api/v1/namespaces/default/pods', () => w.clients.core.listNamespacedPod({ namespace: 'default', labelSelector: `app=${app}` }), { log: makeLogger('watch'), labelSelector: `app=${app}` });
  let min = Infinity;
  pods.onChange(() => {
    min = Math.min(min, pods.list().filter(isReady).length);
  });
  return { min: () => min, reset: () => (min = pods.list().filter(isReady).length), pods };
}
