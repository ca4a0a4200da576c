import type { JsonObject } from '../../util/json.ts';
import type { ClusterApi } from '../../api/cluster-api.ts';
import type { ResourceType } from '../../registry/resource-type.ts';
import { rfc3339 } from '../../util/clock.ts';
import { metaOf, nameOf, uidOf } from './pods.ts';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

interface Seen {
  namespace: string;
  name: string;
}

const MAX_REMEMBERED = 20_000;

/**
 * core/v1 Events as controllers record them; a repeat of the same reason and message for the same
 * object bumps count and lastTimestamp, as client-go's event aggregation does.
 */
export class EventRecorder {
  private readonly seen = new Map<string, Seen>();
  private counter = 0;
  private readonly type: ResourceType;

  constructor(private readonly api: ClusterApi) {
    this.type = api.resolve('', 'v1', 'events');
  }

  normal(source: EventSource, obj: JsonObject, reason: string, message: string): void {
    this.record(source, obj, { type: 'Normal', reason, message });
  }

  warning(source: EventSource, obj: JsonObject, reason: string, message: string): void {
    this.record(source, obj, { type: 'Warning', reason, message });
  }

  private record(
    source: EventSource,
    obj: JsonObject,
    ev: { type: EventType; reason: string; message: string },
  ): void {
    try {
      this.write(source, obj, ev);
    } catch {
      // Events are best effort (the namespace may be terminating).
    }
  }

  private write(
    source: EventSource,
    obj: JsonObject,
    ev: { type: EventType; reason: string; message: string },
  ): void {
    const dedupKey = `${uidOf(obj)}|${ev.reason}|${ev.message}|${source.component}`;
    const now = rfc3339(this.api.clock.now());
    const seen = this.seen.get(dedupKey);
    if (seen && this.api.tryGet(this.type, seen.namespace, seen.name)) {
      this.api.mutate(this.type, { namespace: seen.namespace, name: seen.name }, (draft) => {
        draft.count = Number(draft.count ?? 1) + 1;
        draft.lastTimestamp = now;
      });
      return;
    }
    const namespace = String(metaOf(obj).namespace ?? 'default');
    const name = `${nameOf(obj)}.${(this.api.clock.now() * 1000 + (this.counter++ % 1000)).toString(16)}`;
    this.api.create(this.type, namespace, {
      metadata: { name, namespace },
      involvedObject: this.reference(obj),
      reason: ev.reason,
      message: ev.message,
      type: ev.type,
      source: source.host
        ? { component: source.component, host: source.host }
        : { component: source.component },
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    });
    if (this.seen.size >= MAX_REMEMBERED) this.seen.clear();
    this.seen.set(dedupKey, { namespace, name });
  }

  private reference(obj: JsonObject): JsonObject {
    const m = metaOf(obj);
    const ref: JsonObject = {
      kind: obj.kind,
      apiVersion: obj.apiVersion,
      name: m.name,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
    };
    if (m.namespace) ref.namespace = m.namespace;
    return ref;
  }
}
