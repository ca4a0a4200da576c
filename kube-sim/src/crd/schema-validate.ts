// Validation of a value against a structural openAPIV3Schema, as kube-apiserver does for custom resources.
import { validateEmbeddedResource } from './embedded.ts';
import { duplicate, forbidden, invalid, required, tooMany } from './field-errors.ts';
import { asArray, asObject, asStrings, child, deepEqual, hasOwn, index, isObject } from './json.ts';
import { checkEnum, checkFormat, checkNumber, checkString, checkType } from './schema-checks.ts';
import type { FieldCause, JsonObject } from './types.ts';

const TYPE_META = new Set(['apiVersion', 'kind']);

function isEmbedded(schema: JsonObject): boolean {
  return schema['x-kubernetes-embedded-resource'] === true;
}

function checkScalar(value: unknown, schema: JsonObject, path: string): FieldCause[] {
  if (typeof value === 'string') return checkString(value, schema, path);
  if (typeof value === 'number') return checkNumber(value, schema, path);
  return [];
}

function subSchemas(schema: JsonObject, k: string): JsonObject[] {
  return asArray(schema[k]).filter(isObject);
}

/** go-openapi's composite errors carry no field; kube-apiserver reports them at field "<nil>". */
function composite(path: string, what: string): FieldCause {
  return invalid('<nil>', '', `${JSON.stringify(path)} ${what}`);
}

/** The failures of the branch that came closest (fewest errors; the first on ties). */
function bestFailures(results: FieldCause[][]): FieldCause[] {
  return results.reduce((best, r) => (r.length < best.length ? r : best), results[0] ?? []);
}

function checkAnyOf(value: unknown, schema: JsonObject, path: string): FieldCause[] {
  const branches = subSchemas(schema, 'anyOf');
  if (branches.length === 0) return [];
  const results = branches.map((s) => validateNode(value, s, path, false));
  if (results.some((r) => r.length === 0)) return [];
  return [composite(path, 'must validate at least one schema (anyOf)'), ...bestFailures(results)];
}

function checkOneOf(value: unknown, schema: JsonObject, path: string): FieldCause[] {
  const branches = subSchemas(schema, 'oneOf');
  if (branches.length === 0) return [];
  const results = branches.map((s) => validateNode(value, s, path, false));
  const valid = results.filter((r) => r.length === 0).length;
  if (valid === 1) return [];
  if (valid > 1) {
    return [
      composite(path, `must validate one and only one schema (oneOf). Found ${valid} valid alternatives`),
    ];
  }
  return [
    composite(path, 'must validate one and only one schema (oneOf). Found none valid'),
    ...bestFailures(results),
  ];
}

function checkAllOf(value: unknown, schema: JsonObject, path: string): FieldCause[] {
  const results = subSchemas(schema, 'allOf').map((s) => validateNode(value, s, path, false));
  const valid = results.filter((r) => r.length === 0).length;
  if (valid === results.length) return [];
  const suffix = valid === 0 ? '. None validated' : '';
  return [...results.flat(), composite(path, `must validate all the schemas (allOf)${suffix}`)];
}

function checkJunctors(value: unknown, schema: JsonObject, path: string): FieldCause[] {
  const out = [
    ...checkAnyOf(value, schema, path),
    ...checkOneOf(value, schema, path),
    ...checkAllOf(value, schema, path),
  ];
  if (isObject(schema.not) && validateNode(value, schema.not, path, false).length === 0) {
    out.push(composite(path, 'must not validate the schema (not)'));
  }
  return out;
}

function checkItemCount(arr: unknown[], schema: JsonObject, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  if (typeof schema.maxItems === 'number' && arr.length > schema.maxItems) {
    out.push(tooMany(path, arr.length, schema.maxItems));
  }
  if (typeof schema.minItems === 'number' && arr.length < schema.minItems) {
    out.push(invalid(path, arr.length, `${path} in body should have at least ${schema.minItems} items`));
  }
  return out;
}

function checkUniqueItems(arr: unknown[], schema: JsonObject, path: string): FieldCause[] {
  if (schema.uniqueItems !== true) return [];
  const dup = arr.some((v, i) => arr.slice(0, i).some((w) => deepEqual(v, w)));
  return dup ? [invalid(path, '', `${path} in body shouldn't contain duplicates`)] : [];
}

