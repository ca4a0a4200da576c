import { PatchError, type JsonObject } from './errors.ts';
import { clone, isObject } from './json.ts';

function merge(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = merge(out[k], v);
  }
  return out;
}

/** RFC 7386 JSON merge patch. */
export function applyMergePatch(original: JsonObject, patch: unknown): JsonObject {
  if (!isObject(patch)) throw new PatchError('invalid merge patch: the patch must be a JSON object', 400);
  return merge(clone(original), patch) as JsonObject;
}
