import type { JsonObject } from '../../util/json.ts';
import type { SimController } from '../../cluster.ts';
import type { ResourceType } from '../../registry/resource-type.ts';
import type { StoredEvent } from '../../store/store.ts';
import { deleteObject } from '../../api/delete.ts';
import { ApiError } from '../../util/errors.ts';
import { rfc3339 } from '../../util/clock.ts';
import type { Taint } from '../scheduler/affinity.ts';
import type { ControllerContext } from '../shared/context.ts';
import { WorkQueue } from '../shared/queue.ts';
import {
  conditionOf,
  isDeleting,
  isPodReady,
  keyOf,
  nameOf,
  namespaceOf,
  specOf,
  statusOf,
} from '../shared/pods.ts';
import {
  desiredHealthTaints,
  healthTaintsMatch,
  lastProbe,
  unknownConditions,
  withHealthTaints,
} from './node-health.ts';
import { evictionTime } from './taint-eviction.ts';

export interface NodeLifecycleOptions {
  /** Heartbeat age after which a node goes Ready=Unknown (kube-controller-manager's flag). Default 40. */
  nodeMonitorGracePeriodSeconds?: number;
  /** How often nodes are checked (simulated seconds). Default 5. */
  nodeMonitorPeriodSeconds?: number;
}

const SOURCE = { component: 'node-controller' };
const TAINT_SOURCE = { component: 'taint-eviction-controller' };

function ignoreGone(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof ApiError && (err.code === 404 || err.code === 409))) throw err;
  }
}

/**
 * Node lifecycle: stale heartbeats → conditions Unknown, pods not ready, unreachable taints; Ready=False →
 * not-ready taints; NoExecute taints evict pods after their tolerationSeconds; pods of deleted nodes are removed.
 */
export class NodeLifecycleController implements SimController {
  private readonly graceMs: number;
  private readonly periodMs: number;
  private readonly nodeQueue: WorkQueue;
  private readonly nodeType: ResourceType;
  private readonly podType: ResourceType;
  private stops: (() => void)[] = [];

  constructor(
    private readonly ctx: ControllerContext,
    opts: NodeLifecycleOptions = {},
  ) {
    this.graceMs = (opts.nodeMonitorGracePeriodSeconds ?? 40) * 1000;
    this.periodMs = (opts.nodeMonitorPeriodSeconds ?? 5) * 1000;
    this.nodeQueue = new WorkQueue(ctx.clock, (name) => this.syncTaints(name));
    this.nodeType = ctx.api.resolve('', 'v1', 'nodes');
    this.podType = ctx.api.resolve('', 'v1', 'pods');
  }

  start(): void {
    const store = this.ctx.api.store;
    for (const node of store.list('/nodes')) this.nodeQueue.add(nameOf(node));
    this.stops.push(
      store.subscribe('/nodes', (ev) => this.onNode(ev)),
      this.ctx.clock.setInterval(() => this.monitor(), this.periodMs),
      this.ctx.clock.setInterval(() => this.evict(), 1000),
    );
    setImmediate(() => this.collectOrphans());
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
    this.nodeQueue.stop();
  }

  private onNode(ev: StoredEvent): void {
    const name = nameOf(ev.object);
    if (ev.type === 'DELETED') setImmediate(() => this.deletePodsOf(name));
    else this.nodeQueue.add(name);
  }

  private monitor(): void {
    const now = this.ctx.clock.now();
    for (const node of this.ctx.api.store.list('/nodes')) {
      const lease = this.ctx.api.store.get('coordination.k8s.io/leases', 'kube-node-lease', nameOf(node));
      if (now - lastProbe(node, lease) <= this.graceMs) continue;
      if (conditionOf(node, 'Ready')?.status === 'Unknown') continue;
      try {
        this.markUnknown(node, now);
      } catch {
        // Retried on the next period.
      }
    }
  }

  private markUnknown(node: JsonObject, now: number): void {
    const name = nameOf(node);
    const updated = this.ctx.api.mutate(
      this.nodeType,
      { name },
      (draft) => {
        draft.status = { ...statusOf(draft), conditions: unknownConditions(draft, now) };
      },
      { subresource: 'status' },
    );
    this.ctx.events.normal(SOURCE, updated, 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
    for (const pod of this.ctx.pods.onNode(name)) {
      if (!isPodReady(pod)) continue;
      ignoreGone(() =>
        this.ctx.api.mutate(
          this.podType,
          { namespace: namespaceOf(pod), name: nameOf(pod) },
          (draft) => {
            const conds = (statusOf(draft).conditions as JsonObject[] | undefined) ?? [];
            statusOf(draft).conditions = conds.map((c) =>
              c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: rfc3339(now) } : c,
            );
          },
          { subresource: 'status' },
        ),
      );
    }
  }

  private syncTaints(name: string): void {
    const node = this.ctx.api.store.get('/nodes', undefined, name);
    if (!node) return;
    const key = desiredHealthTaints(node);
    if (healthTaintsMatch(node, key)) return;
    const now = this.ctx.clock.now();
    this.ctx.api.mutate(this.nodeType, { name }, (draft) => {
      const taints = withHealthTaints(draft, key, now);
      if (taints.length) specOf(draft).taints = taints;
      else delete specOf(draft).taints;
    });
  }

  /** The taint manager: pods on NoExecute-tainted nodes go once their tolerations run out. */
  private evict(): void {
    const now = this.ctx.clock.now();
    for (const node of this.ctx.api.store.list('/nodes')) {
      const taints = ((specOf(node).taints as Taint[] | undefined) ?? []).filter(
        (t) => t.effect === 'NoExecute',
      );
      if (taints.length === 0) continue;
      for (const pod of this.ctx.pods.onNode(nameOf(node))) this.maybeEvict(pod, taints, now);
    }
  }

  private maybeEvict(pod: JsonObject, taints: Taint[], now: number): void {
    if (isDeleting(pod)) return;
    const due = evictionTime(pod, taints, now);
    if (due === undefined || due > now) return;
    ignoreGone(() =>
      deleteObject(this.ctx.api, this.podType, { namespace: namespaceOf(pod), name: nameOf(pod) }),
    );
    this.ctx.events.normal(
      TAINT_SOURCE,
      pod,
      'TaintManagerEviction',
      `Marking for deletion Pod ${keyOf(pod)}`,
    );
  }

  /** PodGC: pods bound to a node that no longer exists are deleted at once. */
  private deletePodsOf(node: string): void {
    if (this.ctx.api.store.get('/nodes', undefined, node)) return;
    for (const pod of this.ctx.pods.onNode(node)) {
      ignoreGone(() =>
        deleteObject(
          this.ctx.api,
          this.podType,
          { namespace: namespaceOf(pod), name: nameOf(pod) },
          { gracePeriodSeconds: 0 },
        ),
      );
    }
  }

  private collectOrphans(): void {
    const nodes = new Set(this.ctx.api.store.list('/nodes').map(nameOf));
    const orphaned = new Set<string>();
    for (const pod of this.ctx.api.store.list('/pods')) {
      const node = specOf(pod).nodeName as string | undefined;
      if (node && !nodes.has(node)) orphaned.add(node);
    }
    for (const node of orphaned) this.deletePodsOf(node);
  }
}
