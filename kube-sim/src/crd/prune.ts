// Structural pruning: drops fields the schema does not specify, unless x-kubernetes-preserve-unknown-fields allows them.
import { asObject, child, hasOwn, index, isObject } from './json.ts';
import type { JsonObject } from './types.ts';

/** Fields every resource (the root and embedded resources) keeps whatever the schema says. */
const RESOURCE_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/** The fields of ObjectMeta; anything else under a resource's metadata is dropped, as decoding drops it. */
const OBJECT_META_FIELDS = new Set([
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
]);

function pruneMetadata(meta: unknown, path: string, pruned: string[]): unknown {
  if (!isObject(meta)) return structuredClone(meta);
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(meta)) {
    if (OBJECT_META_FIELDS.has(k)) out[k] = structuredClone(v);
    else pruned.push(child(path, k));
  }
  return out;
}

function preserves(schema: JsonObject): boolean {
  return schema['x-kubernetes-preserve-unknown-fields'] === true || schema.additionalProperties === true;
}

/** The schema governing `k`, null for "keep unpruned", undefined for "unknown". */
function schemaFor(k: string, schema: JsonObject): JsonObject | null | undefined {
  const props = asObject(schema.properties);
  if (hasOwn(props, k) && isObject(props[k])) return props[k];
  if (isObject(schema.additionalProperties)) return schema.additionalProperties;
  return preserves(schema) ? null : undefined;
}

/** The object root (path '') and embedded resources keep their type and object metadata. */
function pruneObject(obj: JsonObject, schema: JsonObject, path: string, pruned: string[]): JsonObject {
  const out: JsonObject = {};
  const isResource = path === '' || schema['x-kubernetes-embedded-resource'] === true;
  for (const [k, v] of Object.entries(obj)) {
    const p = child(path, k);
    const sub = schemaFor(k, schema);
    if (isResource && k === 'metadata') out[k] = pruneMetadata(v, p, pruned);
    else if (isResource && RESOURCE_FIELDS.has(k)) out[k] = structuredClone(v);
    else if (sub === undefined) pruned.push(p);
    else out[k] = sub === null ? structuredClone(v) : pruneValue(v, sub, p, pruned);
  }
  return out;
}

function pruneArray(arr: unknown[], schema: JsonObject, path: string, pruned: string[]): unknown[] {
  const items = schema.items;
  if (!isObject(items)) return structuredClone(arr);
  return arr.map((v, i) => pruneValue(v, items, index(path, i), pruned));
}

/**
 * Returns a pruned copy of `value`, appending the path of every dropped field to `pruned`.
 * `path` '' means `value` is a resource root.
 */
export function pruneValue(value: unknown, schema: JsonObject, path: string, pruned: string[]): unknown {
  if (schema['x-kubernetes-int-or-string'] === true) return structuredClone(value);
  if (Array.isArray(value)) return pruneArray(value, schema, path, pruned);
  if (isObject(value)) return pruneObject(value, schema, path, pruned);
  return value;
}
