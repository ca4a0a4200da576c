import type { JsonObject } from '../../util/json.ts';
import { deleteObject } from '../../api/delete.ts';
import type { ResourceType } from '../../registry/resource-type.ts';
import type { ControllerContext } from '../shared/context.ts';
import { WorkloadController } from '../shared/workload-controller.ts';
import {
  annotationsOf,
  controllerRef,
  intOrPercent,
  labelsOf,
  metaOf,
  nameOf,
  namespaceOf,
  ownerReference,
  specOf,
  statusOf,
  uidOf,
} from '../shared/pods.ts';
import { deploymentStatus, type RolloutNumbers } from './deployment-status.ts';
import { templateHash } from './template-hash.ts';

const SOURCE = { component: 'deployment-controller' };
const REVISION = 'deployment.kubernetes.io/revision';
const DESIRED = 'deployment.kubernetes.io/desired-replicas';
const MAX = 'deployment.kubernetes.io/max-replicas';
const HASH = 'pod-template-hash';

interface Rollout extends RolloutNumbers {
  maxSurge: number;
}

const replicasOf = (rs: JsonObject) => Number(specOf(rs).replicas ?? 0);
const availableOf = (rs: JsonObject) => Number(statusOf(rs).availableReplicas ?? 0);
const revisionOf = (rs: JsonObject) => Number(annotationsOf(rs)[REVISION] ?? 0);
const byAge = (a: JsonObject, b: JsonObject) =>
  String(metaOf(a).creationTimestamp).localeCompare(String(metaOf(b).creationTimestamp));

