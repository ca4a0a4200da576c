// The embedded world's edge clusters: one kube-sim simulated cluster per edge location stands in for
// its K3s server. Kept across controller restarts (it lives in the world, not in the controller).
import { startSimulatedCluster, type SimulatedCluster } from '../../kube-sim/src/sim/index.ts';
import type {
  EdgeClusterInfo,
  EdgeClusterProvisioner,
  EdgeClusterRequest,
} from '../controllers/edge-location/ports.ts';

export interface EmbeddedEdgeClusterOptions {
  /** Simulated seconds per real second in each edge cluster. Default 1. */
  timeScale?: number;
}

export interface EmbeddedEdgeClusters extends EdgeClusterProvisioner {
  /** The running edge clusters by EdgeLocation name. */
  running(): Map<string, SimulatedCluster>;
  stopAll(): Promise<void>;
}

function infoOf(sim: SimulatedCluster): EdgeClusterInfo {
  return {
    endpoint: sim.url,
    caData: Buffer.from(sim.caPem, 'utf8').toString('base64'),
    token: sim.token,
    kubeconfigYaml: sim.kubeconfigYaml,
  };
}

export function embeddedEdgeClusters(opts: EmbeddedEdgeClusterOptions = {}): EmbeddedEdgeClusters {
  const starting = new Map<string, Promise<SimulatedCluster>>();
  const running = new Map<string, SimulatedCluster>();
  let closed = false;
  const start = (name: string): Promise<SimulatedCluster> => {
    // After stopAll nothing may start one again: it would keep its server (and the process) running.
    if (closed) return Promise.reject(new Error(`edge clusters are stopped; not starting edge-${name}`));
    let p = starting.get(name);
    if (!p) {
      p = startSimulatedCluster({ name: `edge-${name}`, timeScale: opts.timeScale ?? 1 });
      p.then((sim) => running.set(name, sim)).catch(() => starting.delete(name));
      starting.set(name, p);
    }
    return p;
  };
  const stop = async (name: string): Promise<void> => {
    const p = starting.get(name);
    starting.delete(name);
    running.delete(name);
    const sim = await p?.catch(() => undefined);
    await sim?.stop();
  };
  return {
    async ensure(req: EdgeClusterRequest) {
      return infoOf(await start(req.location.metadata.name));
    },
    async teardown(req: EdgeClusterRequest) {
      await stop(req.location.metadata.name);
    },
    running: () => new Map(running),
    async stopAll() {
      closed = true;
      await Promise.all([...starting.keys()].map(stop));
    },
  };
}
