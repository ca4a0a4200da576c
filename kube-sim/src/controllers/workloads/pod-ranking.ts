import type { JsonObject } from '../../util/json.ts';
import { isPodReady, metaOf, phaseOf, specOf } from '../shared/pods.ts';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function rank(pod: JsonObject): number[] {
  return [specOf(pod).nodeName ? 1 : 0, PHASE_RANK[phaseOf(pod)] ?? 2, isPodReady(pod) ? 1 : 0];
}

/** The order in which a ReplicaSet gives pods up: unscheduled, pending, not ready, then newest first. */
export function deletionOrder(pods: JsonObject[]): JsonObject[] {
  return [...pods].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return String(metaOf(b).creationTimestamp).localeCompare(String(metaOf(a).creationTimestamp));
  });
}
