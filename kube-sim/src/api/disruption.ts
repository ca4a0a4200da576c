import type { JsonObject } from '../util/json.ts';
import { matchesLabelRequirements, requirementsFromSelector, type LabelSelectorObject } from '../util/selectors.ts';
import { meta } from './object-meta.ts';

export interface BudgetState {
  expectedPods: number;
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
}

export function isPodHealthy(pod: JsonObject): boolean {
  if (meta(pod).deletionTimestamp) return false;
  const conds = ((pod.status as JsonObject | undefined)?.conditions as JsonObject[] | undefined) ?? [];
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

export function pdbSelects(pdb: JsonObject, pod: JsonObject): boolean {
  const reqs = requirementsFromSelector((pdb.spec as JsonObject | undefined)?.selector as LabelSelectorObject | undefined);
  if (reqs === null) return false;
  return matchesLabelRequirements(reqs, meta(pod).labels as Record<string, string> | undefined);
}

function scaled(value: unknown, total: number): number {
  if (typeof value === 'string' && value.endsWith('%')) return Math.ceil((Number(value.slice(0, -1)) * total) / 100);
  return Number(value);
}

/** What the disruption controller computes for a budget over the pods it selects. */
export function budgetState(pdb: JsonObject, pods: JsonObject[]): BudgetState {
  const selected = pods.filter((p) => !meta(p).deletionTimestamp && pdbSelects(pdb, p));
  const expectedPods = selected.length;
  const currentHealthy = selected.filter(isPodHealthy).length;
  const spec = (pdb.spec as JsonObject | undefined) ?? {};
  let desiredHealthy = 0;
  if (spec.minAvailable !== undefined) desiredHealthy = scaled(spec.minAvailable, expectedPods);
  else if (spec.maxUnavailable !== undefined) desiredHealthy = Math.max(0, expectedPods - scaled(spec.maxUnavailable, expectedPods));
  return { expectedPods, currentHealthy, desiredHealthy, disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy) };
}
