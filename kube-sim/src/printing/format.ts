import type { JsonObject, TableColumn } from './types.ts';

export function rec(v: unknown): JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : {};
}

export function list(v: unknown): JsonObject[] {
  return Array.isArray(v) ? v.map(rec) : [];
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** Walks nested records: at(obj, 'status', 'phase'). */
export function at(obj: unknown, ...keys: string[]): unknown {
  let cur: unknown = obj;
  for (const k of keys) cur = rec(cur)[k];
  return cur;
}

export function orNone(s: string, none = '<none>'): string {
  return s === '' ? none : s;
}

/** kubectl's HumanDuration (k8s.io/apimachinery/pkg/util/duration). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) return withRest(minutes, 'm', seconds % 60, 's');
  if (minutes < 180) return `${minutes}m`;
  return humanHours(Math.trunc(minutes / 60), minutes % 60);
}

function humanHours(hours: number, minuteRest: number): string {
  if (hours < 8) return withRest(hours, 'h', minuteRest, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) return withRest(days, 'd', hours % 24, 'h');
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) return withRest(years, 'y', days % 365, 'd');
  return `${years}y`;
}

function withRest(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big}${bigUnit}` : `${big}${bigUnit}${small}${smallUnit}`;
}

/** Age of an RFC 3339 timestamp, "<unknown>" when absent (translateTimestampSince). */
export function since(ts: unknown, now: number): string {
  const t = typeof ts === 'string' && ts !== '' ? Date.parse(ts) : NaN;
  return Number.isNaN(t) ? '<unknown>' : humanDuration(now - t);
}

export function age(obj: JsonObject, now: number): string {
  return since(at(obj, 'metadata', 'creationTimestamp'), now);
}

export function name(obj: JsonObject): string {
  return str(at(obj, 'metadata', 'name'));
}

/** labels.FormatLabels / metav1.FormatLabelSelector-like "k=v,k2=v2", "<none>" when empty. */
export function formatLabels(m: unknown): string {
  const entries = Object.entries(rec(m))
    .map(([k, v]) => `${k}=${str(v)}`)
    .sort();
  return orNone(entries.join(','));
}

export function formatSelector(sel: unknown): string {
  const s = rec(sel);
  const parts = Object.entries(rec(s.matchLabels)).map(([k, v]) => `${k}=${str(v)}`);
  for (const e of list(s.matchExpressions)) parts.push(formatRequirement(e));
  return orNone(parts.join(','));
}

function formatRequirement(e: JsonObject): string {
  const key = str(e.key);
  const values = strings(e.values).join(',');
  switch (str(e.operator)) {
    case 'In':
      return `${key} in (${values})`;
    case 'NotIn':
      return `${key} notin (${values})`;
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
    default:
      return `${key} ${str(e.operator)} (${values})`;
  }
}

/** Containers and Images cells for the -o wide columns of workload kinds. */
export function containersAndImages(podSpec: unknown): [string, string] {
  const containers = list(rec(podSpec).containers);
  return [containers.map((c) => str(c.name)).join(','), containers.map((c) => str(c.image)).join(',')];
}

export function col(colName: string, type: string, description: string, priority = 0): TableColumn {
  return { name: colName, type, format: colName === 'Name' ? 'name' : '', description, priority };
}

export const NAME_DESC =
  'Name must be unique within a namespace. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
export const AGE_DESC =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is represented in RFC3339 form and is in UTC.';

export const nameCol = (): TableColumn => col('Name', 'string', NAME_DESC);
export const ageCol = (): TableColumn => col('Age', 'string', AGE_DESC);
