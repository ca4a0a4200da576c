// PodDisruptionBudgets counted the way the disruption controller counts them, so the evictor asks
// only for evictions a budget allows (the eviction API still has the last word: 429 means retry).
import type { IntOrString, V1LabelSelector, V1Pod, V1PodDisruptionBudget } from '@kubernetes/client-node';
import type { LabelSelector } from '../../planner/index.ts';
import { matchesLabelSelector } from '../../planner/labels.ts';
import { isDeleting, isReady, isTerminal } from './pods.ts';

interface Budget {
  name: string;
  namespace: string;
  selector: LabelSelector;
  healthy: number;
  desired: number;
}

const SET_OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

function toSelector(s: V1LabelSelector | undefined): LabelSelector | undefined {
  if (!s) return undefined;
  const exprs = s.matchExpressions ?? [];
  if (exprs.some((e) => !SET_OPERATORS.has(e.operator))) return undefined;
  return { matchLabels: s.matchLabels ?? {}, matchExpressions: exprs as LabelSelector['matchExpressions'] };
}

function scaled(value: IntOrString, total: number): number {
  if (typeof value === 'string' && value.endsWith('%')) return Math.ceil((Number(value.slice(0, -1)) * total) / 100);
  return Number(value);
}

function desiredHealthy(pdb: V1PodDisruptionBudget, expected: number): number {
  const spec = pdb.spec ?? {};
  if (spec.minAvailable !== undefined) return scaled(spec.minAvailable, expected);
  if (spec.maxUnavailable !== undefined) return Math.max(0, expected - scaled(spec.maxUnavailable, expected));
  return 0;
}

function selects(b: Budget, pod: V1Pod): boolean {
  return (pod.metadata?.namespace ?? 'default') === b.namespace && matchesLabelSelector(pod.metadata?.labels ?? {}, b.selector);
}

function budgetOf(pdb: V1PodDisruptionBudget, pods: readonly V1Pod[]): Budget | undefined {
  const selector = toSelector(pdb.spec?.selector);
  if (!selector) return undefined;
  const b: Budget = { name: pdb.metadata?.name ?? '', namespace: pdb.metadata?.namespace ?? 'default', selector, healthy: 0, desired: 0 };
  const selected = pods.filter((p) => !isDeleting(p.metadata) && !isTerminal(p) && selects(b, p));
  b.healthy = selected.filter(isReady).length;
  b.desired = desiredHealthy(pdb, selected.length);
  return b;
}

export type BudgetVerdict = { ok: true } | { ok: false; message: string };

/** The budgets of one cycle; each allowed eviction of a healthy pod uses one disruption. */
export class Budgets {
  private readonly budgets: Budget[];

  constructor(pdbs: readonly V1PodDisruptionBudget[], pods: readonly V1Pod[]) {
    this.budgets = pdbs.flatMap((p) => budgetOf(p, pods) ?? []);
  }

  /** Takes one disruption from the pod's budget if it allows one. */
  take(pod: V1Pod): BudgetVerdict {
    const mine = this.budgets.filter((b) => selects(b, pod));
    if (mine.length === 0) return { ok: true };
    if (mine.length > 1) return { ok: false, message: `pod is selected by ${mine.length} PodDisruptionBudgets; the eviction API refuses that` };
    const b = mine[0];
    const healthy = isReady(pod);
    const allowed = healthy ? b.healthy - b.desired > 0 : b.healthy >= b.desired;
    if (!allowed) return { ok: false, message: `PodDisruptionBudget ${b.name} needs ${b.desired} healthy pods and has ${b.healthy}` };
    if (healthy) b.healthy -= 1;
    return { ok: true };
  }
}
