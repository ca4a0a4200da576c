import type { JsonObject } from '../../util/json.ts';
import { jsonEqual } from '../../util/json.ts';
import { deleteObject } from '../../api/delete.ts';
import type { StoredEvent } from '../../store/store.ts';
import type { ControllerContext } from '../shared/context.ts';
import { WorkloadController } from '../shared/workload-controller.ts';
import { intOrPercent, isActive, isDeleting, isPodAvailable, isPodReady, keyOf, labelsOf, metaOf, nameOf, namespaceOf, phaseOf, specOf, uidOf } from '../shared/pods.ts';
import { daemonPod, shouldRunOn, targetNode } from './daemonset-pods.ts';
import { templateHash } from './template-hash.ts';

const SOURCE = { component: 'daemonset-controller' };

interface Plan {
  desired: JsonObject[];
  byNode: Map<string, JsonObject[]>;
}

function nodeChanged(ev: StoredEvent): boolean {
  if (ev.type !== 'MODIFIED' || !ev.prev) return true;
  const pick = (n: JsonObject) => [labelsOf(n), specOf(n).taints];
  return !jsonEqual(pick(ev.prev), pick(ev.object));
}

/** DaemonSet: one pod per node that matches, including nodes that join later; rolling replacement on template change. */
export class DaemonSetController extends WorkloadController {
  constructor(ctx: ControllerContext) {
    super(ctx, { group: 'apps', version: 'v1', resource: 'daemonsets', kind: 'DaemonSet' });
  }

  protected override extraSubscriptions(): (() => void)[] {
    return [
      this.ctx.api.store.subscribe('/nodes', (ev) => {
        if (!nodeChanged(ev)) return;
        for (const ds of this.ctx.api.store.list('apps/daemonsets')) this.queue.add(keyOf(ds));
      }),
    ];
  }

  private plan(ds: JsonObject): Plan {
    const template = specOf(ds).template as JsonObject;
    const desired = this.ctx.api.store.list('/nodes').filter((n) => shouldRunOn(template, n));
    const byNode = new Map<string, JsonObject[]>();
    for (const pod of this.ctx.pods.ownedBy(uidOf(ds))) {
      const node = targetNode(pod) ?? '';
      byNode.set(node, [...(byNode.get(node) ?? []), pod]);
    }
    return { desired, byNode };
  }

  protected reconcile(ds: JsonObject): void {
    const { desired, byNode } = this.plan(ds);
    const hash = templateHash(specOf(ds).template);
    const labels = { 'controller-revision-hash': hash, 'pod-template-generation': String(metaOf(ds).generation ?? 1) };
    const wanted = new Set(desired.map(nameOf));
    for (const [node, pods] of byNode) {
      const failed = pods.filter((p) => phaseOf(p) === 'Failed' && !isDeleting(p));
      const active = pods.filter(isActive);
      const extra = wanted.has(node) ? active.slice(1) : active;
      this.deletePods([...failed, ...extra]);
    }
    for (const node of wanted) {
      if ((byNode.get(node) ?? []).some(isActive)) continue;
      const created = this.ctx.api.create(this.podType, namespaceOf(ds), daemonPod(ds, node, labels));
      this.ctx.events.normal(SOURCE, ds, 'SuccessfulCreate', `Created pod: ${nameOf(created)}`);
    }
    this.rollOutdated(ds, hash, wanted);
    this.updateStatus(ds, hash, wanted);
  }

  private deletePods(pods: JsonObject[]): void {
    for (const p of pods) deleteObject(this.ctx.api, this.podType, { namespace: namespaceOf(p), name: nameOf(p) });
  }

  private rollOutdated(ds: JsonObject, hash: string, wanted: Set<string>): void {
    const strategy = (specOf(ds).updateStrategy as JsonObject | undefined) ?? {};
    if (strategy.type === 'OnDelete') return;
    const maxUnavailable = Math.max(1, intOrPercent((strategy.rollingUpdate as JsonObject | undefined)?.maxUnavailable ?? 1, wanted.size, false));
    const pods = this.ctx.pods.ownedBy(uidOf(ds)).filter((p) => wanted.has(targetNode(p) ?? ''));
    const unavailable = wanted.size - pods.filter((p) => isActive(p) && isPodReady(p)).length;
    const outdated = pods.filter((p) => isActive(p) && labelsOf(p)['controller-revision-hash'] !== hash);
    this.deletePods(outdated.slice(0, Math.max(0, maxUnavailable - unavailable)));
  }

  private updateStatus(ds: JsonObject, hash: string, wanted: Set<string>): void {
    const minReady = Number(specOf(ds).minReadySeconds ?? 0);
    const now = this.ctx.clock.now();
    const active = this.ctx.pods.ownedBy(uidOf(ds)).filter(isActive);
    const placed = active.filter((p) => wanted.has(targetNode(p) ?? ''));
    const onNodes = new Set(placed.map((p) => targetNode(p)));
    const available = placed.filter((p) => isPodAvailable(p, minReady, now)).length;
    this.writeStatus(ds, {
      desiredNumberScheduled: wanted.size,
      currentNumberScheduled: onNodes.size,
      numberMisscheduled: active.length - placed.length,
      numberReady: placed.filter(isPodReady).length,
      numberAvailable: available,
      numberUnavailable: Math.max(0, wanted.size - available),
      updatedNumberScheduled: placed.filter((p) => labelsOf(p)['controller-revision-hash'] === hash).length,
      observedGeneration: metaOf(ds).generation,
    });
  }
}
