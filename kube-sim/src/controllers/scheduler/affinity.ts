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
  for (const t of tolerations) if (tolerates(t, taint)) return true;
  return false;
}

/** The first NoSchedule/NoExecute taint the pod does not tolerate, as TaintToleration reports it. */
export function firstUntolerated(taints: Taint[], tolerations: Toleration[]): Taint | undefined {
  for (const t of taints) if ((t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !toleratesAny(tolerations, t)) return t;
  return undefined;
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

function labelValue(labels: Labels, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : undefined;
}

function matchesTerm(term: NodeSelectorTerm, labels: Labels, nodeName: string): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const r of exprs) if (!matchesRequirement(r, labelValue(labels, r.key))) return false;
  for (const r of fields) if (!matchesRequirement(r, r.key === 'metadata.name' ? nodeName : undefined)) return false;
  return true;
}

/** nodeSelectorTerms are ORed; requirements within a term are ANDed. */
export function matchesTerms(terms: NodeSelectorTerm[], labels: Labels, nodeName: string): boolean {
  for (const t of terms) if (matchesTerm(t, labels, nodeName)) return true;
  return false;
}

export function matchesNodeSelector(selector: Labels | undefined, labels: Labels): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector)) if (labels[k] !== v) return false;
  return true;
}
