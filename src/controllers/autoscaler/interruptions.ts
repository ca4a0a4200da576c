import type { V1Pod } from '@kubernetes/client-node';
import type { Clock, EventRecorder, KubeClients, Logger } from '../../kube/index.ts';
import type { CloudProvider, SpotInterruptionNotice } from '../../clouds/types.ts';
import type { NodeClaimObject } from './claims.ts';
import type { AutoscalerMetrics } from './metrics.ts';
import { isWorkloadPod } from './pending.ts';
import type { MutableLocationRegistry } from './targets.ts';
import type { UnavailableOfferings } from './unavailable.ts';
import type { ClusterView } from './view.ts';

export interface InterruptionDeps {
  view: ClusterView;
  clients: KubeClients;
  locations: MutableLocationRegistry;
  unavailable: UnavailableOfferings;
  events: EventRecorder;
  metrics: AutoscalerMetrics;
  clock: Clock;
  log: Logger;
  clusterId: string;
  /** Plans and launches replacements for these pods now (the provisioner's pass). */
  replace(pods: V1Pod[]): Promise<void>;
  /** Evicts the node's pods. */
  drain(nodeName: string): Promise<number>;
}

/** A pod as it would be if it had to be scheduled again. */
function asPending(pod: V1Pod): V1Pod {
  return { ...pod, spec: { ...pod.spec!, nodeName: undefined }, status: { phase: 'Pending' } };
}

/** Spot interruptions: replacement first, then drain; pods still there at reclaim time count as lost. */
export class InterruptionHandler {
  private readonly handled = new Map<string, SpotInterruptionNotice & { node: string }>();

  constructor(private readonly d: InterruptionDeps) {}

  private providers(): { provider: CloudProvider; region: string }[] {
    const seen = new Set<string>();
    const out: { provider: CloudProvider; region: string }[] = [];
    for (const t of [this.d.locations.main(), ...this.d.locations.edges()]) {
      const key = `${t.cloud}/${t.region}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ provider: t.provider, region: t.region });
    }
    return out;
  }

  async runOnce(): Promise<number> {
    let handledNow = 0;
    for (const { provider, region } of this.providers()) {
      const notices = await provider.pollInterruptions({ clusterId: this.d.clusterId, region }).catch(() => []);
      for (const n of notices) {
        if (this.handled.has(n.instanceId)) continue;
        const claim = this.d.view.claims.list().find((c) => c.status?.instanceId === n.instanceId);
        if (!claim) continue;
        await this.handle(claim, n);
        handledNow++;
      }
    }
    this.countLosses();
    return handledNow;
  }

  private async handle(claim: NodeClaimObject, notice: SpotInterruptionNotice): Promise<void> {
    const node = claim.status?.nodeName ?? claim.metadata!.name!;
    this.handled.set(notice.instanceId, { ...notice, node });
    const s = claim.spec;
    this.d.metrics.interruptions.inc({ cloud: s.cloud });
    this.d.unavailable.mark({ cloud: s.cloud, region: s.region, zone: s.zone, instanceType: s.instanceType, lifecycle: s.lifecycle }, this.d.clock.now(), 'spot interruption');
    await this.d.events.record(claim, 'Warning', 'SpotInterrupted', `${s.cloud} reclaims ${s.instanceType} at ${new Date(notice.terminateAt).toISOString()}; making a replacement, then draining`);
    await this.d.clients.core.patchNode({ name: node, body: [{ op: 'add', path: '/spec/unschedulable', value: true }] }).catch(() => undefined);
    const pods = this.d.view.pods.list().filter((p) => p.spec?.nodeName === node && isWorkloadPod(p));
    await this.d.replace(pods.map(asPending));
    await this.d.drain(node);
    await this.d.clients.objects.delete({ apiVersion: 'omni.cast.ai/v1alpha1', kind: 'NodeClaim', metadata: { name: claim.metadata!.name! } }).catch(() => undefined);
  }

  /** Pods still bound to a reclaimed node after its reclaim time were lost to the interruption. */
  private countLosses(): void {
    const now = this.d.clock.now();
    for (const [id, n] of this.handled) {
      if (n.terminateAt > now) continue;
      const lost = this.d.view.pods.list().filter((p) => p.spec?.nodeName === n.node && isWorkloadPod(p)).length;
      if (lost) this.d.metrics.podsLostToInterruptions.inc(lost);
      this.handled.delete(id);
    }
  }
}
