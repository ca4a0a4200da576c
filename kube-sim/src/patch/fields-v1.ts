import type { JsonObject } from './errors.ts';
import { isObject } from './json.ts';

/** One step of a field path, spelled as a FieldsV1 key: `f:name`, `k:{"name":"web"}`, `v:"x"`, `i:0`. */
export type FieldPath = readonly string[];

export const fieldElement = (name: string): string => `f:${name}`;
export const valueElement = (value: unknown): string => `v:${JSON.stringify(value)}`;

/** `k:` element for an associative-list item; key fields sorted as upstream does. */
export function keyElement(item: JsonObject, keys: readonly string[]): string {
  const sorted = [...keys].sort();
  return `k:${JSON.stringify(Object.fromEntries(sorted.map((k) => [k, item[k]])))}`;
}

/** A set of field paths (the decoded form of a managedFields entry's fieldsV1). */
export class FieldSet {
  private readonly paths = new Map<string, FieldPath>();

  constructor(paths: Iterable<FieldPath> = []) {
    for (const p of paths) this.add(p);
  }

  add(path: FieldPath): void {
    this.paths.set(JSON.stringify(path), path);
  }

  has(path: FieldPath): boolean {
    return this.paths.has(JSON.stringify(path));
  }

  get size(): number {
    return this.paths.size;
  }

  list(): FieldPath[] {
    return [...this.paths.values()];
  }

  union(other: FieldSet): FieldSet {
    return new FieldSet([...this.list(), ...other.list()]);
  }

  difference(other: FieldSet): FieldSet {
    return new FieldSet(this.list().filter((p) => !other.has(p)));
  }

  intersection(other: FieldSet): FieldSet {
    return new FieldSet(this.list().filter((p) => other.has(p)));
  }

  /** Whether this set owns `path` itself or anything below it. */
  ownsWithin(path: FieldPath): boolean {
    return this.list().some((p) => p.length >= path.length && path.every((e, i) => p[i] === e));
  }
}

function insert(tree: JsonObject, path: FieldPath): void {
  let node = tree;
  for (const element of path) {
    if (!isObject(node[element])) node[element] = {};
    node = node[element] as JsonObject;
  }
  node['.'] = {};
}

/** Drops "." markers that are the only child: a member leaf is written `{}`. */
function tidy(node: JsonObject): JsonObject {
  const keys = Object.keys(node).sort();
  if (keys.length === 1 && keys[0] === '.') return {};
  return Object.fromEntries(keys.map((k) => [k, k === '.' ? {} : tidy(node[k] as JsonObject)]));
}

export function toFieldsV1(set: FieldSet): JsonObject {
  const tree: JsonObject = {};
  for (const p of set.list()) insert(tree, p);
  return tidy(tree);
}

function collect(node: JsonObject, path: string[], out: FieldSet): void {
  const keys = Object.keys(node);
  if (keys.length === 0 || keys.includes('.')) out.add([...path]);
  for (const k of keys) {
    const child = node[k];
    if (k !== '.' && isObject(child)) collect(child, [...path, k], out);
  }
}

export function fromFieldsV1(fields: unknown): FieldSet {
  const out = new FieldSet();
  if (!isObject(fields)) return out;
  for (const [k, v] of Object.entries(fields)) if (isObject(v)) collect(v, [k], out);
  return out;
}

function formatKeyValue(json: string): string {
  const parsed: unknown = JSON.parse(json);
  if (!isObject(parsed)) return JSON.stringify(parsed);
  return Object.entries(parsed)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(',');
}

function formatElement(element: string): string {
  const body = element.slice(2);
  switch (element.slice(0, 2)) {
    case 'f:':
      return `.${body}`;
    case 'k:':
      return `[${formatKeyValue(body)}]`;
    case 'v:':
      return `[=${body}]`;
    default:
      return `[${body}]`;
  }
}

/** Upstream's fieldpath.Path.String(): `.spec.containers[name="web"].image`. */
export function formatPath(path: FieldPath): string {
  return path.map(formatElement).join('');
}
