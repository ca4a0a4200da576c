import type { JsonObject } from '../../util/json.ts';
import type { SimController } from '../../cluster.ts';
import type { ResourceType } from '../../registry/resource-type.ts';
import type { StoredEvent } from '../../store/store.ts';
import { deleteObject } from '../../api/delete.ts';
import { ApiError } from '../../util/errors.ts';
import { microTime } from '../../util/clock.ts';
import { EXIT_CODE, PAUSED, RUN_SECONDS, SIMULATED } from '../../sim/annotations.ts';
import type { ControllerContext } from '../shared/context.ts';
import { WorkQueue } from '../shared/queue.ts';
import {
  annotationsOf,
  controllerRef,
  isDeleting,
  isPodReady,
  keyOf,
  metaOf,
  nameOf,
  phaseOf,
  specOf,
  splitKey,
  statusOf,
  uidOf,
} from '../shared/pods.ts';
import { IpPool, nodeIpFor, podCidrFor } from './ip-pool.ts';
import {
  healthyConditions,
  initializedStatus,
  internalIP,
  isHealthy,
  KUBELET_VERSION,
} from './node-status.ts';
import { finishedStatus, runningStatus } from './pod-status.ts';

export interface KubeletOptions {
  /** Simulated seconds from binding to Running; also the most a graceful deletion waits. Default 1. */
  podStartSeconds?: number;
  /** Lease renewal period (simulated seconds). Default 10. */
  leaseRenewSeconds?: number;
  /** How often an unchanged node status is re-posted (simulated seconds). Default 60. */
  statusReportSeconds?: number;
  /** How long Job pods without the run-seconds annotation run. Default 5. */
  jobRunSeconds?: number;
  kubeletVersion?: string;
  /** Pulled/Created/Started events per pod. Default true. */
  podEvents?: boolean;
}

interface SimNode {
  name: string;
  uid: string;
  paused: boolean;
  pool: IpPool;
  hostIP: string;
  nextLease: number;
  nextStatus: number;
}

export function isSimulatedNode(node: JsonObject): boolean {
  return annotationsOf(node)[SIMULATED] === 'true';
}

export function isPausedNode(node: JsonObject): boolean {
  return annotationsOf(node)[PAUSED] === 'true';
}

function needsInit(node: JsonObject): boolean {
  return !specOf(node).podCIDR || !(statusOf(node).nodeInfo as JsonObject | undefined)?.kubeletVersion;
}

function ignoreNotFound(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof ApiError && err.code === 404)) throw err;
  }
}

/**
 * One KWOK-style kubelet for every simulated node: registration status, Lease and Ready heartbeats,
 * pods Pending → Running (→ Succeeded/Failed), graceful deletion finished. Paused nodes are left alone.
 */
export class SimKubelet implements SimController {
  private readonly nodes = new Map<string, SimNode>();
  private readonly usedCidrs = new Set<string>();
  private readonly seen = new Map<string, number>();
  private readonly runningSince = new Map<string, number>();
  private readonly podIPs = new Map<string, { node: string; ip: string }>();
  private readonly nodeQueue: WorkQueue;
  private readonly podQueue: WorkQueue;
  private readonly opts: Required<KubeletOptions>;
  private readonly nodeType: ResourceType;
  private readonly podType: ResourceType;
  private readonly leaseType: ResourceType;
  private stops: (() => void)[] = [];
  private cidrIndex = 0;
  private hostIndex = 0;

  constructor(
    private readonly ctx: ControllerContext,
    opts: KubeletOptions = {},
  ) {
    this.opts = {
      podStartSeconds: opts.podStartSeconds ?? 1,
      leaseRenewSeconds: opts.leaseRenewSeconds ?? 10,
      statusReportSeconds: opts.statusReportSeconds ?? 60,
      jobRunSeconds: opts.jobRunSeconds ?? 5,
      kubeletVersion: opts.kubeletVersion ?? KUBELET_VERSION,
      podEvents: opts.podEvents ?? true,
    };
    this.nodeType = ctx.api.resolve('', 'v1', 'nodes');
    this.podType = ctx.api.resolve('', 'v1', 'pods');
    this.leaseType = ctx.api.resolve('coordination.k8s.io', 'v1', 'leases');
    this.nodeQueue = new WorkQueue(ctx.clock, (k) => this.initNode(k));
    this.podQueue = new WorkQueue(ctx.clock, (k) => this.syncPod(k));
  }

  start(): void {
    const store = this.ctx.api.store;
    for (const node of store.list('/nodes'))
      this.onNode({ rev: 0, type: 'ADDED', resKey: '/nodes', object: node });
    for (const pod of store.list('/pods'))
      this.onPod({ rev: 0, type: 'ADDED', resKey: '/pods', object: pod });
    this.stops.push(
      store.subscribe('/nodes', (ev) => this.onNode(ev)),
      store.subscribe('/pods', (ev) => this.onPod(ev)),
      this.ctx.clock.setInterval(() => this.tick(), 1000),
    );
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
    this.nodeQueue.stop();
    this.podQueue.stop();
  }

