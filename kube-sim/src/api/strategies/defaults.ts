import type { JsonObject } from '../../util/json.ts';

/**
 * Sets every field of `defaults` that `target` leaves unset (undefined or null), in the table's order.
 * Values are cloned so that no two objects share a defaulted map or list.
 */
export function applyDefaults(target: JsonObject, defaults: Readonly<JsonObject>): void {
  for (const [field, value] of Object.entries(defaults)) target[field] ??= structuredClone(value);
}
