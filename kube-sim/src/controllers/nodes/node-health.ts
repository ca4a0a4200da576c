import type { JsonObject } from '../../util/json.ts';
import { rfc3339 } from '../../util/clock.ts';
import type { Taint } from '../scheduler/affinity.ts';
import { conditionOf, metaOf, specOf, statusOf } from '../shared/pods.ts';

export const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const NOT_READY = 'node.kubernetes.io/not-ready';
const MANAGED = new Set([UNREACHABLE, NOT_READY]);
const KUBELET_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** The last sign of life: Lease renewTime, Ready heartbeat, or creation. */
export function lastProbe(node: JsonObject, lease: JsonObject | undefined): number {
  const renew = Date.parse(String(specOf(lease ?? {}).renewTime ?? '')) || 0;
  const heartbeat = Date.parse(String(conditionOf(node, 'Ready')?.lastHeartbeatTime ?? '')) || 0;
  const created = Date.parse(String(metaOf(node).creationTimestamp ?? '')) || 0;
  return Math.max(renew, heartbeat, created);
}

/** Conditions after the kubelet stopped posting: every kubelet condition Unknown. */
export function unknownConditions(node: JsonObject, now: number): JsonObject[] {
  const ts = rfc3339(now);
  const conds = (statusOf(node).conditions as JsonObject[] | undefined) ?? [];
  const out = conds.map((c) => {
    if (!KUBELET_CONDITIONS.includes(String(c.type)) || c.status === 'Unknown') return c;
    return { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: ts };
  });
  for (const type of KUBELET_CONDITIONS) {
    if (!out.some((c) => c.type === type)) {
      out.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: ts, lastTransitionTime: ts });
    }
  }
  return out;
}

/** The not-ready/unreachable taints the Ready condition calls for (NoSchedule and NoExecute). */
export function desiredHealthTaints(node: JsonObject): string | undefined {
  const ready = conditionOf(node, 'Ready')?.status;
  if (ready === 'Unknown') return UNREACHABLE;
  if (ready === 'False') return NOT_READY;
  return undefined;
}

/** The node's taints with the health taints set to `key` (or removed); timeAdded kept where unchanged. */
export function withHealthTaints(node: JsonObject, key: string | undefined, now: number): Taint[] {
  const taints = (specOf(node).taints as Taint[] | undefined) ?? [];
  const others = taints.filter((t) => !MANAGED.has(t.key));
  if (!key) return others;
  const keep = taints.filter((t) => t.key === key);
  const make = (effect: string) => keep.find((t) => t.effect === effect) ?? { key, effect, ...(effect === 'NoExecute' ? { timeAdded: rfc3339(now) } : {}) };
  return [...others, make('NoSchedule'), make('NoExecute')];
}

export function healthTaintsMatch(node: JsonObject, key: string | undefined): boolean {
  const taints = ((specOf(node).taints as Taint[] | undefined) ?? []).filter((t) => MANAGED.has(t.key));
  if (!key) return taints.length === 0;
  return taints.length === 2 && taints.every((t) => t.key === key);
}
