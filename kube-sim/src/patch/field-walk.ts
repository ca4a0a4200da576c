import { PatchError, type JsonObject } from './errors.ts';
import { FieldSet, fieldElement, formatPath, keyElement, valueElement, type FieldPath } from './fields-v1.ts';
import { deepEqual, isObject } from './json.ts';
import { fieldSchema, type Schema } from './merge-keys.ts';

/**
 * 'apply' follows upstream's ToFieldSet (leaves and list items); 'update' also makes free-form maps
 * (labels, data) members, which is where upstream's Update entries show `".": {}`.
 */
export type SetMode = 'apply' | 'update';

const STRIPPED_META = new Set([
  'name',
  'namespace',
  'creationTimestamp',
  'selfLink',
  'uid',
  'generation',
  'managedFields',
  'resourceVersion',
]);

/** Fields the API server never attributes to a manager (upstream's stripMeta set). */
function stripped(path: FieldPath): boolean {
  if (path.length === 1)
    return path[0] === 'f:apiVersion' || path[0] === 'f:kind' || path[0] === 'f:metadata';
  return path[0] === 'f:metadata' && STRIPPED_META.has(path[1].slice(2));
}

function isMapNode(value: unknown, schema: Schema | undefined): value is JsonObject {
  return isObject(value) && !schema?.atomic && Object.keys(value).length > 0;
}

export function isAssociative(value: unknown, schema: Schema | undefined): value is unknown[] {
  return Array.isArray(value) && (schema?.list === 'set' || (schema?.list === 'map' && !!schema.key));
}

/** The `k:`/`v:` element naming a list item, or undefined when the item cannot be keyed. */
export function itemElement(item: unknown, schema: Schema): string | undefined {
  if (schema.list === 'set') return valueElement(item);
  const key = schema.key ?? '';
  return isObject(item) && Object.hasOwn(item, key) ? keyElement(item, [key]) : undefined;
}

function addMember(out: FieldSet, path: FieldPath): void {
  if (path.length > 0 && !stripped(path)) out.add(path);
}

interface Collect {
  schema: Schema | undefined;
  path: FieldPath;
  mode: SetMode;
  into: FieldSet;
  /** Apply configurations must key every list item once, as upstream's typed conversion requires. */
  strict?: boolean;
}

function invalidItem(c: Collect, problem: string): PatchError {
  return new PatchError(`failed to create typed patch object: ${formatPath(c.path)}: ${problem}`, 422);
}

function itemPath(item: unknown, index: number, c: Collect, seen: Set<string>): FieldPath | undefined {
  const schema = c.schema as Schema;
  const element = itemElement(item, schema);
  if (c.strict && element === undefined) {
    const key = JSON.stringify(schema.key);
    throw invalidItem(
      c,
      `element ${index}: associative list with keys has an element that omits key field ${key}`,
    );
  }
  if (element === undefined) return undefined;
  const path = [...c.path, element];
  if (c.strict && seen.has(element))
    throw invalidItem(c, `duplicate entries for key ${formatPath([element])}`);
  seen.add(element);
  return path;
}

function collectList(list: unknown[], c: Collect): void {
  const schema = c.schema as Schema;
  const seen = new Set<string>();
  for (const [index, item] of list.entries()) {
    const path = itemPath(item, index, c, seen);
    if (path === undefined) continue;
    addMember(c.into, path);
    if (schema.list === 'map' && isObject(item)) collectMap(item, { ...c, schema: schema.items, path });
  }
}

function collectMap(obj: JsonObject, c: Collect): void {
  for (const [k, v] of Object.entries(obj)) {
    if (v !== null)
      collectValue(v, { ...c, schema: fieldSchema(c.schema, k), path: [...c.path, fieldElement(k)] });
  }
}

function collectValue(value: unknown, c: Collect): void {
  if (isMapNode(value, c.schema)) {
    if (c.mode === 'update' && c.schema?.granular) addMember(c.into, c.path);
    collectMap(value, c);
  } else if (isAssociative(value, c.schema)) {
    collectList(value, c);
  } else {
    addMember(c.into, c.path);
  }
}

/** The fields an object sets, as server-side apply attributes them. */
export function fieldSetOf(obj: JsonObject, schema: Schema, mode: SetMode): FieldSet {
  const into = new FieldSet();
  collectMap(obj, { schema, path: [], mode, into, strict: mode === 'apply' });
  return into;
}

export interface Comparison {
  modified: FieldSet;
  added: FieldSet;
  removed: FieldSet;
}

interface Walk {
  schema: Schema | undefined;
  path: FieldPath;
  mode: SetMode;
  out: Comparison;
}

function compareMaps(a: JsonObject, b: JsonObject, w: Walk): void {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const child: Walk = { ...w, schema: fieldSchema(w.schema, k), path: [...w.path, fieldElement(k)] };
    compareValues(a[k] ?? null, b[k] ?? null, child);
  }
}

function indexItems(list: unknown[], schema: Schema): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const item of list) {
    const element = itemElement(item, schema);
    if (element !== undefined && !out.has(element)) out.set(element, item);
  }
  return out;
}

function compareLists(a: unknown[], b: unknown[], w: Walk): void {
  const schema = w.schema as Schema;
  const left = indexItems(a, schema);
  const right = indexItems(b, schema);
  for (const [element, item] of [...left, ...right]) {
    const child: Walk = { ...w, schema: schema.items, path: [...w.path, element] };
    if (!right.has(element)) collectValueAsItem(item, child, w.out.removed);
    else if (!left.has(element)) collectValueAsItem(item, child, w.out.added);
    else if (left.get(element) !== item && schema.list === 'map')
      compareValues(left.get(element), item, child);
  }
}

function collectValueAsItem(item: unknown, w: Walk, into: FieldSet): void {
  addMember(into, w.path);
  if (isObject(item)) collectMap(item, { schema: w.schema, path: w.path, mode: w.mode, into });
}

function bothMaps(a: unknown, b: unknown, schema: Schema | undefined): [JsonObject, JsonObject] | undefined {
  return isObject(a) && isObject(b) && !schema?.atomic ? [a, b] : undefined;
}

function compareValues(a: unknown, b: unknown, w: Walk): void {
  if (a === null && b === null) return;
  const c = { schema: w.schema, path: w.path, mode: w.mode };
  if (a === null) return collectValue(b, { ...c, into: w.out.added });
  if (b === null) return collectValue(a, { ...c, into: w.out.removed });
  const maps = bothMaps(a, b, w.schema);
  if (maps) return compareMaps(maps[0], maps[1], w);
  if (isAssociative(a, w.schema) && isAssociative(b, w.schema)) return compareLists(a, b, w);
  if (!deepEqual(a, b)) addMember(w.out.modified, w.path);
}

/** Upstream's TypedValue.Compare: which fields an update modified, added and removed. */
export function compareObjects(
  before: JsonObject,
  after: JsonObject,
  schema: Schema,
  mode: SetMode,
): Comparison {
  const out: Comparison = { modified: new FieldSet(), added: new FieldSet(), removed: new FieldSet() };
  compareMaps(before, after, { schema, path: [], mode, out });
  return out;
}
