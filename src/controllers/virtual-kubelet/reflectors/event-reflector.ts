import type { CoreV1Event } from '@kubernetes/client-node';
import { isConflict } from '../../../kube/index.ts';
import type { VkContext } from '../context.ts';
import type { EdgeRuntime } from '../edge.ts';
import { originKey } from '../edge.ts';
import { JSON_PATCH } from '../patch.ts';
import { WorkQueue, type HandlerResult } from '../queue.ts';

/** Copies edge Events about offloaded pods onto their main pods (remote → local only, as Liqo does). */
export class EventReflector {
  readonly queue: WorkQueue;
  private readonly counts = new Map<string, number>();
  reflectedCount = 0;

  constructor(private readonly ctx: VkContext) {
    this.queue = new WorkQueue('events', (k) => this.reconcile(k), ctx, { workers: 4 });
  }

  onEdgeEvent(edge: EdgeRuntime, ev: CoreV1Event): void {
    if (ev.involvedObject?.kind !== 'Pod') return;
    const key = `${edge.spec.name}|${ev.metadata?.namespace}|${ev.metadata?.name}`;
    if (this.counts.get(key) === (ev.count ?? 1)) return;
    this.queue.add(key);
  }

  private async reconcile(key: string): Promise<HandlerResult> {
    const [edgeName, namespace, name] = key.split('|');
    const edge = this.ctx.edges.get(edgeName);
    const ev = edge?.events?.get(name, namespace);
    if (!edge || !ev) return;
    const remote = edge.pods.get(ev.involvedObject.name ?? '', ev.involvedObject.namespace);
    const origin = remote && originKey(remote);
    if (!origin) return;
    const [mainNs, mainName] = origin.split('/');
    const main = this.ctx.caches.pods.get(mainName, mainNs);
    if (!main) return;
    await this.write(main.metadata?.uid ?? '', { ns: mainNs, name: mainName }, ev);
    this.counts.set(key, ev.count ?? 1);
    this.reflectedCount++;
  }

  private async write(uid: string, pod: { ns: string; name: string }, ev: CoreV1Event): Promise<void> {
    const name = `${pod.name}.omni.${ev.metadata?.uid?.slice(0, 13) ?? ev.metadata?.name}`;
    const body: CoreV1Event = {
      metadata: { name, namespace: pod.ns },
      involvedObject: { kind: 'Pod', apiVersion: 'v1', name: pod.name, namespace: pod.ns, uid, fieldPath: ev.involvedObject.fieldPath },
      reason: ev.reason,
      message: ev.message,
      type: ev.type,
      count: ev.count ?? 1,
      firstTimestamp: ev.firstTimestamp ?? ev.eventTime ?? new Date(this.ctx.clock.now()),
      lastTimestamp: ev.lastTimestamp ?? ev.eventTime ?? new Date(this.ctx.clock.now()),
      source: { component: ev.source?.component ?? ev.reportingComponent ?? 'edge', host: ev.source?.host },
      reportingComponent: ev.reportingComponent || ev.source?.component || 'edge',
      reportingInstance: ev.reportingInstance || ev.source?.host || '',
    };
    try {
      await this.ctx.main.core.createNamespacedEvent({ namespace: pod.ns, body });
    } catch (err) {
      if (!isConflict(err)) throw err;
      const ops = [
        { op: 'replace', path: '/count', value: body.count },
        { op: 'replace', path: '/lastTimestamp', value: new Date(body.lastTimestamp ?? 0).toISOString().replace(/\.\d+Z$/, 'Z') },
      ];
      await this.ctx.main.core.patchNamespacedEvent({ name, namespace: pod.ns, body: ops }, JSON_PATCH);
    }
  }
}
