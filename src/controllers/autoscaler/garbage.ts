import type { Clock, Logger } from '../../kube/index.ts';
import type { CloudInstance, CloudProvider } from '../../clouds/types.ts';
import { ClaimStore, conditionTrue, type NodeClaimObject } from './claims.ts';
import type { AutoscalerMetrics } from './metrics.ts';
import type { MutableLocationRegistry } from './targets.ts';
import type { ClusterView } from './view.ts';

export interface GarbageDeps {
  view: ClusterView;
  claims: ClaimStore;
  locations: MutableLocationRegistry;
  metrics: AutoscalerMetrics;
  clock: Clock;
  log: Logger;
  clusterId: string;
  /** Instances younger than this are left alone (their claim may not be in the cache yet). */
  minAgeSeconds: number;
  /** A claim that was never launched (the controller stopped in between) is dropped after this. */
  launchTimeoutSeconds: number;
}

interface FoundInstance {
  provider: CloudProvider;
  instance: CloudInstance;
}

/** No instance outlives its claim, and no claim outlives its instance. */
export class GarbageCollector {
  constructor(private readonly d: GarbageDeps) {}

  private async instances(): Promise<FoundInstance[]> {
    const out: FoundInstance[] = [];
    const seen = new Set<string>();
    for (const t of [this.d.locations.main(), ...this.d.locations.edges()]) {
      const key = `${t.cloud}/${t.region}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = await t.provider.listInstances({ clusterId: this.d.clusterId, region: t.region });
      for (const instance of list) out.push({ provider: t.provider, instance });
    }
    return out;
  }

  private neverLaunched(claim: NodeClaimObject, now: number): boolean {
    if (claim.status?.instanceId || conditionTrue(claim, 'Launched')) return false;
    const created = new Date(claim.metadata?.creationTimestamp ?? now).getTime();
    return now - created > this.d.launchTimeoutSeconds * 1000;
  }

  async runOnce(): Promise<{ instances: string[]; claims: string[] }> {
    const claims = await this.d.claims.list();
    const now = this.d.clock.now();
    const found = await this.instances();
    const instances = await this.terminateOrphans(found, new Set(claims.map((c) => c.metadata!.name!)), now);
    const live = new Set(found.filter((f) => f.instance.state !== 'terminated').map((f) => f.instance.id));
    const gone: string[] = [];
    for (const claim of claims) {
      const neverLaunched = this.neverLaunched(claim, now);
      if (!neverLaunched && !this.lostInstance(claim, live)) continue;
      // A claim that never launched has no instance for its finalizer to wait on.
      if (neverLaunched) await this.d.claims.removeFinalizer(claim).catch(() => undefined);
      await this.d.claims.delete(claim.metadata!.name!).catch(() => undefined);
      gone.push(claim.metadata!.name!);
      this.d.metrics.garbageCollected.inc({ kind: 'nodeclaim' });
    }
    return { instances, claims: gone };
  }

  /** Terminates running instances whose claim is gone (once they are old enough); returns their ids. */
  private async terminateOrphans(
    found: FoundInstance[],
    claimNames: Set<string>,
    now: number,
  ): Promise<string[]> {
    const terminated: string[] = [];
    for (const { provider, instance } of found) {
      if (instance.state === 'terminated' || instance.state === 'terminating') continue;
      const claimed = instance.tags.nodeClaim !== undefined && claimNames.has(instance.tags.nodeClaim);
      if (claimed || now - instance.launchedAt < this.d.minAgeSeconds * 1000) continue;
      await provider.terminate(instance.region, instance.id);
      terminated.push(instance.id);
      this.d.metrics.garbageCollected.inc({ kind: 'instance' });
    }
    return terminated;
  }

  /** A launched claim, not being deleted, whose instance no longer exists. */
  private lostInstance(claim: NodeClaimObject, live: Set<string>): boolean {
    const id = claim.status?.instanceId;
    if (!id || claim.metadata?.deletionTimestamp) return false;
    return conditionTrue(claim, 'Launched') && !live.has(id);
  }
}
