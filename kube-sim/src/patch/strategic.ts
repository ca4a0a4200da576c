import { PatchError, type JsonObject } from './errors.ts';
import { clone, isObject } from './json.ts';
import { indexIn, normalizeOrder } from './list-order.ts';
import { fieldSchema, schemaForKind, type Schema } from './merge-keys.ts';

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';

/** The message upstream's apiextensions-apiserver gives for a strategic merge patch of a custom resource. */
export const UNSUPPORTED_FOR_CUSTOM_RESOURCES =
  'the body of the request was in an unknown format - accepted media types include: ' +
  'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml';

function isDirectiveKey(key: string): boolean {
  return (
    key === DIRECTIVE || key === RETAIN_KEYS || key.startsWith(SET_ORDER) || key.startsWith(DELETE_PRIMITIVE)
  );
}

function badPatchType(directive: unknown): PatchError {
  return new PatchError(`unknown patch type: ${JSON.stringify(directive)} in map`, 400);
}

function retainKeys(out: JsonObject, patch: JsonObject): JsonObject {
  if (!Object.hasOwn(patch, RETAIN_KEYS)) return out;
  const keep = patch[RETAIN_KEYS];
  if (!Array.isArray(keep)) throw new PatchError('invalid patch format of retainKeys', 400);
  const retained = new Set(keep);
  for (const [k, v] of Object.entries(patch)) {
    if (v !== null && !isDirectiveKey(k) && !retained.has(k)) {
      throw new PatchError('invalid patch format of retainKeys', 400);
    }
  }
  return Object.fromEntries(Object.entries(out).filter(([k]) => retained.has(k)));
}

/** A value new to the object: merged into nothing, which drops nulls and directives. */
function fresh(value: unknown, schema: Schema | undefined): unknown {
  return mergeValue(undefined, value, schema);
}

function mergeValue(original: unknown, patch: unknown, schema: Schema | undefined): unknown {
  if (isObject(patch)) return mergeMap(isObject(original) ? original : {}, patch, schema);
  if (Array.isArray(patch) && !Array.isArray(original) && schema?.list === 'set') return [...patch];
  if (Array.isArray(patch)) return mergeList(Array.isArray(original) ? original : [], patch, schema);
  return patch;
}

function mergeList(original: unknown[], patch: unknown[], schema: Schema | undefined): unknown[] {
  if (schema?.list === 'map' && schema.key) return mergeKeyedList(original, patch, schema.key, schema.items);
  if (schema?.list === 'set') return mergePrimitiveList(original, patch);
  return patch.map((v) => fresh(v, schema?.items));
}

function mergePrimitiveList(original: unknown[], patch: unknown[]): unknown[] {
  if (patch.some((v) => typeof v === 'object' && v !== null)) {
    throw new PatchError('invalid patch format of primitive list', 400);
  }
  const merged = [...original];
  for (const v of patch) if (!merged.includes(v)) merged.push(v);
  return normalizeOrder(merged, patch, original, undefined);
}

function requireKey(item: unknown, key: string): JsonObject {
  if (!isObject(item) || !Object.hasOwn(item, key)) {
    throw new PatchError(`map: ${JSON.stringify(item)} does not contain declared merge key: ${key}`, 422);
  }
  return item;
}

interface SpecialElements {
  remaining: JsonObject[];
  original: unknown[];
  replace: boolean;
}

function applySpecialElements(original: unknown[], patch: unknown[], key: string): SpecialElements {
  const result: SpecialElements = { remaining: [], original, replace: false };
  for (const raw of patch) {
    const directive = isObject(raw) ? raw[DIRECTIVE] : undefined;
    if (directive === undefined) result.remaining.push(requireKey(raw, key));
    else if (directive === 'delete') {
      const item = requireKey(raw, key);
      result.original = result.original.filter((o) => indexIn([item], o, key) < 0);
    } else if (directive === 'replace') result.replace = true;
    else if (directive === 'merge')
      throw new PatchError('merging lists cannot yet be specified in the patch', 422);
    else throw badPatchType(directive);
  }
  return result;
}

