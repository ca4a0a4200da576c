import { PatchError, type JsonObject } from './errors.ts';
import { compareObjects, fieldSetOf } from './field-walk.ts';
import { FieldSet, formatPath, type FieldPath } from './fields-v1.ts';
import { clone, deepEqual, isObject } from './json.ts';
import {
  parseEntries,
  sameManager,
  toSeconds,
  withManagedFields,
  type ManagerEntry,
} from './managed-fields.ts';
import { schemaOrMeta, type Schema } from './merge-keys.ts';
import { mergeApplied, removePaths } from './ssa-merge.ts';

interface Conflict {
  entry: ManagerEntry;
  path: FieldPath;
}

/** Upstream's printManager, with the time left out as in conflict identities. */
function describeManager(e: ManagerEntry): string {
  let s = JSON.stringify(e.manager);
  if (e.subresource) s += ` with subresource ${JSON.stringify(e.subresource)}`;
  if (e.operation === 'Update') s += ` using ${e.apiVersion}`;
  return s;
}

function conflictMessage(conflicts: Conflict[]): string {
  if (conflicts.length === 1) {
    const [c] = conflicts;
    return `Apply failed with 1 conflict: conflict with ${describeManager(c.entry)}: ${formatPath(c.path)}`;
  }
  const lines: string[] = [];
  let current: ManagerEntry | undefined;
  for (const c of conflicts) {
    if (c.entry !== current) lines.push(`conflicts with ${describeManager(c.entry)}:`);
    current = c.entry;
    lines.push(`- ${formatPath(c.path)}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

function conflictError(conflicts: Conflict[]): PatchError {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...conflicts].sort(
    (a, b) =>
      cmp(a.entry.manager, b.entry.manager) ||
      cmp(a.entry.operation, b.entry.operation) ||
      cmp(formatPath(a.path), formatPath(b.path)),
  );
  const causes = sorted.map((c) => ({
    reason: 'FieldManagerConflict',
    message: `conflict with ${describeManager(c.entry)}`,
    field: formatPath(c.path),
  }));
  return new PatchError(conflictMessage(sorted), 409, causes);
}

function withoutManagedFields(obj: JsonObject): JsonObject {
  if (!isObject(obj.metadata) || !Object.hasOwn(obj.metadata, 'managedFields')) return obj;
  const { managedFields: _ignored, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

function sameContent(a: JsonObject, b: JsonObject): boolean {
  return deepEqual(withoutManagedFields(a), withoutManagedFields(b));
}

interface ApplyState {
  schema: Schema;
  config: JsonObject;
  live: JsonObject;
  identity: Omit<ManagerEntry, 'fields'>;
  previous: ManagerEntry | undefined;
  others: ManagerEntry[];
  set: FieldSet;
}

function prepare(args: {
  live: JsonObject | undefined;
  applied: JsonObject;
  manager: string;
  kind: string;
}): ApplyState {
  if (!isObject(args.applied)) throw new PatchError('invalid apply configuration: expected an object', 400);
  const schema = schemaOrMeta(args.kind);
  const config = withoutManagedFields(clone(args.applied));
  const identity = { manager: args.manager, operation: 'Apply', apiVersion: String(config.apiVersion ?? '') };
  const entries = parseEntries(args.live);
  const previous = entries.find((e) => sameManager(e, identity));
  const others = entries.filter((e) => e !== previous);
  const live = args.live ? clone(args.live) : {};
  return { schema, config, live, identity, previous, others, set: fieldSetOf(config, schema, 'apply') };
}

/** Merges, then removes what this manager applied before and no longer applies, unless someone else owns it. */
function mergeAndPrune(s: ApplyState): JsonObject {
  const stale = (s.previous?.fields ?? new FieldSet()).difference(s.set).list();
  const prune = stale.filter((p) => !s.others.some((o) => o.fields.ownsWithin(p)));
  return removePaths(mergeApplied(clone(s.live), s.config, s.schema) as JsonObject, s.schema, prune);
}

/** Server-side apply (upstream Updater.Apply): merge, prune, then conflicts against every other manager. */
export function applyServerSide(args: {
  live: JsonObject | undefined;
  applied: JsonObject;
  manager: string;
  force: boolean;
  kind: string;
  now: string;
}): JsonObject {
  const s = prepare(args);
  const merged = mergeAndPrune(s);
  const cmp = compareObjects(s.live, merged, s.schema, 'update');
  const touched = cmp.modified.union(cmp.added);
  const conflicts = s.others.flatMap((o) =>
    o.fields
      .intersection(touched)
      .list()
      .map((path) => ({ entry: o, path })),
  );
  if (conflicts.length > 0 && !args.force) throw conflictError(conflicts);

  const unchanged = args.live !== undefined && sameContent(s.live, merged);
  const time = unchanged && s.previous?.time ? s.previous.time : toSeconds(args.now);
  const mine: ManagerEntry = { ...s.identity, time, fields: s.set };
  const rest = s.others.map((o) => ({ ...o, fields: o.fields.difference(touched).difference(cmp.removed) }));
  return withManagedFields(merged, [mine, ...rest]);
}
