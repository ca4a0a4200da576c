import type { V1Pod } from '@kubernetes/client-node';
import { isConflict, isNotFound } from '../../kube/index.ts';
import { LABELS } from './constants.ts';
import { metaOf } from './meta.ts';
import type { VkContext } from './context.ts';
import type { EdgeRuntime } from './edge.ts';
import { edgeCall, ignoreNotFound } from './edge-call.ts';
import { ensureRemoteNamespace } from './namespaces.ts';
import type { NodeMirror } from './node-mirror.ts';
import { JSON_PATCH, MERGE_PATCH } from './patch.ts';
import { forgeRemotePod } from './pod-forge.ts';
import { syncDownOps } from './pod-sync-down.ts';
import { WorkQueue, type HandlerResult } from './queue.ts';
import type { ConfigReflector } from './reflectors/config-reflector.ts';
import { usesPersistentVolumeClaim } from './reflectors/dependencies.ts';
import { isTerminal, mainStatusFrom, statusPatch, unreachablePatch } from './status-sync.ts';

interface Remote {
  edge: EdgeRuntime;
  pod: V1Pod;
}

export function podKey(pod: V1Pod): string {
  return `${pod.metadata?.namespace}/${pod.metadata?.name}`;
}

/**
 * Offloads pods bound to virtual nodes: creates each one's edge copy pinned to the edge node, carries
 * edits and deletion down and status up, and deletes edge copies whose main pod is gone. Keyed by the
 * main pod's `namespace/name`; every decision is made from informer caches, every write in a worker.
 */
export class PodOffloader {
  readonly queue: WorkQueue;
  private readonly refused = new Set<string>();
  created = 0;

  constructor(
    private readonly ctx: VkContext,
    private readonly nodes: NodeMirror,
    private readonly reflector: ConfigReflector,
  ) {
    this.queue = new WorkQueue('pods', (k) => this.reconcile(k), ctx, { workers: ctx.opts.podWorkers });
  }

  enqueue(key: string): void {
    this.queue.add(key);
  }

  /** Every main pod on a virtual node and every edge copy (after start, and periodically). */
  resync(): void {
    for (const p of this.ctx.caches.pods.list()) if (this.onVirtualNode(p)) this.enqueue(podKey(p));
    for (const e of this.ctx.edges.values()) for (const k of e.podsByOrigin.keys()) this.enqueue(k);
  }

  onVirtualNode(pod: V1Pod): boolean {
    const node = pod.spec?.nodeName;
    return !!node && !!this.nodes.edgeOf(node);
  }

  /** Bound to a virtual node whose edge has not been added (yet): touch nothing. */
  private awaitingEdge(main: V1Pod): boolean {
    const loc = this.ctx.caches.nodes.get(main.spec?.nodeName ?? '')?.metadata?.labels?.[LABELS.edgeLocation];
    return !!loc && !this.ctx.edges.has(loc);
  }

  private remotesOf(key: string): Remote[] {
    const out: Remote[] = [];
    for (const edge of this.ctx.edges.values()) {
      const pod = edge.podsByOrigin.get(key);
      if (pod) out.push({ edge, pod });
    }
    return out;
  }

  private async reconcile(key: string): Promise<HandlerResult> {
    if (!this.ctx.state.mainSynced) return { requeueAfterMs: 200 };
    const [namespace, name] = key.split('/');
    const main = this.ctx.caches.pods.get(name, namespace);
    const remotes = this.remotesOf(key);
    if (main && this.awaitingEdge(main)) return { requeueAfterMs: 1000 };
    const edge = main && this.nodes.edgeOf(String(main.spec?.nodeName));
    if (!main || !edge) return this.orphaned(key, remotes);
    if (!edge.synced) return { requeueAfterMs: 200 };
    if (!edge.health.reachable()) return this.whileUnreachable(main);
    return this.onEdge(main, edge, remotes);
  }

  private async onEdge(main: V1Pod, edge: EdgeRuntime, remotes: Remote[]): Promise<HandlerResult> {
    const uid = metaOf(main).uid;
    const mine = remotes.find((r) => r.edge === edge && metaOf(r.pod).labels[LABELS.originUid] === uid);
    await this.deleteStale(remotes.filter((r) => r !== mine));
    if (main.metadata?.deletionTimestamp) return this.deleting(main, mine);
    return this.alive(main, edge, mine?.pod);
  }

  private async alive(main: V1Pod, edge: EdgeRuntime, remote: V1Pod | undefined): Promise<HandlerResult> {
    const pvc = usesPersistentVolumeClaim(main);
    if (pvc) return this.refuse(main, `pod mounts the PersistentVolumeClaim volume "${pvc}"; pods with persistent volumes are never offloaded to edge nodes`);
    if (this.localOnly(main)) return this.refuse(main, `namespace ${main.metadata?.namespace} is labelled ${LABELS.localOnly}=true; its pods are never offloaded`);
    if (!remote) return isTerminal(main) ? this.reflector.release(podKey(main)) : this.create(main, edge);
    await this.syncDown(main, edge, remote);
    await this.syncUp(main, edge, remote);
  }

  private localOnly(main: V1Pod): boolean {
    const ns = this.ctx.caches.namespaces.get(main.metadata?.namespace ?? '');
    return ns?.metadata?.labels?.[LABELS.localOnly] === 'true';
  }

