// Pure status helpers: conditions with transition times, the cloud objects record, change detection.
import type { Condition } from '../../apis/index.ts';
import type { CloudObjectRef } from '../../clouds/types.ts';
import type { EdgeLocationStatus } from './store.ts';

export type ConditionType =
  'PermissionsOK' | 'NetworkReady' | 'IdentityReady' | 'EdgeClusterReady' | 'TunnelReady';

export interface ConditionUpdate {
  type: ConditionType;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
}

/** The conditions with one set; lastTransitionTime moves only when the status flips. */
export function withCondition(
  status: EdgeLocationStatus,
  update: ConditionUpdate,
  now: string,
): EdgeLocationStatus {
  const current = status.conditions ?? [];
  const old = current.find((c) => c.type === update.type);
  const next: Condition = {
    ...update,
    lastTransitionTime: old && old.status === update.status ? old.lastTransitionTime : now,
  };
  const conditions = old ? current.map((c) => (c.type === update.type ? next : c)) : [...current, next];
  return { ...status, conditions };
}

export function conditionOf(
  status: EdgeLocationStatus | undefined,
  type: ConditionType,
): Condition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

export function isTrue(status: EdgeLocationStatus | undefined, type: ConditionType): boolean {
  return conditionOf(status, type)?.status === 'True';
}

/** `kind/name` → id: one entry per cloud object, so a replaced object (a new key) overwrites its entry. */
export function resourceKey(ref: CloudObjectRef): string {
  return `${ref.kind}/${ref.name}`;
}

export function withResources(status: EdgeLocationStatus, refs: CloudObjectRef[]): EdgeLocationStatus {
  const resources = { ...(status.resources ?? {}) };
  for (const ref of refs) resources[resourceKey(ref)] = ref.id;
  return { ...status, resources };
}

/** A merge patch that turns `before` into `after` (resources removed get null). */
export function statusPatch(
  before: EdgeLocationStatus,
  after: EdgeLocationStatus,
): Record<string, unknown> | undefined {
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined;
  const patch: Record<string, unknown> = { ...after };
  const removed = Object.keys(before.resources ?? {}).filter((k) => !(k in (after.resources ?? {})));
  if (removed.length > 0)
    patch.resources = { ...(after.resources ?? {}), ...Object.fromEntries(removed.map((k) => [k, null])) };
  return patch;
}
