// Structural defaulting: fills `default`s of absent fields and drops nulls the schema does not allow.
import { asObject, hasOwn, isObject } from './json.ts';
import type { JsonObject } from './types.ts';

function isNonNullableNull(v: unknown, schema: JsonObject): boolean {
  return v === null && schema.nullable !== true;
}

function propertySchema(k: string, schema: JsonObject): JsonObject | undefined {
  const props = asObject(schema.properties);
  if (hasOwn(props, k) && isObject(props[k])) return props[k];
  return isObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
}

/** A null where null is not allowed counts as absent: it takes the default, or is dropped. */
function fillDefaults(obj: JsonObject, schema: JsonObject): JsonObject {
  const out = { ...obj };
  for (const [k, sub] of Object.entries(asObject(schema.properties))) {
    if (!isObject(sub) || !hasOwn(sub, 'default')) continue;
    if (!hasOwn(out, k) || isNonNullableNull(out[k], sub)) out[k] = structuredClone(sub.default);
  }
  for (const [k, v] of Object.entries(out)) {
    const sub = propertySchema(k, schema);
    if (sub && isNonNullableNull(v, sub)) delete out[k];
  }
  return out;
}

function defaultObject(obj: JsonObject, schema: JsonObject, resource: boolean): JsonObject {
  const out = fillDefaults(obj, schema);
  for (const [k, v] of Object.entries(out)) {
    const sub = propertySchema(k, schema);
    // defaults are forbidden inside metadata, and ObjectMeta is not the schema's to shape
    if (sub && !(resource && k === 'metadata')) out[k] = applyDefaults(v, sub);
  }
  return out;
}

function defaultArray(arr: unknown[], schema: JsonObject): unknown[] {
  const items = schema.items;
  if (!isObject(items)) return arr;
  return arr.map((v) => {
    const filled =
      isNonNullableNull(v, items) && hasOwn(items, 'default') ? structuredClone(items.default) : v;
    return applyDefaults(filled, items);
  });
}

/** Returns a defaulted copy of `value` (shares untouched leaves with the input; never mutates it). */
export function applyDefaults(value: unknown, schema: JsonObject, resource = false): unknown {
  if (Array.isArray(value)) return defaultArray(value, schema);
  if (isObject(value))
    return defaultObject(value, schema, resource || schema['x-kubernetes-embedded-resource'] === true);
  return value;
}
