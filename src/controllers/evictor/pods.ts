// Reading pods: who owns them, whether they hold resources, and whether the evictor may move them.
import type { V1Node, V1ObjectMeta, V1Pod } from '@kubernetes/client-node';
import { plannerPod } from '../../planner/index.ts';
import type { PlannerPod } from '../../planner/index.ts';
import { podSpecSchema } from '../../planner/kube-objects.ts';
import { LOCAL_ONLY_NAMESPACE_LABEL, REMOVAL_DISABLED, type OwnerRef, type SkipReason } from './types.ts';

export function podKey(pod: V1Pod): string {
  return `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
}

export function isTerminal(pod: V1Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function isDeleting(meta: V1ObjectMeta | undefined): boolean {
  return meta?.deletionTimestamp !== undefined && meta.deletionTimestamp !== null;
}

/** Bound to a node and still holding its resources there (terminating pods do until they are gone). */
export function holdsResources(pod: V1Pod): boolean {
  return Boolean(pod.spec?.nodeName) && !isTerminal(pod);
}

/** Not yet bound, not finished, not going away: the scheduler will place it somewhere. */
export function isPending(pod: V1Pod): boolean {
  return !pod.spec?.nodeName && !isTerminal(pod) && !isDeleting(pod.metadata);
}

export function isReady(pod: V1Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

export function controllerOf(pod: V1Pod): OwnerRef | undefined {
  const ref = (pod.metadata?.ownerReferences ?? []).find((r) => r.controller === true);
  return ref ? { kind: ref.kind, name: ref.name, uid: ref.uid } : undefined;
}

/** Owned by a controller that will recreate it (ReplicaSet, StatefulSet, Job…), not a node's static pod. */
export function isControllerOwned(pod: V1Pod): boolean {
  const owner = controllerOf(pod);
  return owner !== undefined && owner.kind !== 'Node';
}

export function isDaemonSetPod(pod: V1Pod): boolean {
  return controllerOf(pod)?.kind === 'DaemonSet';
}

export function removalDisabled(meta: V1ObjectMeta | undefined): boolean {
  return meta?.annotations?.[REMOVAL_DISABLED] === 'true' || meta?.labels?.[REMOVAL_DISABLED] === 'true';
}

/** The scheduler's view of a pod (requests, selectors, affinity, tolerations), from the planner. */
export function toPlannerPod(pod: V1Pod): PlannerPod | undefined {
  const spec = podSpecSchema.safeParse(pod.spec);
  if (!spec.success) return undefined;
  const meta = pod.metadata ?? {};
  return plannerPod({ namespace: meta.namespace ?? 'default', name: meta.name ?? '', labels: meta.labels ?? {} }, spec.data);
}

function storageReason(pod: V1Pod): SkipReason | undefined {
  const volumes = pod.spec?.volumes ?? [];
  if (volumes.some((v) => v.persistentVolumeClaim || v.ephemeral)) return 'pvc';
  if (volumes.some((v) => v.emptyDir || v.hostPath)) return 'local-storage';
  return undefined;
}

export interface MoveContext {
  node: V1Node;
  localOnlyNamespaces: ReadonlySet<string>;
}

/**
 * Why a bound, live pod must stay where it is, or undefined if the evictor may move it.
 * DaemonSet pods are not asked: they belong to their node and never block a drain.
 */
export function unmovableReason(pod: V1Pod, ctx: MoveContext): SkipReason | undefined {
  if (!isControllerOwned(pod)) return 'bare-pod';
  if (removalDisabled(pod.metadata) || removalDisabled(ctx.node.metadata)) return 'removal-disabled';
  const storage = storageReason(pod);
  if (storage) return storage;
  if (ctx.localOnlyNamespaces.has(pod.metadata?.namespace ?? 'default')) return 'local-only-namespace';
  if (pod.status?.phase !== 'Running') return 'not-running';
  return undefined;
}

export function localOnlyNamespaces(namespaces: readonly { metadata?: V1ObjectMeta }[]): Set<string> {
  return new Set(
    namespaces
      .filter((ns) => ns.metadata?.labels?.[LOCAL_ONLY_NAMESPACE_LABEL] === 'true')
      .map((ns) => ns.metadata?.name ?? ''),
  );
}
