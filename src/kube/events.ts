import { createHash } from 'node:crypto';
import type { CoreV1Api, CoreV1Event, KubernetesObject } from '@kubernetes/client-node';
import type { Clock } from './clock.ts';

export type EventType = 'Normal' | 'Warning';

export interface EventRecorder {
  /** Records a Kubernetes Event on `obj`; repeats of the same reason and message bump its count. */
  record(obj: KubernetesObject, type: EventType, reason: string, message: string): Promise<void>;
}

function eventName(obj: KubernetesObject, reason: string, message: string): string {
  const h = createHash('sha256').update(`${obj.kind}/${obj.metadata?.uid}/${reason}/${message}`).digest('hex').slice(0, 16);
  return `${obj.metadata?.name ?? 'unknown'}.${h}`;
}

/** Writes core/v1 Events through the API, as kube-controller-manager's recorder does. */
export function makeEventRecorder(core: CoreV1Api, component: string, clock: Clock): EventRecorder {
  const counts = new Map<string, number>();
  return {
    async record(obj, type, reason, message) {
      const namespace = obj.metadata?.namespace ?? 'default';
      const name = eventName(obj, reason, message);
      const now = new Date(clock.now());
      const count = (counts.get(name) ?? 0) + 1;
      counts.set(name, count);
      const body: CoreV1Event = {
        metadata: { name, namespace },
        involvedObject: { kind: obj.kind, apiVersion: obj.apiVersion, name: obj.metadata?.name, namespace: obj.metadata?.namespace, uid: obj.metadata?.uid },
        reason,
        message: message.slice(0, 1024),
        type,
        count,
        firstTimestamp: now,
        lastTimestamp: now,
        source: { component },
        reportingComponent: component,
        reportingInstance: component,
      };
      try {
        if (count === 1) await core.createNamespacedEvent({ namespace, body });
        else await core.patchNamespacedEvent({ name, namespace, body: [{ op: 'replace', path: '/count', value: count }, { op: 'replace', path: '/lastTimestamp', value: now.toISOString() }] });
      } catch {
        // Events are best effort, as in Kubernetes: a lost event never fails a reconcile.
        if (count === 1) counts.delete(name);
      }
    },
  };
}
