import type { JsonObject } from '../../util/json.ts';
import { jsonEqual } from '../../util/json.ts';
import type { SimController } from '../../cluster.ts';
import type { ResourceType } from '../../registry/resource-type.ts';
import type { StoredEvent } from '../../store/store.ts';
import { bindPod } from '../../api/subresources.ts';
import { ApiError } from '../../util/errors.ts';
import { rfc3339 } from '../../util/clock.ts';
import type { ControllerContext } from '../shared/context.ts';
import {
  conditionOf,
  isDeleting,
  isTerminal,
  keyOf,
  labelsOf,
  nameOf,
  namespaceOf,
  specOf,
  splitKey,
  statusOf,
} from '../shared/pods.ts';
import { SchedulerCache, type NodeInfo } from './cache.ts';
import {
  computeAntiAffinity,
  filterNode,
  leastAllocatedScore,
  podInfo,
  type Failure,
  type PodInfo,
} from './filters.ts';
import { fitErrorMessage } from './messages.ts';
import { SchedulingQueue } from './queue.ts';
import { checkVolumes, provisionClaim } from './volumes.ts';

export interface SchedulerOptions {
  /** Pods with this spec.schedulerName are ours. Default "default-scheduler". */
  schedulerName?: string;
}

const SLICE_MS = 20;
const BATCH = 64;
const UNSCHEDULABLE_FLUSH_MS = 5 * 60_000;

/** kube-scheduler's percentageOfNodesToScore default: stop once this many feasible nodes were found. */
export function feasibleNodesToFind(total: number): number {
  if (total < 100) return total;
  const pct = Math.max(5, 50 - Math.floor(total / 125));
  return Math.max(100, Math.floor((total * pct) / 100));
}

interface Pick {
  best?: NodeInfo;
  failures: Failure[];
}

/**
 * The default scheduler: binds pending pods through pods/binding after filtering (resources,
 * selectors, affinity, taints, cordons, anti-affinity, volumes) and least-allocated scoring.
 */
export class SimScheduler implements SimController {
  private readonly cache = new SchedulerCache();
  private readonly queue: SchedulingQueue;
  private readonly name: string;
  private readonly podType: ResourceType;
  private stops: (() => void)[] = [];
  private loopScheduled = false;
  private flushScheduled = false;
  private nextStart = 0;
  private stopped = false;

  constructor(
    private readonly ctx: ControllerContext,
    opts: SchedulerOptions = {},
  ) {
    this.name = opts.schedulerName ?? 'default-scheduler';
    this.queue = new SchedulingQueue(ctx.clock, () => this.kick());
    this.podType = ctx.api.resolve('', 'v1', 'pods');
  }

  start(): void {
    const store = this.ctx.api.store;
    for (const node of store.list('/nodes')) this.cache.upsertNode(node);
    for (const pod of store.list('/pods'))
      this.onPod({ rev: 0, type: 'ADDED', resKey: '/pods', object: pod });
    const flush = () => this.flush();
    this.stops.push(
      store.subscribe('/nodes', (ev) => this.onNode(ev)),
      store.subscribe('/pods', (ev) => this.onPod(ev)),
      store.subscribe('/persistentvolumeclaims', flush),
      store.subscribe('/persistentvolumes', flush),
      this.ctx.clock.setInterval(flush, UNSCHEDULABLE_FLUSH_MS),
    );
  }

  stop(): void {
    this.stopped = true;
    for (const s of this.stops) s();
    this.stops = [];
    this.queue.stop();
  }

  private onNode(ev: StoredEvent): void {
    if (ev.type === 'DELETED') this.cache.removeNode(nameOf(ev.object));
    else if (this.cache.upsertNode(ev.object)) this.flush();
  }

  private isPendingOurs(pod: JsonObject): boolean {
    const spec = specOf(pod);
    if (spec.nodeName || isDeleting(pod) || isTerminal(pod)) return false;
    if (((spec.schedulingGates as unknown[] | undefined) ?? []).length > 0) return false;
    return (spec.schedulerName ?? 'default-scheduler') === this.name;
  }

