// The embedded world: a main cluster (EKS-like, aws us-east-1), simulated clouds with the real
// catalog, edge locations onboarded through the real controller, and omni's controllers — all on
// this machine, on one simulated clock.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { startSimulatedCluster, type SimulatedCluster } from '../../kube-sim/src/sim/index.ts';
import { simulatedLogs } from '../../kube-sim/src/controllers/kubelet/logs.ts';
import { loadEmbeddedCatalog } from '../catalog/index.ts';
import type { Catalog } from '../catalog/types.ts';
import { createSimClouds, tickAll, type SimClouds } from '../clouds/sim/index.ts';
import { KubeNodeRegistrar } from '../clouds/registrar.ts';
import {
  installCrds,
  loadKubeConfig,
  makeClients,
  waitForCrds,
  type KubeClients,
  type Logger,
} from '../kube/index.ts';
import {
  MutableLocationRegistry,
  startAutoscaler,
  type Autoscaler,
} from '../controllers/autoscaler/index.ts';
import {
  startEdgeLocationController,
  type EdgeLocationController,
  type ReadyEdge,
} from '../controllers/edge-location/index.ts';
import { startVirtualKubelet, type VirtualKubelet } from '../controllers/virtual-kubelet/index.ts';
import { startEvictor, type Evictor } from '../controllers/evictor/index.ts';
import { embeddedEdgeClusters, type EmbeddedEdgeClusters } from './edge-clusters.ts';
import { simCloudProviders } from './sim-cloud-providers.ts';
import { worldClock, type WorldClock } from './clock.ts';
import { locationTargetOf } from './edge-target.ts';
import { startEmbeddedGateways, type EmbeddedGateways } from './gateways.ts';

export const MAIN = { cloud: 'aws', region: 'us-east-1' } as const;
export const CLUSTER_ID = 'omni-demo';

export interface EmbeddedWorldOptions {
  seed?: number;
  /** Simulated seconds per real second. */
  timeScale?: number;
  /** Nodes of the main cluster's own node group. */
  mainNodes?: number;
  /** Where kubeconfig/main.yaml and kubeconfig/<edge>.yaml are written. */
  stateDir?: string;
  log: Logger;
  /** Seconds an omni node stays empty before it is removed. */
  emptyGraceSeconds?: number;
}

export interface EmbeddedWorld {
  clock: WorldClock;
  main: SimulatedCluster;
  clients: KubeClients;
  catalog: Catalog;
  clouds: SimClouds;
  locations: MutableLocationRegistry;
  edgeClusters: EmbeddedEdgeClusters;
  virtualKubelet: VirtualKubelet;
  autoscaler: Autoscaler;
  evictor: Evictor;
  edgeLocations: EdgeLocationController;
  registry: Registry;
  /** The tunnel's hub and spoke gateways, running on loopback. */
  gateways: EmbeddedGateways;
  /** Kubeconfig files written so far, by cluster name. */
  kubeconfigs: Map<string, string>;
  stop(): Promise<void>;
}

async function startMainCluster(clock: WorldClock, nodes: number): Promise<SimulatedCluster> {
  return startSimulatedCluster({
    name: 'main',
    clock: clock.sim,
    kubeletDelaySeconds: 2,
    nodes: {
      count: nodes,
      cpu: 4,
      memoryGiB: 16,
      namePrefix: 'ip-10-0-1-',
      instanceType: 'm5.xlarge',
      region: MAIN.region,
      zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      labels: { 'eks.amazonaws.com/nodegroup': 'system', 'eks.amazonaws.com/capacityType': 'ON_DEMAND' },
    },
  });
}