function mergeKeyedList(
  original: unknown[],
  patch: unknown[],
  key: string,
  items: Schema | undefined,
): unknown[] {
  const special = applySpecialElements(original, patch, key);
  if (special.replace) return special.remaining.map((v) => fresh(v, items));
  const merged = [...special.original];
  for (const item of special.remaining) {
    const at = indexIn(merged, item, key);
    const base = merged[at];
    if (at >= 0 && isObject(base)) merged[at] = mergeMap(base, item, items);
    else merged.push(fresh(item, items));
  }
  return normalizeOrder(merged, special.remaining, special.original, key);
}

function listOrUndefined(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new PatchError('invalid patch format of setElementOrder list', 400);
  return value;
}

/** Upstream's validatePatchWithSetOrderList: the patch list must follow the $setElementOrder order. */
function checkOrder(listPatch: unknown[], order: unknown[], key: string | undefined): void {
  const items = listPatch.filter((v) => !(isObject(v) && Object.hasOwn(v, DIRECTIVE)));
  let o = 0;
  for (const item of items) {
    while (o < order.length && indexIn([order[o]], item, key) < 0) o++;
    if (o >= order.length) {
      throw new PatchError(
        `The order in patch list doesn't match $setElementOrder list: ${JSON.stringify(order)}`,
        422,
      );
    }
    o++;
  }
}

function orderedMerge(out: JsonObject, patch: JsonObject, field: string, schema: Schema | undefined): void {
  const order = listOrUndefined(patch[SET_ORDER + field]) ?? [];
  const current = Array.isArray(out[field]) ? (out[field] as unknown[]) : [];
  const listPatch = listOrUndefined(patch[field]);
  if (!Object.hasOwn(out, field) && !listPatch) return;
  const key = schema?.list === 'map' ? schema.key : undefined;
  if (listPatch) checkOrder(listPatch, order, key);
  const merged = listPatch ? mergeList(current, listPatch, schema) : current;
  out[field] = normalizeOrder(merged, order, current, key);
}

function deleteFromPrimitiveList(out: JsonObject, field: string, toDelete: unknown): void {
  if (!Array.isArray(toDelete)) throw new PatchError('invalid patch format of primitive list', 400);
  const current = out[field];
  if (Array.isArray(current)) out[field] = current.filter((v) => !toDelete.includes(v));
}

function setField(out: JsonObject, key: string, value: unknown, schema: Schema | undefined): void {
  if (value === null) delete out[key];
  else out[key] = Object.hasOwn(out, key) ? mergeValue(out[key], value, schema) : fresh(value, schema);
}

function mergeMap(original: JsonObject, patch: JsonObject, schema: Schema | undefined): JsonObject {
  if (Object.hasOwn(patch, DIRECTIVE)) {
    const directive = patch[DIRECTIVE];
    if (directive === 'delete') return {};
    const rest = Object.fromEntries(Object.entries(patch).filter(([k]) => k !== DIRECTIVE));
    if (directive === 'replace') return mergeMap({}, rest, schema);
    if (directive !== 'merge') throw badPatchType(directive);
    return mergeMap(original, rest, schema);
  }
  const out = retainKeys({ ...original }, patch);
  const ordered = new Set<string>();
  for (const k of Object.keys(patch).filter((k) => k.startsWith(SET_ORDER))) {
    const field = k.slice(SET_ORDER.length);
    orderedMerge(out, patch, field, fieldSchema(schema, field));
    ordered.add(field);
  }
  for (const [k, v] of Object.entries(patch)) {
    if (!isDirectiveKey(k) && !ordered.has(k)) setField(out, k, v, fieldSchema(schema, k));
  }
  for (const k of Object.keys(patch).filter((k) => k.startsWith(DELETE_PRIMITIVE))) {
    deleteFromPrimitiveList(out, k.slice(DELETE_PRIMITIVE.length), patch[k]);
  }
  return out;
}

/** Strategic merge patch for built-in kinds; custom resources are refused with 415 as upstream does. */
export function applyStrategicMergePatch(original: JsonObject, patch: unknown, kind: string): JsonObject {
  const schema = schemaForKind(kind);
  if (!schema) throw new PatchError(UNSUPPORTED_FOR_CUSTOM_RESOURCES, 415);
  if (!isObject(patch)) throw new PatchError('invalid JSON document', 400);
  return mergeMap(clone(original), clone(patch), schema);
}
