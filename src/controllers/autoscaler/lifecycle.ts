import type { V1Node } from '@kubernetes/client-node';
import {
  isNotFound,
  type Clock,
  type EventRecorder,
  type KubeClients,
  type Logger,
} from '../../kube/index.ts';
import { ClaimStore, conditionTrue, withCondition, type NodeClaimObject } from './claims.ts';
import type { AutoscalerMetrics } from './metrics.ts';
import type { MutableLocationRegistry } from './targets.ts';
import type { ClusterView } from './view.ts';

export interface LifecycleDeps {
  view: ClusterView;
  claims: ClaimStore;
  clients: KubeClients;
  locations: MutableLocationRegistry;
  events: EventRecorder;
  metrics: AutoscalerMetrics;
  clock: Clock;
  log: Logger;
}

function nodeReady(node: V1Node): boolean {
  return (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Follows claims to Registered and Ready, and finishes deleted claims by terminating their instance. */
export class ClaimLifecycle {
  constructor(private readonly d: LifecycleDeps) {}

  async runOnce(): Promise<void> {
    for (const claim of this.d.view.claims.list()) {
      try {
        if (claim.metadata?.deletionTimestamp) await this.finish(claim);
        else await this.follow(claim);
      } catch (err) {
        this.d.log.debug(
          { claim: claim.metadata?.name, err: String(err) },
          'claim reconcile failed; retrying next pass',
        );
      }
    }
  }

  private async follow(claim: NodeClaimObject): Promise<void> {
    if (!conditionTrue(claim, 'Launched') || conditionTrue(claim, 'Ready')) return;
    const node = this.d.view.nodes.get(claim.metadata!.name!);
    if (!node) return;
    const now = new Date(this.d.clock.now()).toISOString();
    let conditions = withCondition(
      claim.status?.conditions,
      {
        type: 'Registered',
        status: 'True',
        reason: 'NodeRegistered',
        message: `node ${node.metadata?.name} registered`,
      },
      now,
    );
    const ready = nodeReady(node);
    if (ready)
      conditions = withCondition(
        conditions,
        { type: 'Ready', status: 'True', reason: 'NodeReady', message: 'node is Ready' },
        now,
      );
    await this.d.claims.setStatus(claim, { ...claim.status, nodeName: node.metadata?.name, conditions });
    if (ready) {
      const created = new Date(claim.metadata?.creationTimestamp ?? now).getTime();
      this.d.metrics.launchSeconds.observe(Math.max(0, (this.d.clock.now() - created) / 1000));
      await this.d.events.record(claim, 'Normal', 'Ready', `node ${node.metadata?.name} is Ready`);
    }
  }

  /** The NodeClaim finalizer: the instance goes first, then the node objects, then the claim. */
  private async finish(claim: NodeClaimObject): Promise<void> {
    const target = this.d.locations.byName(claim.spec.location);
    const name = claim.metadata!.name!;
    if (claim.status?.instanceId && target)
      await target.provider.terminate(claim.spec.region, claim.status.instanceId);
    if (target?.deleteNode && claim.spec.location !== 'main')
      await target.deleteNode(name).catch(() => undefined);
    await this.d.clients.core.deleteNode({ name }).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
    await this.d.claims.removeFinalizer(await this.d.claims.get(name));
  }
}
