import { badRequest } from './errors.ts';

export type LabelRequirement =
  { key: string; op: 'in' | 'notin'; values: string[] } | { key: string; op: 'exists' | '!exists' };

export type Labels = Record<string, string> | undefined;

/** Splits on commas that are not inside parentheses. */
function splitTerms(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter((t) => t.length > 0);
}

const SET_TERM = /^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/;
const EQ_TERM = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s!=()]*)$/;
const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;

function parseTerm(term: string): LabelRequirement {
  const set = SET_TERM.exec(term);
  if (set) {
    const values = set[3]
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v.length > 0);
    return { key: set[1], op: set[2] as 'in' | 'notin', values };
  }
  const eq = EQ_TERM.exec(term);
  if (eq) {
    return { key: eq[1], op: eq[2] === '!=' ? 'notin' : 'in', values: [eq[3]] };
  }
  if (term.startsWith('!') && KEY.test(term.slice(1).trim()))
    return { key: term.slice(1).trim(), op: '!exists' };
  if (KEY.test(term)) return { key: term, op: 'exists' };
  throw badRequest(`unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt`);
}

export function parseLabelSelector(s: string | undefined | null): LabelRequirement[] {
  if (!s) return [];
  return splitTerms(s).map(parseTerm);
}

function matchesRequirement(r: LabelRequirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.op) {
    case 'exists':
      return has;
    case '!exists':
      return !has;
    case 'in':
      return has && r.values.includes(labels![r.key]);
    case 'notin':
      return !(has && r.values.includes(labels![r.key]));
  }
}

export function matchesLabelRequirements(reqs: LabelRequirement[], labels: Labels): boolean {
  for (const r of reqs) {
    if (!matchesRequirement(r, labels)) return false;
  }
  return true;
}

export interface LabelSelectorExpression {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorExpression[];
}

/** One matchExpressions entry (operators are case-insensitive); an unknown operator gives none. */
function requirementFromExpression(e: LabelSelectorExpression): LabelRequirement | undefined {
  const op = e.operator.toLowerCase();
  if (op === 'in' || op === 'notin') return { key: e.key, op, values: e.values ?? [] };
  if (op === 'exists') return { key: e.key, op: 'exists' };
  if (op === 'doesnotexist') return { key: e.key, op: '!exists' };
  return undefined;
}

/** Converts a metav1.LabelSelector (as in Deployments and PDBs) into requirements. null → matches nothing. */
export function requirementsFromSelector(
  sel: LabelSelectorObject | undefined | null,
): LabelRequirement[] | null {
  if (!sel) return null;
  const reqs: LabelRequirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {}))
    reqs.push({ key, op: 'in', values: [value] });
  for (const e of sel.matchExpressions ?? []) {
    const req = requirementFromExpression(e);
    if (req) reqs.push(req);
  }
  return reqs;
}

export interface FieldRequirement {
  field: string;
  value: string;
  negate: boolean;
}

export function parseFieldSelector(s: string | undefined | null): FieldRequirement[] {
  if (!s) return [];
  return splitTerms(s).map((term) => {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(term);
    if (!m) throw badRequest(`invalid selector: '${term}'; can't understand '${term}'`);
    return { field: m[1].trim(), value: m[3].trim(), negate: m[2] === '!=' };
  });
}