  /** Remote copies with no live main pod (or of an older pod of the same name) go, after main has been listed. */
  private async orphaned(key: string, remotes: Remote[]): Promise<HandlerResult> {
    this.reflector.release(key);
    await this.deleteStale(remotes);
  }

  private async deleteStale(remotes: Remote[]): Promise<void> {
    for (const r of remotes) {
      if (r.pod.metadata?.deletionTimestamp || !r.edge.health.reachable()) continue;
      const { name, namespace } = r.pod.metadata ?? {};
      this.ctx.log.info({ edge: r.edge.spec.name, pod: `${namespace}/${name}` }, 'deleting edge pod whose main pod is gone');
      await edgeCall(r.edge, this.ctx.opts.requestTimeoutMs, `delete pod ${name}`, () => r.edge.spec.clients.core.deleteNamespacedPod({ name: name ?? '', namespace: namespace ?? '' })).catch(ignoreNotFound);
    }
  }

  /** Graceful deletion flows down; once the edge copy is gone the main pod is finished. */
  private async deleting(main: V1Pod, mine: Remote | undefined): Promise<HandlerResult> {
    if (mine) {
      if (!mine.pod.metadata?.deletionTimestamp) await this.deleteRemote(mine, main.metadata?.deletionGracePeriodSeconds);
      return { requeueAfterMs: 5000 };
    }
    this.reflector.release(podKey(main));
    const { name, namespace, uid } = metaOf(main);
    await this.ctx.main.core.deleteNamespacedPod({ name, namespace, gracePeriodSeconds: 0, body: { gracePeriodSeconds: 0, preconditions: { uid } } }).catch((err: unknown) => {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    });
  }

  private async deleteRemote(mine: Remote, gracePeriodSeconds: number | undefined): Promise<void> {
    const { name, namespace } = metaOf(mine.pod);
    const { core } = mine.edge.spec.clients;
    await edgeCall(mine.edge, this.ctx.opts.requestTimeoutMs, `delete pod ${name}`, () => core.deleteNamespacedPod({ name, namespace, gracePeriodSeconds })).catch(ignoreNotFound);
  }

  private async whileUnreachable(main: V1Pod): Promise<HandlerResult> {
    const patch = unreachablePatch(main, new Date(this.ctx.clock.now()));
    if (patch) await this.patchMainStatus(main, patch);
    return { requeueAfterMs: this.ctx.opts.probeSeconds * 1000 };
  }

  private async refuse(main: V1Pod, message: string): Promise<void> {
    const uid = main.metadata?.uid ?? '';
    if (this.refused.has(uid)) return;
    await this.ctx.recorder.record({ ...main, kind: 'Pod', apiVersion: 'v1' }, 'Warning', 'OffloadingRefused', message);
    const now = new Date(this.ctx.clock.now()).toISOString();
    await this.patchMainStatus(main, {
      phase: 'Pending',
      reason: 'OffloadingRefused',
      message,
      conditions: [
        { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
        { type: 'Ready', status: 'False', reason: 'OffloadingRefused', message, lastTransitionTime: now },
      ],
    });
    this.refused.add(uid);
  }

  private async create(main: V1Pod, edge: EdgeRuntime): Promise<HandlerResult> {
    const key = podKey(main);
    const namespace = this.ctx.opts.remoteNamespace(main.metadata?.namespace ?? 'default');
    await ensureRemoteNamespace(edge, namespace, main.metadata?.namespace ?? '', this.ctx.opts.requestTimeoutMs);
    await this.reflector.ensure(edge, main, key);
    const body = forgeRemotePod(main, namespace, main.spec?.nodeName ?? '');
    try {
      await edgeCall(edge, this.ctx.opts.requestTimeoutMs, `create pod ${key}`, () => edge.spec.clients.core.createNamespacedPod({ namespace, body }));
      this.created++;
    } catch (err) {
      // The copy exists but is not in the cache yet (or an older one is still terminating): look again soon.
      if (isConflict(err)) return { requeueAfterMs: 500 };
      throw err;
    }
  }

  private async syncDown(main: V1Pod, edge: EdgeRuntime, remote: V1Pod): Promise<void> {
    const ops = syncDownOps(main, remote);
    if (ops.length === 0) return;
    const { name, namespace } = remote.metadata ?? {};
    await edgeCall(edge, this.ctx.opts.requestTimeoutMs, `patch pod ${name}`, () => edge.spec.clients.core.patchNamespacedPod({ name: name ?? '', namespace: namespace ?? '', body: ops }, JSON_PATCH));
  }

  private async syncUp(main: V1Pod, edge: EdgeRuntime, remote: V1Pod): Promise<void> {
    const patch = statusPatch(main, mainStatusFrom(remote, edge.spec.name, this.ctx.opts.addresses));
    if (patch) await this.patchMainStatus(main, patch);
  }

  private async patchMainStatus(main: V1Pod, status: Record<string, unknown>): Promise<void> {
    const { name, namespace } = main.metadata ?? {};
    await this.ctx.main.core.patchNamespacedPodStatus({ name: name ?? '', namespace: namespace ?? '', body: { status } }, MERGE_PATCH).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
  }
}
