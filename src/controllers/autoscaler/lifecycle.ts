import type { V1Node } from '@kubernetes/client-node';
import {
  isNotFound,
  type Clock,
  type EventRecorder,
  type KubeClients,
  type Logger,
} from '../../kube/index.ts';
import {
  ClaimStore,
  conditionTrue,
  withCondition,
  type ClaimCondition,
  type NodeClaimObject,
} from './claims.ts';
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

/** A claim's conditions once its node registered: Registered, and Ready when the node is. */
function registeredConditions(claim: NodeClaimObject, node: V1Node, now: string): ClaimCondition[] {
  const registered = withCondition(
    claim.status?.conditions,
    {
      type: 'Registered',
      status: 'True',
      reason: 'NodeRegistered',
      message: `node ${node.metadata?.name} registered`,
    },
    now,
  );
  if (!nodeReady(node)) return registered;
  const ready = { type: 'Ready', status: 'True', reason: 'NodeReady', message: 'node is Ready' } as const;
  return withCondition(registered, ready, now);
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
    const ready = nodeReady(node);
    const conditions = registeredConditions(claim, node, new Date(this.d.clock.now()).toISOString());
    await this.d.claims.setStatus(claim, { ...claim.status, nodeName: node.metadata?.name, conditions });
    if (ready) await this.recordReady(claim, node);
  }

  private async recordReady(claim: NodeClaimObject, node: V1Node): Promise<void> {
    const now = this.d.clock.now();
    const created = claim.metadata?.creationTimestamp
      ? new Date(claim.metadata.creationTimestamp).getTime()
      : now;
    this.d.metrics.launchSeconds.observe(Math.max(0, (now - created) / 1000));
    await this.d.events.record(claim, 'Normal', 'Ready', `node ${node.metadata?.name} is Ready`);
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
