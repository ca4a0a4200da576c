import type { JsonObject } from '../../util/json.ts';
import { deleteObject } from '../../api/delete.ts';
import type { ResourceType } from '../../registry/resource-type.ts';
import type { ControllerContext } from '../shared/context.ts';
import { WorkloadController } from '../shared/workload-controller.ts';
import { isActive, isDeleting, isPodAvailable, isPodReady, labelsOf, metaOf, nameOf, namespaceOf, phaseOf, specOf, statusOf, uidOf } from '../shared/pods.ts';
import { claimName, claimTemplates, statefulClaim, statefulPod } from './statefulset-pods.ts';
import { templateHash } from './template-hash.ts';

const SOURCE = { component: 'statefulset-controller' };
const REVISION = 'controller-revision-hash';

function ordinalOf(sts: JsonObject, pod: JsonObject): number {
  const suffix = nameOf(pod).slice(nameOf(sts).length + 1);
  return /^\d+$/.test(suffix) ? Number(suffix) : -1;
}

const runningAndReady = (p: JsonObject) => phaseOf(p) === 'Running' && isPodReady(p) && !isDeleting(p);

/** StatefulSet: pods <name>-0…n-1 with their claims, created and removed in order (OrderedReady) or all at once (Parallel). */
export class StatefulSetController extends WorkloadController {
  private readonly pvcType: ResourceType;

  constructor(ctx: ControllerContext) {
    super(ctx, { group: 'apps', version: 'v1', resource: 'statefulsets', kind: 'StatefulSet' });
    this.pvcType = ctx.api.resolve('', 'v1', 'persistentvolumeclaims');
  }

  private podsByOrdinal(sts: JsonObject): Map<number, JsonObject> {
    const out = new Map<number, JsonObject>();
    for (const p of this.ctx.pods.ownedBy(uidOf(sts))) out.set(ordinalOf(sts, p), p);
    return out;
  }

  protected reconcile(sts: JsonObject): void {
    const spec = specOf(sts);
    const ordered = spec.podManagementPolicy !== 'Parallel';
    const replicas = Number(spec.replicas ?? 1);
    const revision = `${nameOf(sts)}-${templateHash(spec.template)}`;
    const pods = this.podsByOrdinal(sts);
    const blocked = this.scaleUp(sts, { pods, replicas, revision, ordered });
    if (!blocked) this.scaleDown(sts, pods, replicas, ordered);
    if (!blocked) this.rollingUpdate(sts, pods, replicas, revision);
    this.updateStatus(sts, replicas, revision);
  }

  /** Creates missing pods in order; returns true while an OrderedReady set waits for a pod. */
  private scaleUp(sts: JsonObject, s: { pods: Map<number, JsonObject>; replicas: number; revision: string; ordered: boolean }): boolean {
    for (let i = 0; i < s.replicas; i++) {
      const pod = s.pods.get(i);
      if (pod && phaseOf(pod) === 'Failed' && !isDeleting(pod)) {
        this.deletePod(sts, pod);
        return true;
      }
      if (!pod) this.createPod(sts, i, s.revision);
      if (s.ordered && (!pod || !runningAndReady(pod))) return true;
    }
    return false;
  }

  private scaleDown(sts: JsonObject, pods: Map<number, JsonObject>, replicas: number, ordered: boolean): void {
    const extra = [...pods.entries()].filter(([i, p]) => i >= replicas && !isDeleting(p)).sort((a, b) => b[0] - a[0]);
    const terminating = [...pods.values()].some(isDeleting);
    for (const [, pod] of ordered ? extra.slice(0, terminating ? 0 : 1) : extra) this.deletePod(sts, pod);
  }

  private rollingUpdate(sts: JsonObject, pods: Map<number, JsonObject>, replicas: number, revision: string): void {
    const strategy = (specOf(sts).updateStrategy as JsonObject | undefined) ?? {};
    if (strategy.type === 'OnDelete') return;
    if ([...pods.values()].some(isDeleting)) return;
    const partition = Number((strategy.rollingUpdate as JsonObject | undefined)?.partition ?? 0);
    for (let i = replicas - 1; i >= partition; i--) {
      const pod = pods.get(i);
      if (pod && labelsOf(pod)[REVISION] !== revision) return this.deletePod(sts, pod);
    }
  }

  private createPod(sts: JsonObject, ordinal: number, revision: string): void {
    const ns = namespaceOf(sts);
    for (const t of claimTemplates(sts)) {
      if (this.ctx.api.tryGet(this.pvcType, ns, claimName(t, sts, ordinal))) continue;
      this.ctx.api.create(this.pvcType, ns, statefulClaim(sts, t, ordinal));
      this.ctx.events.normal(SOURCE, sts, 'SuccessfulCreate', `create Claim ${claimName(t, sts, ordinal)} Pod ${nameOf(sts)}-${ordinal} in StatefulSet ${nameOf(sts)} success`);
    }
    this.ctx.api.create(this.podType, ns, statefulPod(sts, ordinal, revision));
    this.ctx.events.normal(SOURCE, sts, 'SuccessfulCreate', `create Pod ${nameOf(sts)}-${ordinal} in StatefulSet ${nameOf(sts)} successful`);
  }

  private deletePod(sts: JsonObject, pod: JsonObject): void {
    deleteObject(this.ctx.api, this.podType, { namespace: namespaceOf(pod), name: nameOf(pod) });
    this.ctx.events.normal(SOURCE, sts, 'SuccessfulDelete', `delete Pod ${nameOf(pod)} in StatefulSet ${nameOf(sts)} successful`);
  }

  private updateStatus(sts: JsonObject, replicas: number, revision: string): void {
    const active = this.ctx.pods.ownedBy(uidOf(sts)).filter(isActive);
    const now = this.ctx.clock.now();
    const updated = active.filter((p) => labelsOf(p)[REVISION] === revision).length;
    const current = String(statusOf(sts).currentRevision ?? revision);
    const minReady = Number(specOf(sts).minReadySeconds ?? 0);
    this.writeStatus(sts, {
      observedGeneration: metaOf(sts).generation,
      replicas: active.length,
      readyReplicas: active.filter(isPodReady).length,
      availableReplicas: active.filter((p) => isPodAvailable(p, minReady, now)).length,
      currentReplicas: active.filter((p) => labelsOf(p)[REVISION] === current).length,
      updatedReplicas: updated,
      currentRevision: updated === replicas && active.length === replicas ? revision : current,
      updateRevision: revision,
      collisionCount: 0,
    });
  }
}