/** x-kubernetes-list-type set/map: the identity of an item is the item itself or its map keys. */
function listIdentity(item: unknown, schema: JsonObject): unknown {
  if (schema['x-kubernetes-list-type'] !== 'map' || !isObject(item)) return item;
  const id: JsonObject = {};
  for (const k of asStrings(schema['x-kubernetes-list-map-keys'])) {
    if (hasOwn(item, k)) id[k] = item[k];
  }
  return id;
}

function checkListType(arr: unknown[], schema: JsonObject, path: string): FieldCause[] {
  const listType = schema['x-kubernetes-list-type'];
  if (listType !== 'set' && listType !== 'map') return [];
  const ids = arr.map((v) => listIdentity(v, schema));
  const out: FieldCause[] = [];
  ids.forEach((id, i) => {
    if (ids.slice(0, i).some((prev) => deepEqual(prev, id))) out.push(duplicate(index(path, i), id));
  });
  return out;
}

function validateArray(arr: unknown[], schema: JsonObject, path: string): FieldCause[] {
  const out = [
    ...checkItemCount(arr, schema, path),
    ...checkUniqueItems(arr, schema, path),
    ...checkListType(arr, schema, path),
  ];
  const items = schema.items;
  if (isObject(items)) arr.forEach((v, i) => out.push(...validateNode(v, items, index(path, i), false)));
  return out;
}

function checkObjectShape(obj: JsonObject, schema: JsonObject, path: string): FieldCause[] {
  const out = asStrings(schema.required)
    .filter((k) => !hasOwn(obj, k))
    .map((k) => required(child(path, k)));
  const count = Object.keys(obj).length;
  if (typeof schema.maxProperties === 'number' && count > schema.maxProperties) {
    out.push(tooMany(path, count, schema.maxProperties));
  }
  if (typeof schema.minProperties === 'number' && count < schema.minProperties) {
    out.push(invalid(path, count, `${path} in body should have at least ${schema.minProperties} properties`));
  }
  return out;
}

interface Parent {
  schema: JsonObject;
  path: string;
  /** The parent is a resource (root or embedded): its metadata and type meta are not the schema's. */
  resource: boolean;
}

function validateProperty(k: string, v: unknown, { schema, path, resource }: Parent): FieldCause[] {
  // metadata of a resource is ObjectMeta, validated by the server's generic object-meta rules.
  if (resource && k === 'metadata') return [];
  const p = child(path, k);
  const props = asObject(schema.properties);
  if (hasOwn(props, k) && isObject(props[k])) return validateNode(v, props[k], p, false);
  const additional = schema.additionalProperties;
  if (isObject(additional)) return validateNode(v, additional, p, false);
  if (additional === false && !(resource && TYPE_META.has(k))) {
    return [forbidden(p, `${p} in body is a forbidden property`)];
  }
  return [];
}

function validateObject(obj: JsonObject, schema: JsonObject, path: string, resource: boolean): FieldCause[] {
  const embedded = isEmbedded(schema);
  const out = checkObjectShape(obj, schema, path);
  if (embedded) out.push(...validateEmbeddedResource(obj, path));
  const parent = { schema, path, resource: resource || embedded };
  for (const [k, v] of Object.entries(obj)) out.push(...validateProperty(k, v, parent));
  return out;
}

/** Validates `value` at field path `path`; `resource` marks the object root, whose metadata is left alone. */
export function validateNode(
  value: unknown,
  schema: JsonObject,
  path: string,
  resource: boolean,
): FieldCause[] {
  const typeError = checkType(value, schema, path);
  if (value === null || value === undefined) return typeError ? [typeError] : [];
  // like go-openapi, a type mismatch still reports enum and junctor failures, but no kind-specific checks
  if (typeError) return [typeError, ...checkEnum(value, schema, path), ...checkJunctors(value, schema, path)];
  const out = [
    ...checkFormat(value, schema, path),
    ...checkEnum(value, schema, path),
    ...checkScalar(value, schema, path),
    ...checkJunctors(value, schema, path),
  ];
  if (Array.isArray(value)) out.push(...validateArray(value, schema, path));
  else if (isObject(value)) out.push(...validateObject(value, schema, path, resource));
  return out;
}
