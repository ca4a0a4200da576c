import type { JsonObject } from './errors.ts';
import { isAssociative, itemElement } from './field-walk.ts';
import type { FieldPath } from './fields-v1.ts';
import { clone, isObject } from './json.ts';
import { fieldSchema, type Schema } from './merge-keys.ts';

function elementsOf(list: unknown[], schema: Schema): (string | undefined)[] {
  return list.map((item) => itemElement(item, schema));
}

/**
 * Associative-list merge in the spirit of structured-merge-diff's visitListItems: applied items keep
 * the applied order, live-only items stay where they were relative to them.
 */
function mergeAssociative(live: unknown[], applied: unknown[], schema: Schema): unknown[] {
  const liveIds = elementsOf(live, schema);
  const appliedIds = elementsOf(applied, schema);
  const done = new Set<string | undefined>();
  const out: unknown[] = [];
  const takeApplied = (r: number): void => {
    const match = liveIds.indexOf(appliedIds[r]);
    out.push(mergeApplied(match >= 0 ? live[match] : undefined, applied[r], schema.items));
    done.add(appliedIds[r]);
  };
  const liveOnly = (id: string | undefined): boolean => id === undefined || !appliedIds.includes(id);
  let l = 0;
  let r = 0;
  while (l < live.length || r < applied.length) {
    const id = liveIds[l];
    if (l < live.length && id !== undefined && done.has(id)) l++;
    else if (l < live.length && liveOnly(id)) out.push(live[l++]);
    else if (r < applied.length) takeApplied(r++);
    else l++;
  }
  return out;
}

/** Merges an apply configuration into the live object (upstream: liveObject.Merge(configObject)). */
export function mergeApplied(live: unknown, applied: unknown, schema: Schema | undefined): unknown {
  if (isObject(applied) && !schema?.atomic) {
    const out: JsonObject = isObject(live) ? { ...live } : {};
    for (const [k, v] of Object.entries(applied)) {
      if (v !== null) out[k] = mergeApplied(out[k], v, fieldSchema(schema, k));
    }
    return out;
  }
  if (isAssociative(applied, schema) && Array.isArray(live))
    return mergeAssociative(live, applied, schema as Schema);
  return clone(applied);
}

interface Located {
  container: JsonObject | unknown[];
  schema: Schema | undefined;
}

function step(node: unknown, schema: Schema | undefined, element: string): Located | undefined {
  if (element.startsWith('f:')) {
    const name = element.slice(2);
    return isObject(node) ? { container: node, schema: fieldSchema(schema, name) } : undefined;
  }
  return Array.isArray(node) && schema ? { container: node, schema: schema.items } : undefined;
}

function childAt(
  loc: Located,
  element: string,
  parentSchema: Schema | undefined,
): number | string | undefined {
  if (!Array.isArray(loc.container)) return element.slice(2);
  if (element.startsWith('i:')) return Number(element.slice(2));
  const at = parentSchema ? elementsOf(loc.container, parentSchema).indexOf(element) : -1;
  return at >= 0 ? at : undefined;
}

function isEmpty(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
}

function removeChild(container: JsonObject | unknown[], at: number | string): void {
  if (Array.isArray(container)) container.splice(at as number, 1);
  else delete container[at as string];
}

/**
 * Removes one field from `obj` (mutating it), then drops containers the removal left empty, below the
 * top level: an apply that stops setting the last label removes `labels` too.
 */
function removePath(obj: JsonObject, root: Schema, path: FieldPath): void {
  const trail: { container: JsonObject | unknown[]; at: number | string }[] = [];
  let node: unknown = obj;
  let schema: Schema | undefined = root;
  for (const element of path) {
    const loc = step(node, schema, element);
    const at = loc && childAt(loc, element, schema);
    if (!loc || at === undefined) return;
    trail.push({ container: loc.container, at });
    node = Array.isArray(loc.container) ? loc.container[at as number] : loc.container[at as string];
    schema = loc.schema;
  }
  for (let i = trail.length - 1; i >= 0; i--) {
    const { container, at } = trail[i];
    removeChild(container, at);
    if (i === 1 || !isEmpty(container)) return;
  }
}

/** A merge-key field stays as long as its item does. */
function isItemKey(path: FieldPath): boolean {
  const last = path.at(-1) ?? '';
  const parent = path.at(-2) ?? '';
  if (!last.startsWith('f:') || !parent.startsWith('k:')) return false;
  const key: unknown = JSON.parse(parent.slice(2));
  return isObject(key) && Object.hasOwn(key, last.slice(2));
}

function isWithin(path: FieldPath, ancestor: FieldPath): boolean {
  return ancestor.length < path.length && ancestor.every((e, i) => path[i] === e);
}

/** Removes fields (outermost first; what lies under a removed field goes with it). `obj` is mutated. */
export function removePaths(obj: JsonObject, schema: Schema, paths: FieldPath[]): JsonObject {
  const ordered = [...paths].sort((a, b) => a.length - b.length);
  const done: FieldPath[] = [];
  for (const p of ordered) {
    if (isItemKey(p) || done.some((d) => isWithin(p, d))) continue;
    removePath(obj, schema, p);
    done.push(p);
  }
  return obj;
}