function rolloutNumbers(d: JsonObject): Rollout {
  const spec = specOf(d);
  const replicas = Number(spec.replicas ?? 1);
  const strategy = (spec.strategy as JsonObject | undefined) ?? {};
  if (strategy.type === 'Recreate') return { replicas, maxSurge: 0, maxUnavailable: 0 };
  const ru = (strategy.rollingUpdate as JsonObject | undefined) ?? {};
  const maxSurge = intOrPercent(ru.maxSurge ?? '25%', replicas, true);
  let maxUnavailable = intOrPercent(ru.maxUnavailable ?? '25%', replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { replicas, maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}

/** Deployment: one ReplicaSet per pod template (by pod-template-hash), rolled with maxSurge/maxUnavailable or recreated. */
export class DeploymentController extends WorkloadController {
  private readonly rsType: ResourceType;

  constructor(ctx: ControllerContext) {
    super(ctx, {
      group: 'apps',
      version: 'v1',
      resource: 'deployments',
      kind: 'Deployment',
      dependents: ['apps/replicasets'],
    });
    this.rsType = ctx.api.resolve('apps', 'v1', 'replicasets');
  }

  private replicaSets(d: JsonObject): JsonObject[] {
    const uid = uidOf(d);
    return this.ctx.api.store
      .list('apps/replicasets', namespaceOf(d))
      .filter((rs) => controllerRef(rs)?.uid === uid);
  }

  protected reconcile(d: JsonObject): void {
    const spec = specOf(d);
    const n = rolloutNumbers(d);
    const hash = templateHash(spec.template, Number(statusOf(d).collisionCount ?? 0));
    const all = this.replicaSets(d);
    let newRS = all.find((rs) => labelsOf(rs)[HASH] === hash);
    const old = all.filter((rs) => rs !== newRS).sort(byAge);
    if (spec.paused && !newRS) return;
    newRS = newRS ? this.ensureRevision(newRS, old) : this.createReplicaSet(d, hash, old, n);
    if (!spec.paused) {
      if ((spec.strategy as JsonObject | undefined)?.type === 'Recreate') this.recreate(d, newRS, old, n);
      else this.rollingUpdate(d, newRS, old, n);
      this.cleanup(d, old);
    }
    this.finish(d, n);
  }

  private finish(d: JsonObject, n: Rollout): void {
    const all = this.replicaSets(d);
    const hash = templateHash(specOf(d).template, Number(statusOf(d).collisionCount ?? 0));
    const newRS = all.find((rs) => labelsOf(rs)[HASH] === hash);
    if (!newRS) return;
    this.writeStatus(d, deploymentStatus(d, { newRS, all }, n, this.ctx.clock.now()));
    const revision = annotationsOf(newRS)[REVISION];
    if (revision && annotationsOf(d)[REVISION] !== revision) {
      this.ctx.api.mutate(this.type, { namespace: namespaceOf(d), name: nameOf(d) }, (draft) => {
        const m = metaOf(draft);
        m.annotations = { ...annotationsOf(draft), [REVISION]: revision };
      });
    }
  }

  private ensureRevision(rs: JsonObject, old: JsonObject[]): JsonObject {
    const max = Math.max(0, ...old.map(revisionOf));
    if (revisionOf(rs) > max) return rs;
    return this.ctx.api.mutate(this.rsType, { namespace: namespaceOf(rs), name: nameOf(rs) }, (draft) => {
      metaOf(draft).annotations = { ...annotationsOf(draft), [REVISION]: String(max + 1) };
    });
  }

  private initialReplicas(d: JsonObject, old: JsonObject[], n: Rollout): number {
    if ((specOf(d).strategy as JsonObject | undefined)?.type === 'Recreate')
      return old.some((rs) => replicasOf(rs) > 0) ? 0 : n.replicas;
    const total = old.reduce((acc, rs) => acc + replicasOf(rs), 0);
    return Math.max(0, Math.min(n.replicas, n.replicas + n.maxSurge - total));
  }

  private createReplicaSet(d: JsonObject, hash: string, old: JsonObject[], n: Rollout): JsonObject {
    const spec = specOf(d);
    const template = structuredClone(spec.template as JsonObject);
    const tplMeta = (template.metadata as JsonObject | undefined) ?? {};
    tplMeta.labels = { ...((tplMeta.labels as Record<string, string> | undefined) ?? {}), [HASH]: hash };
    template.metadata = tplMeta;
    const selector = structuredClone((spec.selector as JsonObject | undefined) ?? {});
    selector.matchLabels = {
      ...((selector.matchLabels as Record<string, string> | undefined) ?? {}),
      [HASH]: hash,
    };
    const replicas = this.initialReplicas(d, old, n);
    const rs = this.ctx.api.create(this.rsType, namespaceOf(d), {
      metadata: {
        name: `${nameOf(d)}-${hash}`,
        labels: tplMeta.labels,
        annotations: {
          [REVISION]: String(Math.max(0, ...old.map(revisionOf)) + 1),
          [DESIRED]: String(n.replicas),
          [MAX]: String(n.replicas + n.maxSurge),
        },
        ownerReferences: [ownerReference(d)],
      },
      spec: { replicas, minReadySeconds: spec.minReadySeconds ?? 0, selector, template },
    });
    this.ctx.events.normal(
      SOURCE,
      d,
      'ScalingReplicaSet',
      `Scaled up replica set ${nameOf(rs)} to ${replicas} from 0`,
    );
    return rs;
  }

  private scale(d: JsonObject, rs: JsonObject, replicas: number, n: Rollout): JsonObject {
    const from = replicasOf(rs);
    if (from === replicas) return rs;
    const updated = this.ctx.api.mutate(
      this.rsType,
      { namespace: namespaceOf(rs), name: nameOf(rs) },
      (draft) => {
        specOf(draft).replicas = replicas;
        metaOf(draft).annotations = {
          ...annotationsOf(draft),
          [DESIRED]: String(n.replicas),
          [MAX]: String(n.replicas + n.maxSurge),
        };
      },
    );
    const verb = replicas > from ? 'up' : 'down';
    this.ctx.events.normal(
      SOURCE,
      d,
      'ScalingReplicaSet',
      `Scaled ${verb} replica set ${nameOf(rs)} to ${replicas} from ${from}`,
    );
    return updated;
  }

  private rollingUpdate(d: JsonObject, newRS: JsonObject, old: JsonObject[], n: Rollout): void {
    const total = [newRS, ...old].reduce((acc, rs) => acc + replicasOf(rs), 0);
    const current = replicasOf(newRS);
    let next = current;
    if (current > n.replicas) next = n.replicas;
    else if (current < n.replicas)
      next = Math.min(n.replicas, current + Math.max(0, n.replicas + n.maxSurge - total));
    const fresh = this.scale(d, newRS, next, n);
    this.scaleDownOld(
      d,
      fresh,
      old.filter((rs) => replicasOf(rs) > 0),
      n,
    );
  }

  private scaleDownOld(d: JsonObject, newRS: JsonObject, old: JsonObject[], n: Rollout): void {
    if (old.length === 0) return;
    const minAvailable = n.replicas - n.maxUnavailable;
    const total = [newRS, ...old].reduce((acc, rs) => acc + replicasOf(rs), 0);
    const newUnavailable = Math.max(0, replicasOf(newRS) - availableOf(newRS));
    let budget = total - minAvailable - newUnavailable;
    const left = new Map(old.map((rs) => [rs, replicasOf(rs)]));
    for (const rs of old) {
      if (budget <= 0) break;
      const cut = Math.min(Math.max(0, replicasOf(rs) - availableOf(rs)), budget);
      left.set(rs, replicasOf(rs) - cut);
      budget -= cut;
    }
    let canRemove = [newRS, ...old].reduce((acc, rs) => acc + availableOf(rs), 0) - minAvailable;
    for (const rs of old) {
      const cut = Math.max(0, Math.min(left.get(rs)!, canRemove));
      left.set(rs, left.get(rs)! - cut);
      canRemove -= cut;
    }
    for (const rs of old) this.scale(d, rs, left.get(rs)!, n);
  }

  private recreate(d: JsonObject, newRS: JsonObject, old: JsonObject[], n: Rollout): void {
    const running = old.filter((rs) => replicasOf(rs) > 0);
    for (const rs of running) this.scale(d, rs, 0, n);
    const podsLeft = old.some((rs) => this.ctx.pods.ownedBy(uidOf(rs)).length > 0);
    if (running.length === 0 && !podsLeft) this.scale(d, newRS, n.replicas, n);
    else this.queue.addAfter(`${namespaceOf(d)}/${nameOf(d)}`, 1000);
  }

  private cleanup(d: JsonObject, old: JsonObject[]): void {
    const limit = Number(specOf(d).revisionHistoryLimit ?? 10);
    const idle = old.filter((rs) => replicasOf(rs) === 0 && Number(statusOf(rs).replicas ?? 0) === 0);
    for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
      deleteObject(
        this.ctx.api,
        this.rsType,
        { namespace: namespaceOf(rs), name: nameOf(rs) },
        { propagationPolicy: 'Background' },
      );
    }
  }
}
