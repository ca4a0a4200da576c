import type { JsonObject } from '../../util/json.ts';
import { deleteObject } from '../../api/delete.ts';
import type { ControllerContext } from '../shared/context.ts';
import { WorkloadController } from '../shared/workload-controller.ts';
import { isActive, isPodAvailable, isPodReady, labelsOf, metaOf, nameOf, namespaceOf, podFromTemplate, specOf, uidOf } from '../shared/pods.ts';
import { deletionOrder } from './pod-ranking.ts';

const SOURCE = { component: 'replicaset-controller' };

/** ReplicaSet: keeps spec.replicas active pods from the template, reports ready/available counts. */
export class ReplicaSetController extends WorkloadController {
  constructor(ctx: ControllerContext) {
    super(ctx, { group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet' });
  }

  protected reconcile(rs: JsonObject): void {
    const spec = specOf(rs);
    const want = Number(spec.replicas ?? 1);
    const active = this.ctx.pods.ownedBy(uidOf(rs)).filter(isActive);
    if (active.length < want) this.createPods(rs, want - active.length);
    else if (active.length > want) this.deletePods(rs, deletionOrder(active).slice(0, active.length - want));
    this.updateStatus(rs);
  }

  private createPods(rs: JsonObject, n: number): void {
    const template = specOf(rs).template as JsonObject;
    for (let i = 0; i < n; i++) {
      const pod = podFromTemplate(template, rs, { generateName: `${nameOf(rs)}-` });
      const created = this.ctx.api.create(this.podType, namespaceOf(rs), pod);
      this.ctx.events.normal(SOURCE, rs, 'SuccessfulCreate', `Created pod: ${nameOf(created)}`);
    }
  }

  private deletePods(rs: JsonObject, pods: JsonObject[]): void {
    for (const pod of pods) {
      deleteObject(this.ctx.api, this.podType, { namespace: namespaceOf(pod), name: nameOf(pod) });
      this.ctx.events.normal(SOURCE, rs, 'SuccessfulDelete', `Deleted pod: ${nameOf(pod)}`);
    }
  }

  private updateStatus(rs: JsonObject): void {
    const spec = specOf(rs);
    const minReady = Number(spec.minReadySeconds ?? 0);
    const now = this.ctx.clock.now();
    const active = this.ctx.pods.ownedBy(uidOf(rs)).filter(isActive);
    const tplLabels = ((spec.template as JsonObject | undefined)?.metadata as JsonObject | undefined)?.labels as Record<string, string> | undefined;
    const fullyLabeled = active.filter((p) => Object.entries(tplLabels ?? {}).every(([k, v]) => labelsOf(p)[k] === v)).length;
    const ready = active.filter(isPodReady).length;
    const available = active.filter((p) => isPodAvailable(p, minReady, now)).length;
    this.writeStatus(rs, {
      replicas: active.length,
      fullyLabeledReplicas: fullyLabeled,
      readyReplicas: ready,
      availableReplicas: available,
      observedGeneration: metaOf(rs).generation,
    });
    if (available < ready) this.queue.addAfter(`${namespaceOf(rs)}/${nameOf(rs)}`, minReady * 1000);
  }
}
