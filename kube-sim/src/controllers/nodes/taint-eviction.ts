import type { JsonObject } from '../../util/json.ts';
import { tolerates, type Taint, type Toleration } from '../scheduler/affinity.ts';
import { specOf } from '../shared/pods.ts';

/**
 * When a pod on a node with NoExecute taints must go (ms since epoch), as the taint manager decides:
 * now for an untolerated taint, timeAdded + the smallest tolerationSeconds otherwise, never if all are tolerated forever.
 */
export function evictionTime(pod: JsonObject, taints: Taint[], now: number): number | undefined {
  const tolerations = (specOf(pod).tolerations as Toleration[] | undefined) ?? [];
  let due: number | undefined;
  for (const taint of taints) {
    if (taint.effect !== 'NoExecute') continue;
    const matching = tolerations.filter((t) => tolerates(t, taint));
    if (matching.length === 0) return now;
    const seconds = matching.map((t) => t.tolerationSeconds).filter((s): s is number => typeof s === 'number');
    if (seconds.length === 0) continue;
    const added = Date.parse(String(taint.timeAdded ?? '')) || now;
    const at = added + Math.max(0, Math.min(...seconds)) * 1000;
    due = due === undefined ? at : Math.min(due, at);
  }
  return due;
}
