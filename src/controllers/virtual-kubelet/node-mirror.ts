import type { V1Node, V1NodeCondition } from '@kubernetes/client-node';
import { metaOf } from './meta.ts';
import { isConflict, isNotFound } from '../../kube/index.ts';
import { APPLIED_LABELS_ANNOTATION, LABELS, VIRTUAL_NODE_TAINT } from './constants.ts';
import type { VkContext } from './context.ts';
import type { EdgeRuntime } from './edge.ts';
import { deleteNodeLease, renewNodeLease } from './lease.ts';
import { hasVirtualTaint, newVirtualNode, statusFingerprint, virtualNodeLabels, virtualNodeStatus, type Reachability } from './node-forge.ts';
import { MERGE_PATCH } from './patch.ts';
import { WorkQueue, type HandlerResult } from './queue.ts';
import { jsonDates } from './time.ts';

/** Keeps one virtual node per edge node in the main cluster: labels, taint, status, conditions and Lease. */
export class NodeMirror {
  readonly queue: WorkQueue;
  private readonly lastLease = new Map<string, number>();
  private readonly lastStatus = new Map<string, number>();
  private stopped = false;

  constructor(private readonly ctx: VkContext) {
    this.queue = new WorkQueue('nodes', (k) => this.reconcile(k), ctx, { workers: 4 });
  }

  start(): void {
    void this.tick();
  }

  stop(): void {
    this.stopped = true;
    this.queue.stop();
  }

  enqueue(edge: string, node: string): void {
    this.queue.add(`${edge}/${node}`);
  }

  enqueueEdge(edge: EdgeRuntime): void {
    for (const n of edge.nodes.list()) this.enqueue(edge.spec.name, n.metadata?.name ?? '');
    for (const n of this.ctx.caches.nodes.list()) {
      if (n.metadata?.labels?.[LABELS.edgeLocation] === edge.spec.name) this.enqueue(edge.spec.name, n.metadata?.name ?? '');
    }
  }

  /** The edge that serves a virtual node. */
  edgeOf(nodeName: string): EdgeRuntime | undefined {
    const loc = this.ctx.caches.nodes.get(nodeName)?.metadata?.labels?.[LABELS.edgeLocation];
    if (loc) return this.ctx.edges.get(loc);
    for (const e of this.ctx.edges.values()) if (e.nodes.get(nodeName)) return e;
    return undefined;
  }

  /** Deletes every virtual node of an edge location (the location is being removed). */
  async deleteEdgeNodes(edge: string): Promise<void> {
    const mine = this.ctx.caches.nodes.list().filter((n) => n.metadata?.labels?.[LABELS.edgeLocation] === edge);
    await Promise.all(mine.map((n) => this.deleteNode(n.metadata?.name ?? '')));
  }

  private async tick(): Promise<void> {
    const every = Math.min(this.ctx.opts.leaseRenewSeconds, this.ctx.opts.nodeStatusSeconds) * 1000;
    while (!this.stopped) {
      for (const e of this.ctx.edges.values()) this.enqueueEdge(e);
      await this.ctx.clock.sleep(Math.max(100, every / 2));
    }
  }

  private async reconcile(key: string): Promise<HandlerResult> {
    const slash = key.indexOf('/');
    const edge = this.ctx.edges.get(key.slice(0, slash));
    const name = key.slice(slash + 1);
    if (!edge) return;
    const edgeNode = edge.nodes.get(name);
    const current = this.ctx.caches.nodes.get(name);
    const r = reachabilityOf(edge);
    if (!edgeNode) return this.reconcileMissing(edge, current, r);
    if (!current) return this.create(edge, edgeNode, r);
    await this.patchMeta(edge, edgeNode, current);
    await this.patchStatus(edgeNode, current, r);
    if (r.reachable && readyOf(edgeNode)) await this.renewLease(current);
  }

  private async reconcileMissing(edge: EdgeRuntime, current: V1Node | undefined, r: Reachability): Promise<HandlerResult> {
    if (!current || current.metadata?.labels?.[LABELS.edgeLocation] !== edge.spec.name) return;
    if (!r.reachable) return this.patchStatus(undefined, current, r);
    if (!edge.synced) return;
    this.ctx.log.info({ node: current.metadata?.name, edge: edge.spec.name }, 'edge node is gone; deleting its virtual node');
    await this.deleteNode(current.metadata?.name ?? '');
  }

