import type { JsonObject } from '../../util/json.ts';
import type { SimController } from '../../cluster.ts';
import type { ResourceType } from '../../registry/resource-type.ts';
import type { StoredEvent } from '../../store/store.ts';
import { budgetState, pdbSelects } from '../../api/disruption.ts';
import { rfc3339 } from '../../util/clock.ts';
import type { ControllerContext } from '../shared/context.ts';
import { WorkQueue } from '../shared/queue.ts';
import { isDeleting, keyOf, metaOf, namespaceOf, splitKey, statusOf } from '../shared/pods.ts';

/** How long an eviction's entry in disruptedPods holds a disruption back if the pod does not go. */
const DISRUPTION_TIMEOUT_MS = 2 * 60_000;

/** PodDisruptionBudget status: expected/healthy/desired pods and disruptionsAllowed, as the disruption controller keeps them. */
export class DisruptionController implements SimController {
  private readonly queue: WorkQueue;
  private readonly type: ResourceType;
  private stops: (() => void)[] = [];

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (k) => this.sync(k));
    this.type = ctx.api.resolve('policy', 'v1', 'poddisruptionbudgets');
  }

  start(): void {
    const store = this.ctx.api.store;
    for (const pdb of store.list('policy/poddisruptionbudgets')) this.queue.add(keyOf(pdb));
    this.stops.push(
      store.subscribe('policy/poddisruptionbudgets', (ev) => this.queue.add(keyOf(ev.object))),
      store.subscribe('/pods', (ev) => this.onPod(ev)),
    );
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
    this.queue.stop();
  }

  private onPod(ev: StoredEvent): void {
    const pdbs = this.ctx.api.store.list('policy/poddisruptionbudgets', namespaceOf(ev.object));
    for (const pdb of pdbs) {
      if (pdbSelects(pdb, ev.object) || (ev.prev && pdbSelects(pdb, ev.prev))) this.queue.add(keyOf(pdb));
    }
  }

  /** Evicted pods still present and not yet deleting count against the budget for a while. */
  private pendingDisruptions(pdb: JsonObject, now: number): Record<string, string> {
    const out: Record<string, string> = {};
    const disrupted = (statusOf(pdb).disruptedPods as Record<string, string> | undefined) ?? {};
    for (const [name, ts] of Object.entries(disrupted)) {
      const pod = this.ctx.api.store.get('/pods', namespaceOf(pdb), name);
      if (pod && !isDeleting(pod) && Date.parse(ts) + DISRUPTION_TIMEOUT_MS > now) out[name] = ts;
    }
    return out;
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const pdb = this.ctx.api.store.get('policy/poddisruptionbudgets', namespace, name);
    if (!pdb) return;
    const now = this.ctx.clock.now();
    const state = budgetState(pdb, this.ctx.pods.inNamespace(namespace!));
    const disruptedPods = this.pendingDisruptions(pdb, now);
    const allowed = Math.max(0, state.disruptionsAllowed - Object.keys(disruptedPods).length);
    const prev = ((statusOf(pdb).conditions as JsonObject[] | undefined) ?? []).find(
      (c) => c.type === 'DisruptionAllowed',
    );
    const status = allowed > 0 ? 'True' : 'False';
    const condition = {
      type: 'DisruptionAllowed',
      status,
      reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods',
      message: '',
      observedGeneration: metaOf(pdb).generation,
      lastTransitionTime: prev?.status === status ? prev.lastTransitionTime : rfc3339(now),
    };
    this.ctx.api.mutate(
      this.type,
      { namespace, name },
      (draft) => {
        draft.status = {
          ...state,
          disruptionsAllowed: allowed,
          disruptedPods,
          observedGeneration: metaOf(pdb).generation,
          conditions: [condition],
        };
      },
      { subresource: 'status' },
    );
  }
}