function writeKubeconfig(
  dir: string | undefined,
  name: string,
  yaml: string,
  files: Map<string, string>,
): void {
  if (!dir) return;
  const folder = join(dir, 'kubeconfig');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${name}.yaml`);
  writeFileSync(file, yaml, { mode: 0o600 });
  files.set(name, file);
}

/** The gateway Services the tunnel's hub (main) and spokes (edges) sit behind, as the install manifests make them. */
async function gatewayService(clients: KubeClients, name: string): Promise<void> {
  await clients.core.createNamespace({ body: { metadata: { name: 'castai-omni' } } }).catch(() => undefined);
  const body = {
    metadata: { name, labels: { 'app.kubernetes.io/part-of': 'omni' } },
    spec: { selector: { 'app.kubernetes.io/name': name }, ports: [{ name: 'tunnel', port: 8443 }] },
  };
  await clients.core.createNamespacedService({ namespace: 'castai-omni', body }).catch(() => undefined);
}

function edgeListener(w: {
  locations: MutableLocationRegistry;
  vk: VirtualKubelet;
  gateways: EmbeddedGateways;
  stateDir?: string;
  files: Map<string, string>;
}) {
  return {
    onReady(edge: ReadyEdge) {
      w.locations.setEdge(locationTargetOf(edge));
      writeKubeconfig(w.stateDir, edge.name, edge.kubeconfigYaml, w.files);
      const clients = makeClients(loadKubeConfig({ yaml: edge.kubeconfigYaml }), { maxSockets: 8 });
      w.gateways.addEdge(edge.name, edge.kubeconfigYaml);
      void gatewayService(clients, 'omni-spoke').then(() =>
        w.vk.addEdge({ name: edge.name, clients, cloud: edge.cloud, region: edge.region }),
      );
    },
    onRemoved(name: string) {
      w.locations.removeEdge(name);
      void w.gateways.removeEdge(name);
      void w.vk.removeEdge(name, { deleteNodes: true });
    },
  };
}

/** Starts the whole embedded world; edge locations and workloads are added by the scenario. */
export async function startEmbeddedWorld(o: EmbeddedWorldOptions): Promise<EmbeddedWorld> {
  const clock = worldClock(o.timeScale ?? 10);
  const main = await startMainCluster(clock, o.mainNodes ?? 3);
  const clients = makeClients(loadKubeConfig({ yaml: main.kubeconfigYaml }), { maxSockets: 16 });
  await installCrds(clients);
  await waitForCrds(clients);
  await clients.core.createNamespace({ body: { metadata: { name: 'castai-omni' } } }).catch(() => undefined);
  const kubeconfigs = new Map<string, string>();
  writeKubeconfig(o.stateDir, 'main', main.kubeconfigYaml, kubeconfigs);
  const catalog = await loadEmbeddedCatalog();
  const clouds = createSimClouds({
    catalog,
    clock,
    seed: o.seed ?? 1,
    registrar: new KubeNodeRegistrar(),
    bootDelayMs: 40_000,
  });
  const ticker = setInterval(() => void tickAll(clouds).catch(() => undefined), 250);
  const registry = new Registry();
  const locations = new MutableLocationRegistry({
    name: 'main',
    ...MAIN,
    provider: clouds.aws,
    join: { endpoint: main.url, caData: Buffer.from(main.caPem).toString('base64'), token: main.token },
  });
  await gatewayService(clients, 'omni-hub');
  const gateways = startEmbeddedGateways({
    mainKubeconfigYaml: main.kubeconfigYaml,
    log: o.log.child({ component: 'tunnel' }),
  });
  // Reflected EndpointSlices point where the in-process gateways really listen (loopback addresses).
  const vk = startVirtualKubelet({
    main: clients,
    clock,
    log: o.log.child({ component: 'virtual-kubelet' }),
    gateways: { hubAddress: gateways.hubHost, spokeAddress: (edge) => gateways.spokeHost(edge) },
  });
  main.setLogProvider(vk.logProvider(simulatedLogs(clock.sim)));
  const edgeClusters = embeddedEdgeClusters({ timeScale: o.timeScale ?? 10 });
  const edgeLocations = startEdgeLocationController({
    clients,
    providers: simCloudProviders(clouds),
    edgeClusters,
    listeners: [edgeListener({ locations, vk, gateways, stateDir: o.stateDir, files: kubeconfigs })],
    clock,
    log: o.log.child({ component: 'edge-locations' }),
    clusterId: CLUSTER_ID,
    catalog,
    // The world runs the spokes itself (src/world/gateways.ts); kube-sim edge clusters run no real pods.
    options: { spokeGateways: 'external' },
  });
  const evictorRef: { current?: Evictor } = {};
  const autoscaler = await startAutoscaler({
    clients,
    catalog,
    locations,
    clusterId: CLUSTER_ID,
    main: MAIN,
    clock,
    log: o.log.child({ component: 'autoscaler' }),
    registry,
    recentlyMovedHome: (uid) => evictorRef.current?.recentlyMovedHome(uid) ?? false,
    options: { emptyGraceSeconds: o.emptyGraceSeconds ?? 120, tickSeconds: 5, batchSeconds: 2 },
  });
  const evictor = startEvictor({
    clients,
    clock,
    log: o.log.child({ component: 'evictor' }),
    registry,
    options: { intervalSeconds: 60 },
  });
  evictorRef.current = evictor;
  return {
    clock,
    main,
    clients,
    catalog,
    clouds,
    locations,
    edgeClusters,
    virtualKubelet: vk,
    autoscaler,
    evictor,
    edgeLocations,
    registry,
    gateways,
    kubeconfigs,
    async stop() {
      clearInterval(ticker);
      await evictor.stop();
      await autoscaler.stop();
      await edgeLocations.stop();
      await gateways.stop();
      await vk.stop();
      await edgeClusters.stopAll();
      await main.stop();
    },
  };
}