  private onPod(ev: StoredEvent): void {
    const key = keyOf(ev.object);
    const pod = ev.type === 'DELETED' ? undefined : ev.object;
    if (this.cache.updatePod(pod, key)) this.flush();
    if (!pod || !this.isPendingOurs(pod)) return this.queue.forget(key);
    if (!this.queue.isUnschedulable(key)) return this.queue.add(key);
    const prev = ev.prev;
    if (prev && (!jsonEqual(specOf(prev), specOf(pod)) || !jsonEqual(labelsOf(prev), labelsOf(pod))))
      this.queue.retry(key);
  }

  /** Something that may make room happened: parked pods get another try (coalesced). */
  private flush(): void {
    if (this.flushScheduled || this.stopped) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.queue.moveAll();
    });
  }

  private kick(): void {
    if (this.loopScheduled || this.stopped) return;
    this.loopScheduled = true;
    setImmediate(() => this.loop());
  }

  private loop(): void {
    this.loopScheduled = false;
    if (this.stopped) return;
    const deadline = performance.now() + SLICE_MS;
    while (this.queue.pending > 0 && performance.now() < deadline) {
      for (const key of this.queue.pop(BATCH)) this.scheduleOne(key);
    }
    if (this.queue.pending > 0) this.kick();
  }

  private scheduleOne(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.ctx.api.store.get('/pods', namespace, name);
    if (!pod || !this.isPendingOurs(pod)) return this.queue.forget(key);
    try {
      this.attempt(key, pod);
    } catch (err) {
      if (err instanceof ApiError && (err.code === 404 || err.code === 409)) return this.queue.forget(key);
      this.queue.markUnschedulable(key);
    }
  }

  private attempt(key: string, pod: JsonObject): void {
    const nodes = this.cache.nodeList();
    const preemptionPolicy = specOf(pod).preemptionPolicy as string | undefined;
    const volumes = checkVolumes(this.ctx.api, pod);
    if (volumes.preFilter)
      return this.fail(
        key,
        pod,
        fitErrorMessage(nodes.length, [], { preFilter: volumes.preFilter, preemptionPolicy }),
      );
    const info = podInfo(pod, volumes.terms);
    computeAntiAffinity(pod, info, this.cache);
    const pick = this.pick(info, nodes);
    if (!pick.best)
      return this.fail(key, pod, fitErrorMessage(nodes.length, pick.failures, { preemptionPolicy }));
    this.bind(key, pod, pick.best);
    for (const pvc of volumes.unbound) provisionClaim(this.ctx.api, pvc, pick.best.node!);
  }

  private pick(info: PodInfo, nodes: NodeInfo[]): Pick {
    const total = nodes.length;
    const want = feasibleNodesToFind(total);
    const failures: Failure[] = [];
    let best: NodeInfo | undefined;
    let bestScore = -1;
    let found = 0;
    let i = 0;
    for (; i < total && found < want; i++) {
      const n = nodes[(this.nextStart + i) % total];
      const failure = filterNode(info, n);
      if (failure) {
        failures.push(failure);
        continue;
      }
      found++;
      const score = leastAllocatedScore(info, n);
      if (score > bestScore) [best, bestScore] = [n, score];
    }
    if (total > 0) this.nextStart = (this.nextStart + i) % total;
    return { best, failures };
  }

  private bind(key: string, pod: JsonObject, node: NodeInfo): void {
    const ns = namespaceOf(pod);
    bindPod(this.ctx.api, { namespace: ns, name: nameOf(pod) }, { target: { name: node.name } });
    this.queue.forget(key);
    this.ctx.events.normal(
      { component: this.name },
      pod,
      'Scheduled',
      `Successfully assigned ${ns}/${nameOf(pod)} to ${node.name}`,
    );
  }

  private fail(key: string, pod: JsonObject, message: string): void {
    this.queue.markUnschedulable(key);
    const prev = conditionOf(pod, 'PodScheduled');
    const since = prev?.status === 'False' ? prev.lastTransitionTime : rfc3339(this.ctx.clock.now());
    this.ctx.api.mutate(
      this.podType,
      { namespace: namespaceOf(pod), name: nameOf(pod) },
      (draft) => {
        const status = statusOf(draft);
        const others = ((status.conditions as JsonObject[] | undefined) ?? []).filter(
          (c) => c.type !== 'PodScheduled',
        );
        status.conditions = [
          ...others,
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message,
            lastProbeTime: null,
            lastTransitionTime: since,
          },
        ];
        draft.status = status;
      },
      { subresource: 'status' },
    );
    this.ctx.events.warning({ component: this.name }, pod, 'FailedScheduling', message);
  }
}
