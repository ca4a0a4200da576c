import type { V1Pod } from '@kubernetes/client-node';

function isPendingForDefaultScheduler(pod: V1Pod): boolean {
  if (pod.spec?.nodeName || pod.metadata?.deletionTimestamp) return false;
  const phase = pod.status?.phase || 'Pending';
  return phase === 'Pending' && (pod.spec?.schedulerName ?? 'default-scheduler') === 'default-scheduler';
}

/** Pods the scheduler gave up on: unbound, not terminating, PodScheduled=False/Unschedulable. */
export function isUnschedulable(pod: V1Pod): boolean {
  if (!isPendingForDefaultScheduler(pod)) return false;
  return (pod.status?.conditions ?? []).some(
    (c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable',
  );
}

export function podKey(pod: V1Pod): string {
  return `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
}

/** Non-daemonset pods that still occupy a node. */
export function isWorkloadPod(pod: V1Pod): boolean {
  if (pod.metadata?.deletionTimestamp) return false;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  return !(pod.metadata?.ownerReferences ?? []).some((o) => o.kind === 'DaemonSet');
}
