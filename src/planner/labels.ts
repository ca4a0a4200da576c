// Label selectors, node affinity and taint toleration, as the Kubernetes scheduler reads them.
import type { Taint } from '../apis/index.ts';
import type { LabelSelector, NodeSelectorRequirement, SelectorOperator, Toleration } from './types.ts';

export type Labels = Readonly<Record<string, string>>;

const OPERATORS: Record<SelectorOperator, (value: string | undefined, values: string[]) => boolean> = {
  In: (value, values) => value !== undefined && values.includes(value),
  NotIn: (value, values) => value === undefined || !values.includes(value),
  Exists: (value) => value !== undefined,
  DoesNotExist: (value) => value === undefined,
  Gt: (value, values) => value !== undefined && compareInt(value, values[0]) > 0,
  Lt: (value, values) => value !== undefined && compareInt(value, values[0]) < 0,
};

export function matchesRequirement(labels: Labels, req: NodeSelectorRequirement): boolean {
  return OPERATORS[req.operator](labels[req.key], req.values ?? []);
}

function compareInt(value: string, bound: string | undefined): number {
  const a = Number.parseInt(value, 10);
  const b = Number.parseInt(bound ?? '', 10);
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  return a - b;
}

/** nodeSelector (all must match) and required node affinity (any term; every requirement in it). */
export function matchesNodeConstraints(
  labels: Labels,
  nodeSelector: Labels,
  affinityTerms: readonly NodeSelectorRequirement[][],
): boolean {
  for (const key in nodeSelector) {
    if (labels[key] !== nodeSelector[key]) return false;
  }
  if (affinityTerms.length === 0) return true;
  return affinityTerms.some((term) => term.every((req) => matchesRequirement(labels, req)));
}

export function matchesLabelSelector(labels: Labels, selector: LabelSelector): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[k] !== v) return false;
  }
  return (selector.matchExpressions ?? []).every((e) => matchesRequirement(labels, e));
}

export function tolerates(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => toleratesOne(t, taint));
}

function toleratesOne(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.operator === 'Exists') return t.key === undefined || t.key === '' || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}

/** Taints that keep pods off (NoSchedule, NoExecute) must all be tolerated. */
export function toleratesAll(tolerations: readonly Toleration[], taints: readonly Taint[]): boolean {
  return taints.every((taint) => taint.effect === 'PreferNoSchedule' || tolerates(tolerations, taint));
}

export function formatTaint(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}