  /** Which simulated node a pod IP belongs to (for tests and the log provider). */
  managesNode(name: string): boolean {
    return this.nodes.has(name);
  }

  private onNode(ev: StoredEvent): void {
    const node = ev.object;
    const name = nameOf(node);
    if (ev.type === 'DELETED' || !isSimulatedNode(node)) return this.forgetNode(name);
    const state = this.nodes.get(name) ?? this.track(node);
    const paused = isPausedNode(node);
    const resumed = state.paused && !paused;
    state.paused = paused;
    if (paused) return;
    if (needsInit(node)) this.nodeQueue.add(name);
    if (resumed) {
      state.nextLease = 0;
      state.nextStatus = 0;
      for (const pod of this.ctx.pods.onNode(name)) this.podQueue.add(keyOf(pod));
    }
  }

  private track(node: JsonObject): SimNode {
    const name = nameOf(node);
    const cidr = (specOf(node).podCIDR as string | undefined) ?? this.nextCidr();
    this.usedCidrs.add(cidr);
    const now = this.ctx.clock.now();
    const state: SimNode = {
      name,
      uid: uidOf(node),
      paused: isPausedNode(node),
      pool: new IpPool(cidr),
      hostIP: internalIP(node) ?? nodeIpFor(this.hostIndex++),
      nextLease: now + Math.random() * this.opts.leaseRenewSeconds * 1000,
      nextStatus: now + Math.random() * this.opts.statusReportSeconds * 1000,
    };
    this.nodes.set(name, state);
    return state;
  }

  private nextCidr(): string {
    let cidr = podCidrFor(this.cidrIndex++);
    while (this.usedCidrs.has(cidr)) cidr = podCidrFor(this.cidrIndex++);
    return cidr;
  }

  private forgetNode(name: string): void {
    const state = this.nodes.get(name);
    if (!state) return;
    this.usedCidrs.delete(state.pool.cidr);
    this.nodes.delete(name);
  }

  private initNode(name: string): void {
    const state = this.nodes.get(name);
    const node = this.ctx.api.store.get('/nodes', undefined, name);
    if (!state || !node || state.paused) return;
    const now = this.ctx.clock.now();
    const updated = this.ctx.api.mutate(this.nodeType, { name }, (draft) => {
      const spec = specOf(draft);
      spec.podCIDR ??= state.pool.cidr;
      spec.podCIDRs ??= [spec.podCIDR];
      draft.spec = spec;
      draft.status = initializedStatus(draft, state.hostIP, now, this.opts.kubeletVersion);
    });
    state.uid = uidOf(updated);
    state.nextStatus = now + this.opts.statusReportSeconds * 1000;
    this.renewLease(state);
    const source = { component: 'kubelet', host: name };
    this.ctx.events.normal(source, updated, 'Starting', 'Starting kubelet.');
    this.ctx.events.normal(source, updated, 'NodeReady', `Node ${name} status is now: NodeReady`);
  }

  private tick(): void {
    const now = this.ctx.clock.now();
    for (const state of this.nodes.values()) {
      if (state.paused) continue;
      try {
        this.heartbeat(state, now);
      } catch {
        // Retried on the next tick.
      }
    }
  }

  private heartbeat(state: SimNode, now: number): void {
    if (now >= state.nextLease) {
      state.nextLease = now + this.opts.leaseRenewSeconds * 1000;
      this.renewLease(state);
    }
    const node = this.ctx.api.store.get('/nodes', undefined, state.name);
    if (!node || !(statusOf(node).nodeInfo as JsonObject | undefined)?.kubeletVersion) return;
    if (now < state.nextStatus && isHealthy(node)) return;
    state.nextStatus = now + this.opts.statusReportSeconds * 1000;
    this.ctx.api.mutate(
      this.nodeType,
      { name: state.name },
      (draft) => {
        const status = statusOf(draft);
        status.conditions = healthyConditions((status.conditions as JsonObject[] | undefined) ?? [], now);
        draft.status = status;
      },
      { subresource: 'status' },
    );
  }