  private async deleteNode(name: string): Promise<void> {
    await this.ctx.main.core.deleteNode({ name }).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
    await deleteNodeLease(this.ctx.main, name);
    this.lastLease.delete(name);
    this.lastStatus.delete(name);
  }

  private async create(edge: EdgeRuntime, edgeNode: V1Node, r: Reachability): Promise<HandlerResult> {
    let created: V1Node;
    try {
      created = await this.ctx.main.core.createNode({ body: newVirtualNode(edgeNode, edge.spec) });
    } catch (err) {
      if (isConflict(err)) return { requeueAfterMs: 200 };
      throw err;
    }
    this.ctx.log.info({ node: created.metadata?.name, edge: edge.spec.name, providerID: created.spec?.providerID }, 'virtual node created');
    await this.patchStatus(edgeNode, created, r, true);
    if (r.reachable && readyOf(edgeNode)) await this.renewLease(created);
  }

  private async patchMeta(edge: EdgeRuntime, edgeNode: V1Node, current: V1Node): Promise<void> {
    const labels = virtualNodeLabels(edgeNode, edge.spec);
    const patch = labelPatch(labels, current);
    const taints = current.spec?.taints ?? [];
    const taintMissing = !hasVirtualTaint(taints);
    if (Object.keys(patch).length === 0 && !taintMissing) return;
    const body: Record<string, unknown> = { metadata: { labels: patch, annotations: { [APPLIED_LABELS_ANNOTATION]: Object.keys(labels).sort().join(',') } } };
    // Taints are a list: a merge patch replaces it, so keep the others (e.g. node lifecycle's unreachable taint).
    if (taintMissing) body.spec = { taints: [...taints, { ...VIRTUAL_NODE_TAINT }].map((t) => jsonDates(t)) };
    await this.ctx.main.core.patchNode({ name: metaOf(current).name, body }, MERGE_PATCH);
  }

  private async patchStatus(edgeNode: V1Node | undefined, current: V1Node, r: Reachability, force = false): Promise<void> {
    const { name } = metaOf(current);
    const now = this.ctx.clock.now();
    const status = virtualNodeStatus(edgeNode, current, r, new Date(now)) ?? {};
    const changed = statusFingerprint(status) !== statusFingerprint(current.status);
    const due = now - (this.lastStatus.get(name) ?? 0) >= this.ctx.opts.nodeStatusSeconds * 1000;
    if (!force && !changed && !due) return;
    await this.ctx.main.core.patchNodeStatus({ name, body: { status: jsonDates(status) } }, MERGE_PATCH);
    this.lastStatus.set(name, now);
    if (changed && !force) this.ctx.log.info({ node: name, ready: readyStatus(status.conditions) }, 'virtual node status changed');
  }

  private async renewLease(node: V1Node): Promise<void> {
    const name = node.metadata?.name ?? '';
    const now = this.ctx.clock.now();
    if (now - (this.lastLease.get(name) ?? 0) < this.ctx.opts.leaseRenewSeconds * 1000) return;
    await renewNodeLease(this.ctx.main, node, this.ctx.clock, this.ctx.opts.leaseDurationSeconds);
    this.lastLease.set(name, now);
  }
}

export function reachabilityOf(edge: EdgeRuntime): Reachability {
  return { reachable: edge.health.reachable(), silentSeconds: Math.round(edge.health.silentForMs() / 1000), error: edge.health.reason() };
}

/** Labels to set, and those omni set before but no longer wants (null removes them in a merge patch). */
function labelPatch(labels: Record<string, string>, current: V1Node): Record<string, string | null> {
  const { labels: have, annotations } = metaOf(current);
  const prev = (annotations[APPLIED_LABELS_ANNOTATION] ?? '').split(',').filter(Boolean);
  const patch: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(labels)) if (have[k] !== v) patch[k] = v;
  for (const k of prev) if (!(k in labels) && k in have) patch[k] = null;
  return patch;
}

function readyStatus(conditions: V1NodeCondition[] | undefined): string | undefined {
  return conditions?.find((c) => c.type === 'Ready')?.status;
}

function readyOf(node: V1Node): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}
