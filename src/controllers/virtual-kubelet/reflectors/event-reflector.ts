import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import { metaOf } from '../meta.ts';
import { rfc3339 } from '../time.ts';
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
    const main = edge && ev && this.mainPodOf(edge, ev);
    if (!ev || !main) return;
    await this.write(main, ev);
    this.counts.set(key, ev.count ?? 1);
    this.reflectedCount++;
  }

  private mainPodOf(edge: EdgeRuntime, ev: CoreV1Event): V1Pod | undefined {
    const remote = edge.pods.get(ev.involvedObject.name ?? '', ev.involvedObject.namespace);
    const origin = remote && originKey(remote);
    if (!origin) return undefined;
    const [namespace, name] = origin.split('/');
    return this.ctx.caches.pods.get(name, namespace);
  }

  private async write(main: V1Pod, ev: CoreV1Event): Promise<void> {
    const body = mainEvent(main, ev, new Date(this.ctx.clock.now()));
    const { name, namespace } = metaOf(body);
    try {
      await this.ctx.main.core.createNamespacedEvent({ namespace, body });
    } catch (err) {
      if (!isConflict(err)) throw err;
      const ops = [
        { op: 'replace', path: '/count', value: body.count },
        { op: 'replace', path: '/lastTimestamp', value: rfc3339(body.lastTimestamp ?? 0) },
      ];
      await this.ctx.main.core.patchNamespacedEvent({ name, namespace, body: ops }, JSON_PATCH);
    }
  }
}

/** The main-cluster copy of an edge Event, on the main pod (its name keyed by the edge event's uid). */
function mainEvent(main: V1Pod, ev: CoreV1Event, now: Date): CoreV1Event {
  const pod = metaOf(main);
  const source = ev.source ?? {};
  const component = source.component || ev.reportingComponent || 'edge';
  const at = ev.eventTime ?? now;
  const id = metaOf(ev);
  return {
    metadata: { name: `${pod.name}.omni.${id.uid.slice(0, 13) || id.name}`, namespace: pod.namespace },
    involvedObject: { kind: 'Pod', apiVersion: 'v1', name: pod.name, namespace: pod.namespace, uid: pod.uid, fieldPath: ev.involvedObject.fieldPath },
    reason: ev.reason,
    message: ev.message,
    type: ev.type,
    count: Math.max(1, Number(ev.count)) || 1,
    firstTimestamp: ev.firstTimestamp ?? at,
    lastTimestamp: ev.lastTimestamp ?? at,
    source: { component, host: source.host },
    reportingComponent: component,
    reportingInstance: source.host ?? '',
  };
}
