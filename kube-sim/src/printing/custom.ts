import { nameCol, rec, since } from './format.ts';
import type { JsonObject, Printer, TableColumn } from './types.ts';

export interface CustomColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  priority?: number;
  format?: string;
}

export type EvalPath = (obj: JsonObject, jsonPath: string) => string;

/** Minimal JSONPath for printer columns: ".a.b", ".a[0].b", ".a['x.y']", optionally wrapped in {…}. */
export function simpleJsonPath(obj: unknown, jsonPath: string): unknown {
  const path = jsonPath.trim().replace(/^\{(.*)\}$/, '$1');
  const tokens = path.match(/\[\s*'[^']*'\s*\]|\[\s*"[^"]*"\s*\]|\[\s*\d+\s*\]|[^.[\]]+/g) ?? [];
  let cur: unknown = obj;
  for (const raw of tokens) {
    const t = raw.replace(/^\[\s*['"]?|['"]?\s*\]$/g, '');
    if (Array.isArray(cur)) cur = /^\d+$/.test(t) ? cur[Number(t)] : undefined;
    else cur = rec(cur)[t];
    if (cur === undefined || cur === null) return undefined;
  }
  return tokens.length === 0 ? undefined : cur;
}

const CELL_TYPES: Record<string, (v: unknown, now: number) => unknown> = {
  integer: (v) => (typeof v === 'number' && Number.isInteger(v) ? v : null),
  number: (v) => (typeof v === 'number' ? v : null),
  boolean: (v) => (typeof v === 'boolean' ? v : null),
  date: (v, now) => (typeof v === 'string' ? since(v, now) : null),
  string: (v) => (typeof v === 'string' ? v : JSON.stringify(v)),
};

/** Cell typing as the apiextensions table convertor does (cellForJSONValue). */
export function typedCell(type: string, value: unknown, now: number): unknown {
  if (value === undefined || value === null) return null;
  const convert = CELL_TYPES[type];
  return convert === undefined ? null : convert(value, now);
}

/** evalPath gives strings; bring them back to the column's JSON type before typing the cell. */
function fromString(type: string, s: string): unknown {
  if (s === '') return null;
  if (type === 'integer' || type === 'number') return Number.isNaN(Number(s)) ? null : Number(s);
  if (type === 'boolean') return s === 'true' ? true : s === 'false' ? false : null;
  return s;
}

export function customPrinter(columns: CustomColumn[], evalPath?: EvalPath): Printer {
  const defs: CustomColumn[] =
    columns.length > 0 ? columns : [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }];
  const tableColumns: TableColumn[] = defs.map((c) => ({
    name: c.name,
    type: c.type,
    format: c.format ?? '',
    description: c.description ?? `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
    priority: c.priority ?? 0,
  }));
  return {
    columns: [nameCol(), ...tableColumns],
    cells(obj, now) {
      const values = defs.map((c) => {
        const v =
          evalPath === undefined
            ? simpleJsonPath(obj, c.jsonPath)
            : fromString(c.type, evalPath(obj, c.jsonPath));
        return typedCell(c.type, v, now);
      });
      return [rec(obj.metadata).name ?? '', ...values];
    },
  };
}
