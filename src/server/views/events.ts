// Kubernetes Events filtered by the reasons and components omni writes (docs/api/decisions.md).
import type { CoreV1Event } from '@kubernetes/client-node';
import type { EventView } from '../api-types.ts';

export const AUTOSCALER_COMPONENT = 'omni-autoscaler';
export const EVICTOR_COMPONENT = 'omni-evictor';
export const AUTOSCALER_REASONS = new Set([
  'NodeClaimCreated',
  'Launched',
  'CapacityError',
  'LaunchFailed',
  'Nominated',
  'NotProvisioned',
  'NodeClaimDeleted',
  'NodeRemoved',
  'SpotInterrupted',
]);
export const EVICTOR_REASONS = new Set(['Evicted', 'EvictorMoved', 'EvictorPacked', 'EvictorWouldMove']);

export function componentOf(e: CoreV1Event): string {
  return e.reportingComponent || e.source?.component || '';
}

function timeOf(e: CoreV1Event): string {
  const t = e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp;
  return t ? new Date(t).toISOString() : '';
}

export function toEventView(e: CoreV1Event): EventView {
  const o = e.involvedObject;
  const object = `${o.kind ?? ''}/${o.namespace ? `${o.namespace}/` : ''}${o.name ?? ''}`;
  return {
    time: timeOf(e),
    type: e.type ?? 'Normal',
    reason: e.reason ?? '',
    component: componentOf(e),
    object,
    message: e.message ?? '',
    count: e.count ?? 1,
  };
}

/** Events that pass `keep`, newest first, at most `limit`. */
export function selectEvents(events: CoreV1Event[], keep: (e: CoreV1Event) => boolean, limit = 200): EventView[] {
  return events
    .filter(keep)
    .map(toEventView)
    .sort((a, b) => b.time.localeCompare(a.time))
    .slice(0, limit);
}

export function isAutoscalerEvent(e: CoreV1Event): boolean {
  const c = componentOf(e);
  return c === AUTOSCALER_COMPONENT || (AUTOSCALER_REASONS.has(e.reason ?? '') && /omni|autoscaler/.test(c));
}

/** The evictor's events on pods (it records the same move on the node too; one row per move is enough). */
export function isEvictorEvent(e: CoreV1Event): boolean {
  return componentOf(e) === EVICTOR_COMPONENT && EVICTOR_REASONS.has(e.reason ?? '') && e.involvedObject.kind === 'Pod';
}
