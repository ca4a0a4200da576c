// The JSONPath subset kubectl and the server use for additionalPrinterColumns and scale paths:
// `.a.b`, `['a.b']`, `[0]`, `[-1]`, `[*]`, `.*` and filters `[?(@.type=="Ready")]`, `[?(@.x)]`.
import { isObject } from './json.ts';
import type { JsonObject } from './types.ts';

type Literal = string | number | boolean;
type Op = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Segment =
  | { kind: 'field'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'filter'; path: Segment[]; op?: Op; literal?: Literal };

const FILTER_RE = /^@((?:\.[^.=!<>\s]+|\[[^\]]*\])*)\s*(?:(==|!=|<=|>=|<|>)\s*(.+?))?\s*$/;

function parseLiteral(raw: string): Literal {
  const quoted = /^(['"])(.*)\1$/.exec(raw);
  if (quoted) return quoted[2];
  if (raw === 'true' || raw === 'false') return raw === 'true';
  const n = Number(raw);
  return Number.isNaN(n) ? raw : n;
}

function parseFilter(expr: string): Segment {
  const m = FILTER_RE.exec(expr.trim());
  if (!m) throw new Error(`unsupported filter expression: ${expr}`);
  const seg: Segment = { kind: 'filter', path: parseSegments(m[1]) };
  if (m[2] !== undefined && m[3] !== undefined) {
    seg.op = m[2] as Op;
    seg.literal = parseLiteral(m[3]);
  }
  return seg;
}

function parseBracket(inner: string): Segment {
  const s = inner.trim();
  if (s === '*') return { kind: 'wildcard' };
  if (s.startsWith('?(') && s.endsWith(')')) return parseFilter(s.slice(2, -1));
  const quoted = /^(['"])(.*)\1$/.exec(s);
  if (quoted) return { kind: 'field', name: quoted[2] };
  if (/^-?\d+$/.test(s)) return { kind: 'index', index: Number(s) };
  throw new Error(`unsupported subscript: [${inner}]`);
}

/** Index of the `]` closing the bracket opened at `start`, skipping quoted text. */
function closingBracket(path: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < path.length; i++) {
    const c = path[i];
    if (quote !== '') quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === ']') return i;
  }
  throw new Error(`unterminated [ in ${path}`);
}

function fieldEnd(path: string, start: number): number {
  let i = start;
  while (i < path.length && path[i] !== '.' && path[i] !== '[') i++;
  return i;
}

export function parseSegments(path: string): Segment[] {
  const segs: Segment[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '[') {
      const end = closingBracket(path, i);
      segs.push(parseBracket(path.slice(i + 1, end)));
      i = end + 1;
      continue;
    }
    const start = path[i] === '.' ? i + 1 : i;
    const end = fieldEnd(path, start);
    const name = path.slice(start, end);
    if (name !== '') segs.push(name === '*' ? { kind: 'wildcard' } : { kind: 'field', name });
    i = end;
  }
  return segs;
}

/** Parses `{.a.b}`, `$.a.b` or `.a.b`. Throws on syntax it does not support. */
export function parseJsonPath(expr: string): Segment[] {
  let s = expr.trim();
  if (s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1).trim();
  if (s.startsWith('$')) s = s.slice(1);
  return parseSegments(s);
}

function compare(value: unknown, op: Op, literal: Literal): boolean {
  if (typeof value === 'number' && typeof literal === 'number') {
    const ops: Record<Op, boolean> = {
      '==': value === literal,
      '!=': value !== literal,
      '<': value < literal,
      '<=': value <= literal,
      '>': value > literal,
      '>=': value >= literal,
    };
    return ops[op];
  }
  const same = value !== undefined && value !== null && String(value) === String(literal);
  if (op === '==') return same;
  return op === '!=' ? !same : false;
}

function matchesFilter(item: unknown, seg: Extract<Segment, { kind: 'filter' }>): boolean {
  const found = evaluate(item, seg.path);
  if (seg.op === undefined || seg.literal === undefined) return found.length > 0;
  const op = seg.op;
  const literal = seg.literal;
  return found.some((v) => compare(v, op, literal));
}

function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  return isObject(v) ? Object.values(v) : [];
}

function at(v: unknown, i: number): unknown[] {
  if (!Array.isArray(v)) return [];
  const j = i < 0 ? v.length + i : i;
  return j >= 0 && j < v.length ? [v[j]] : [];
}

function step(v: unknown, seg: Segment): unknown[] {
  switch (seg.kind) {
    case 'field':
      return isObject(v) && Object.prototype.hasOwnProperty.call(v, seg.name) ? [v[seg.name]] : [];
    case 'index':
      return at(v, seg.index);
    case 'wildcard':
      return children(v);
    case 'filter':
      return children(v).filter((item) => matchesFilter(item, seg));
  }
}

/** All values the path selects; missing keys select nothing. */
export function evaluate(root: unknown, segs: Segment[]): unknown[] {
  return segs.reduce<unknown[]>((acc, seg) => acc.flatMap((v) => step(v, seg)), [root]);
}

/** How kubectl's jsonpath printer renders a value: strings raw, everything else as JSON. */
export function renderValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The first value the printer-column path selects, rendered; '' when absent or unparsable. */
export function evalPrinterColumn(obj: JsonObject, jsonPath: string): string {
  try {
    return renderValue(evaluate(obj, parseJsonPath(jsonPath))[0]);
  } catch {
    return '';
  }
}
