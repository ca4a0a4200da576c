import type { JsonObject } from '../util/json.ts';
import { recordUpdateManager } from '../patch/index.ts';
import { microTime } from '../util/clock.ts';

/** Records an Update manager's ownership, as kube-apiserver does for every write with a fieldManager. */
export function recordManager(before: JsonObject | undefined, after: JsonObject, manager: string | undefined, now: number): JsonObject {
  if (!manager) return after;
  return recordUpdateManager({ before, after, manager, now: microTime(now).replace(/\.\d+Z$/, 'Z'), kind: String(after.kind) });
}
