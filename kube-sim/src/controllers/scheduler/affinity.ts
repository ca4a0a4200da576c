import type { Labels } from '../shared/pods.ts';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (!t.key) return t.operator === 'Exists';
  if (t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

export function toleratesAny(tolerations: Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => tolerates(t, taint));
}

/** The first NoSchedule/NoExecute taint the pod does not tolerate, as TaintToleration reports it. */
export function firstUntolerated(taints: Taint[], tolerations: Toleration[]): Taint | undefined {
  return taints.find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !toleratesAny(tolerations, t));
}

const int = (s: string | undefined) => Number.parseInt(s ?? '', 10);

const OPERATORS: Record<string, (value: string | undefined, values: string[]) => boolean> = {
  In: (v, vs) => v !== undefined && vs.includes(v),
  NotIn: (v, vs) => v === undefined || !vs.includes(v),
  Exists: (v) => v !== undefined,
  DoesNotExist: (v) => v === undefined,
  Gt: (v, vs) => v !== undefined && int(v) > int(vs[0]),
  Lt: (v, vs) => v !== undefined && int(v) < int(vs[0]),
};

function matchesRequirement(r: NodeSelectorRequirement, value: string | undefined): boolean {
  return OPERATORS[r.operator]?.(value, r.values ?? []) ?? false;
}

function matchesTerm(term: NodeSelectorTerm, labels: Labels, nodeName: string): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const label = (k: string) => (Object.prototype.hasOwnProperty.call(labels, k) ? labels[k] : undefined);
  if (!exprs.every((r) => matchesRequirement(r, label(r.key)))) return false;
  return fields.every((r) => matchesRequirement(r, r.key === 'metadata.name' ? nodeName : undefined));
}

/** nodeSelectorTerms are ORed; requirements within a term are ANDed. */
export function matchesTerms(terms: NodeSelectorTerm[], labels: Labels, nodeName: string): boolean {
  return terms.some((t) => matchesTerm(t, labels, nodeName));
}

export function matchesNodeSelector(selector: Labels | undefined, labels: Labels): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector)) if (labels[k] !== v) return false;
  return true;
}
