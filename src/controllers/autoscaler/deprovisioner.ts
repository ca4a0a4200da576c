import type { V1Node, V1Pod } from '@kubernetes/client-node';
import type { Clock, EventRecorder, KubeClients, Logger } from '../../kube/index.ts';
import { ClaimStore, NODE_CLAIM_LABEL, plannedPods } from './claims.ts';
import type { AutoscalerMetrics } from './metrics.ts';
import { isWorkloadPod, podKey } from './pending.ts';
import type { ClusterView } from './view.ts';

export const REMOVAL_DISABLED = 'autoscaling.cast.ai/removal-disabled';

export interface DeprovisionerDeps {
  view: ClusterView;
  claims: ClaimStore;
  clients: KubeClients;
  events: EventRecorder;
  metrics: AutoscalerMetrics;
  clock: Clock;
  log: Logger;
  /** Seconds a node must stay empty of workload pods before it is removed. */
  emptyGraceSeconds: number;
}

/** Nodes that run workload pods, and the keys of pods waiting to be bound. */
function podsByBinding(pods: V1Pod[]): { busy: Set<string>; unbound: Set<string> } {
  const busy = new Set<string>();
  const unbound = new Set<string>();
  for (const pod of pods) {
    const node = pod.spec?.nodeName;
    if (node && isWorkloadPod(pod)) busy.add(node);
    else if (!node && !pod.metadata?.deletionTimestamp) unbound.add(podKey(pod));
  }
  return { busy, unbound };
}

/** Removes omni's nodes that stayed empty (daemonset pods aside) for the grace period. */
export class Deprovisioner {
  private readonly emptySince = new Map<string, number>();

  constructor(private readonly d: DeprovisionerDeps) {}

  /** Nodes with workload pods, and new nodes whose planned pods have not been bound yet. */
  private occupied(): Set<string> {
    const { busy, unbound } = podsByBinding(this.d.view.pods.list());
    for (const claim of this.d.view.claims.list()) {
      if (plannedPods(claim).some((k) => unbound.has(k)))
        busy.add(claim.status?.nodeName ?? claim.metadata!.name!);
    }
    return busy;
  }

  private candidates(): V1Node[] {
    return this.d.view.nodes
      .list()
      .filter(
        (n) =>
          n.metadata?.labels?.[NODE_CLAIM_LABEL] &&
          !n.metadata.deletionTimestamp &&
          n.metadata.annotations?.[REMOVAL_DISABLED] !== 'true',
      );
  }

  async runOnce(): Promise<string[]> {
    const now = this.d.clock.now();
    const occupied = this.occupied();
    const removed: string[] = [];
    const seen = new Set<string>();
    for (const node of this.candidates()) {
      const name = node.metadata!.name!;
      seen.add(name);
      if (occupied.has(name)) {
        this.emptySince.delete(name);
        continue;
      }
      const since = this.emptySince.get(name) ?? now;
      this.emptySince.set(name, since);
      if (now - since < this.d.emptyGraceSeconds * 1000) continue;
      if (await this.remove(node)) removed.push(name);
    }
    for (const name of [...this.emptySince.keys()]) if (!seen.has(name)) this.emptySince.delete(name);
    return removed;
  }

  private async remove(node: V1Node): Promise<boolean> {
    const name = node.metadata!.name!;
    const claim = node.metadata!.labels![NODE_CLAIM_LABEL];
    try {
      await this.d.clients.core.patchNode({
        name,
        body: [{ op: 'add', path: '/spec/unschedulable', value: true }],
      });
      await this.drain(name);
      await this.d.events.record(
        node,
        'Normal',
        'Deprovisioning',
        `node was empty for ${this.d.emptyGraceSeconds}s; removing it`,
      );
      await this.d.claims.delete(claim);
      this.emptySince.delete(name);
      this.d.metrics.nodesRemoved.inc({ reason: 'empty' });
      return true;
    } catch (err) {
      this.d.log.debug({ node: name, err: String(err) }, 'removing empty node failed; retrying');
      return false;
    }
  }

  /** Evicts what is left (through the eviction API, so budgets hold). */
  async drain(nodeName: string): Promise<number> {
    let left = 0;
    for (const pod of this.d.view.pods.list()) {
      if (pod.spec?.nodeName !== nodeName || !isWorkloadPod(pod)) continue;
      const ns = pod.metadata!.namespace!;
      const name = pod.metadata!.name!;
      try {
        await this.d.clients.core.createNamespacedPodEviction({
          name,
          namespace: ns,
          body: { metadata: { name, namespace: ns } },
        });
      } catch {
        left++;
      }
    }
    return left;
  }
}
