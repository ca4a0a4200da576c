// A small embedded world for controller tests: a simulated main cluster (aws us-east-1), omni's
// CRDs, simulated clouds that register booted instances as nodes, and helpers to drive them.
import { startSimulatedCluster, type SimulatedCluster } from '../../kube-sim/src/sim/index.ts';
import { loadEmbeddedCatalog } from '../../src/catalog/index.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { createSimClouds, tickAll, type SimClouds } from '../../src/clouds/sim/index.ts';
import { KubeNodeRegistrar } from '../../src/clouds/registrar.ts';
import { installCrds, loadKubeConfig, makeClients, makeLogger, systemClock, type KubeClients } from '../../src/kube/index.ts';
import { MutableLocationRegistry } from '../../src/controllers/autoscaler/index.ts';

export interface MainWorld {
  cluster: SimulatedCluster;
  clients: KubeClients;
  catalog: Catalog;
  clouds: SimClouds;
  locations: MutableLocationRegistry;
  /** Boots due instances and delivers interruptions (the clouds' own clock work). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export async function startMainWorld(opts: { nodes?: number; seed?: number } = {}): Promise<MainWorld> {
  const cluster = await startSimulatedCluster({ name: 'main', nodes: { count: opts.nodes ?? 2, cpu: 4, memoryGiB: 16 }, kubeletDelaySeconds: 0 });
  const clients = makeClients(loadKubeConfig({ yaml: cluster.kubeconfigYaml }));
  await installCrds(clients);
  const catalog = await loadEmbeddedCatalog();
  const clouds = createSimClouds({ catalog, clock: systemClock, seed: opts.seed ?? 7, registrar: new KubeNodeRegistrar(), bootDelayMs: 0 });
  const locations = new MutableLocationRegistry({
    name: 'main',
    cloud: 'aws',
    region: 'us-east-1',
    provider: clouds.aws,
    join: { endpoint: cluster.url, caData: Buffer.from(cluster.caPem).toString('base64'), token: cluster.token },
  });
  return {
    cluster,
    clients,
    catalog,
    clouds,
    locations,
    tick: () => tickAll(clouds),
    async stop() {
      await cluster.stop();
    },
  };
}

export const silentLog = makeLogger('test', 'silent');