  private renewLease(state: SimNode): void {
    const renewTime = microTime(this.ctx.clock.now());
    const existing = this.ctx.api.tryGet(this.leaseType, 'kube-node-lease', state.name);
    if (existing) {
      this.ctx.api.mutate(this.leaseType, { namespace: 'kube-node-lease', name: state.name }, (draft) => {
        draft.spec = { ...specOf(draft), holderIdentity: state.name, renewTime };
      });
      return;
    }
    this.ctx.api.create(this.leaseType, 'kube-node-lease', {
      metadata: {
        name: state.name,
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: state.name, uid: state.uid }],
      },
      spec: { holderIdentity: state.name, leaseDurationSeconds: 40, renewTime },
    });
  }

  private onPod(ev: StoredEvent): void {
    const key = keyOf(ev.object);
    if (ev.type === 'DELETED') return this.forgetPod(key);
    const node = specOf(ev.object).nodeName as string | undefined;
    if (node && this.nodes.has(node)) this.podQueue.add(key);
  }

  private forgetPod(key: string): void {
    const placed = this.podIPs.get(key);
    if (placed) this.nodes.get(placed.node)?.pool.release(placed.ip);
    this.podIPs.delete(key);
    this.seen.delete(key);
    this.runningSince.delete(key);
  }

  private syncPod(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.ctx.api.store.get('/pods', namespace, name);
    if (!pod) return this.forgetPod(key);
    const state = this.nodes.get(String(specOf(pod).nodeName ?? ''));
    if (!state || state.paused) return;
    if (isDeleting(pod)) return this.finishDeletion(key, pod);
    const phase = phaseOf(pod);
    if (phase === 'Pending') this.startPod(key, pod, state);
    else if (phase === 'Running') this.syncRunning(key, pod, state);
  }

  private startPod(key: string, pod: JsonObject, state: SimNode): void {
    const now = this.ctx.clock.now();
    if (!this.seen.has(key)) this.seen.set(key, now);
    const due = this.seen.get(key)! + this.opts.podStartSeconds * 1000;
    if (now < due) return this.podQueue.addAfter(key, due - now);
    const ip = this.podIPs.get(key)?.ip ?? state.pool.allocate();
    this.podIPs.set(key, { node: state.name, ip });
    const { namespace, name } = splitKey(key);
    const updated = this.ctx.api.mutate(
      this.podType,
      { namespace, name },
      (draft) => {
        draft.status = runningStatus(draft, { hostIP: state.hostIP, podIP: ip }, now);
      },
      { subresource: 'status' },
    );
    this.runningSince.set(key, now);
    this.recordStart(updated, state.name);
    this.maybeFinish(key, updated);
  }

  /** A live kubelet puts Ready back after the node controller marked its pods not ready. */
  private syncRunning(key: string, pod: JsonObject, state: SimNode): void {
    const ip = statusOf(pod).podIP as string | undefined;
    if (!isPodReady(pod) && ip) {
      const { namespace, name } = splitKey(key);
      const now = this.ctx.clock.now();
      pod = this.ctx.api.mutate(
        this.podType,
        { namespace, name },
        (draft) => {
          draft.status = runningStatus(draft, { hostIP: state.hostIP, podIP: ip }, now);
        },
        { subresource: 'status' },
      );
    }
    this.maybeFinish(key, pod);
  }

  private recordStart(pod: JsonObject, node: string): void {
    if (!this.opts.podEvents) return;
    const source = { component: 'kubelet', host: node };
    for (const c of (specOf(pod).containers as JsonObject[] | undefined) ?? []) {
      this.ctx.events.normal(
        source,
        pod,
        'Pulled',
        `Container image "${String(c.image)}" already present on machine`,
      );
      this.ctx.events.normal(source, pod, 'Created', `Created container ${String(c.name)}`);
      this.ctx.events.normal(source, pod, 'Started', `Started container ${String(c.name)}`);
    }
  }

  private runSeconds(pod: JsonObject): number | undefined {
    const a = annotationsOf(pod)[RUN_SECONDS];
    if (a !== undefined && Number.isFinite(Number(a))) return Number(a);
    return controllerRef(pod)?.kind === 'Job' ? this.opts.jobRunSeconds : undefined;
  }

  private maybeFinish(key: string, pod: JsonObject): void {
    const run = this.runSeconds(pod);
    if (run === undefined) return;
    const now = this.ctx.clock.now();
    const since = this.runningSince.get(key) ?? (Date.parse(String(statusOf(pod).startTime ?? '')) || now);
    const due = since + run * 1000;
    if (now < due) return this.podQueue.addAfter(key, due - now);
    const exitCode = Number(annotationsOf(pod)[EXIT_CODE] ?? 0) || 0;
    const { namespace, name } = splitKey(key);
    this.ctx.api.mutate(
      this.podType,
      { namespace, name },
      (draft) => {
        draft.status = finishedStatus(draft, exitCode, now);
      },
      { subresource: 'status' },
    );
    const placed = this.podIPs.get(key);
    if (placed) this.nodes.get(placed.node)?.pool.release(placed.ip);
    this.podIPs.delete(key);
  }

  private finishDeletion(key: string, pod: JsonObject): void {
    const m = metaOf(pod);
    const grace = Number(m.deletionGracePeriodSeconds ?? 0);
    const requested = Date.parse(String(m.deletionTimestamp)) - grace * 1000;
    const due = requested + Math.min(grace, this.opts.podStartSeconds) * 1000;
    const now = this.ctx.clock.now();
    if (now < due) return this.podQueue.addAfter(key, due - now);
    const { namespace, name } = splitKey(key);
    ignoreNotFound(() =>
      deleteObject(this.ctx.api, this.podType, { namespace, name }, { gracePeriodSeconds: 0 }),
    );
  }
}
