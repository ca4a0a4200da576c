// An in-process world for virtual-kubelet tests: a main kube-sim, N edge kube-sims with simulated
// nodes, and one virtual kubelet serving all of them.
import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { startSimulatedCluster, type SimulatedCluster } from '../../kube-sim/src/sim/index.ts';
import { simulatedLogs } from '../../kube-sim/src/controllers/kubelet/logs.ts';
import { loadKubeConfig, makeClients, makeLogger, systemClock, type KubeClients } from '../../src/kube/index.ts';
import { startVirtualKubelet, type EdgeSpec, type GatewayAddresses, type VirtualKubelet, type VirtualKubeletOptions } from '../../src/controllers/virtual-kubelet/index.ts';

export interface EdgeWorld {
  name: string;
  sim: SimulatedCluster;
  clients: KubeClients;
  spec: EdgeSpec;
}

export interface World {
  main: SimulatedCluster;
  mainClients: KubeClients;
  edges: EdgeWorld[];
  vk: VirtualKubelet;
  /** Stops the virtual kubelet and starts a fresh one (an omni restart). */
  restartVk(): Promise<void>;
  stop(): Promise<void>;
}

export const FAST: Partial<VirtualKubeletOptions> = {
  graceSeconds: 1.5,
  probeSeconds: 0.25,
  requestTimeoutMs: 1000,
  leaseRenewSeconds: 1,
  nodeStatusSeconds: 2,
  resyncSeconds: 2,
};

export async function startWorld(opts: { edges?: number; nodesPerEdge?: number; options?: Partial<VirtualKubeletOptions>; gateways?: GatewayAddresses } = {}): Promise<World> {
  const main = await startSimulatedCluster({ name: 'main', kubeletDelaySeconds: 0 });
  const mainClients = makeClients(loadKubeConfig({ yaml: main.kubeconfigYaml }), { maxSockets: 8 });
  const edges: EdgeWorld[] = [];
  for (let i = 0; i < (opts.edges ?? 1); i++) {
    const name = `gcp-us-central${i + 1}`;
    const sim = await startSimulatedCluster({
      name,
      kubeletDelaySeconds: 0,
      scheduler: false,
      nodes: { count: opts.nodesPerEdge ?? 2, namePrefix: `edge${i + 1}-node-`, region: `us-central${i + 1}`, zones: [`us-central${i + 1}-a`], instanceType: 'n2-standard-8', cpu: 8, memoryGiB: 32, maxPods: 1000 },
    });
    const clients = makeClients(loadKubeConfig({ yaml: sim.kubeconfigYaml }), { maxSockets: 8 });
    edges.push({ name, sim, clients, spec: { name, clients, cloud: 'gcp', region: `us-central${i + 1}` } });
  }
  const log = makeLogger('vk-test');
  const make = () => startVirtualKubelet({ main: mainClients, edges: edges.map((e) => e.spec), clock: systemClock, log, gateways: opts.gateways, options: { ...FAST, ...opts.options } });
  const world: World = {
    main,
    mainClients,
    edges,
    vk: make(),
    async restartVk() {
      await world.vk.stop();
      world.vk = make();
      main.setLogProvider(world.vk.logProvider(simulatedLogs(main.clock)));
    },
    async stop() {
      await world.vk.stop();
      for (const e of edges) await e.sim.stop();
      await main.stop();
    },
  };
  main.setLogProvider(world.vk.logProvider(simulatedLogs(main.clock)));
  return world;
}

export async function eventually<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function readyOf(node: V1Node | undefined): string | undefined {
  return node?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
}

export const EDGE_TOLERATION = { key: 'virtual-node.omni.cast.ai/not-allowed', operator: 'Equal', value: 'true', effect: 'NoExecute' };

/** A pod bound to `node` as the scheduler would bind it (tolerating the edge taint). */
export function boundPod(name: string, node: string, extra: Partial<V1Pod['spec']> = {}, namespace = 'default'): V1Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { app: name.replace(/-\d+$/, '') } },
    spec: { nodeName: node, tolerations: [EDGE_TOLERATION], containers: [{ name: 'app', image: 'nginx:1.27' }], ...extra },
  };
}
