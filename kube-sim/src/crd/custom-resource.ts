import { applyDefaults } from './defaulting.ts';
import { asObject } from './json.ts';
import { pruneValue } from './prune.ts';
import { validateNode } from './schema-validate.ts';
import type { CrdVersionInfo, FieldCause, JsonObject } from './types.ts';

/** Validates a custom resource against its version's schema. Object metadata is left to the caller. */
export function validateCustomResource(obj: JsonObject, info: CrdVersionInfo): FieldCause[] {
  return info.schema ? validateNode(obj, info.schema, '', true) : [];
}

/**
 * Prunes fields the schema does not specify, then applies schema defaults. `unknownFields` lists the
 * pruned paths (`spec.foo`, `spec.items[0].bar`) for fieldValidation=Strict|Warn.
 */
export function defaultAndPrune(
  obj: JsonObject,
  info: CrdVersionInfo,
): { object: JsonObject; unknownFields: string[] } {
  if (!info.schema) return { object: structuredClone(obj), unknownFields: [] };
  const unknownFields: string[] = [];
  const pruned = pruneValue(obj, info.schema, '', unknownFields);
  return { object: asObject(applyDefaults(pruned, info.schema, true)), unknownFields };
}
