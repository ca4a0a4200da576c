import type { JsonObject } from './errors.ts';
import { compareObjects } from './field-walk.ts';
import { FieldSet, fromFieldsV1, toFieldsV1 } from './fields-v1.ts';
import { clone, isObject } from './json.ts';
import { schemaOrMeta } from './merge-keys.ts';

export interface ManagerEntry {
  manager: string;
  operation: string;
  apiVersion: string;
  time?: string;
  subresource?: string;
  fields: FieldSet;
}

/** managedFields times are RFC 3339 with whole seconds. */
export function toSeconds(now: string): string {
  return now.replace(/\.\d+Z$/, 'Z');
}

function metadataOf(obj: JsonObject | undefined): JsonObject {
  return isObject(obj?.metadata) ? obj.metadata : {};
}

export function hasManagedFields(obj: JsonObject | undefined): boolean {
  return Array.isArray(metadataOf(obj).managedFields);
}

function parseEntry(raw: unknown): ManagerEntry | undefined {
  if (!isObject(raw) || typeof raw.manager !== 'string' || typeof raw.operation !== 'string')
    return undefined;
  const entry: ManagerEntry = {
    manager: raw.manager,
    operation: raw.operation,
    apiVersion: typeof raw.apiVersion === 'string' ? raw.apiVersion : '',
    fields: fromFieldsV1(raw.fieldsV1),
  };
  if (typeof raw.time === 'string') entry.time = raw.time;
  if (typeof raw.subresource === 'string' && raw.subresource) entry.subresource = raw.subresource;
  return entry;
}

export function parseEntries(obj: JsonObject | undefined): ManagerEntry[] {
  const raw = metadataOf(obj).managedFields;
  if (!Array.isArray(raw)) return [];
  return raw.map(parseEntry).filter((e): e is ManagerEntry => e !== undefined);
}

/** Upstream's manager identity: Update entries are also distinguished by apiVersion. */
export function sameManager(a: ManagerEntry, b: Omit<ManagerEntry, 'fields'>): boolean {
  const sameVersion = a.operation !== 'Update' || a.apiVersion === b.apiVersion;
  return (
    a.manager === b.manager &&
    a.operation === b.operation &&
    (a.subresource ?? '') === (b.subresource ?? '') &&
    sameVersion
  );
}

function compareEntries(p: ManagerEntry, q: ManagerEntry): number {
  const keys: [string, string][] = [
    [p.operation, q.operation],
    [p.time ?? '', q.time ?? ''],
    [p.manager, q.manager],
    [p.apiVersion, q.apiVersion],
    [p.subresource ?? '', q.subresource ?? ''],
  ];
  for (const [a, b] of keys) if (a !== b) return a < b ? -1 : 1;
  return 0;
}

function encodeEntry(e: ManagerEntry): JsonObject {
  const out: JsonObject = { manager: e.manager, operation: e.operation, apiVersion: e.apiVersion };
  if (e.time) out.time = e.time;
  out.fieldsType = 'FieldsV1';
  out.fieldsV1 = toFieldsV1(e.fields);
  if (e.subresource) out.subresource = e.subresource;
  return out;
}

/** Writes entries back in upstream's order (operation, time, manager), dropping entries that own nothing. */
export function withManagedFields(obj: JsonObject, entries: ManagerEntry[]): JsonObject {
  const encoded = entries
    .filter((e) => e.fields.size > 0)
    .sort(compareEntries)
    .map(encodeEntry);
  const metadata: JsonObject = { ...metadataOf(obj) };
  if (encoded.length > 0) metadata.managedFields = encoded;
  else delete metadata.managedFields;
  return { ...obj, metadata };
}

/** The managers an update starts from: the ones the new object carries, else the stored ones. */
function baseEntries(before: JsonObject | undefined, after: JsonObject): ManagerEntry[] {
  return hasManagedFields(after) ? parseEntries(after) : parseEntries(before);
}

/** For create/update/patch by non-apply managers (upstream Updater.Update with force). */
export function recordUpdateManager(args: {
  before: JsonObject | undefined;
  after: JsonObject;
  manager: string;
  now: string;
  kind: string;
}): JsonObject {
  const after = clone(args.after);
  const cmp = compareObjects(args.before ?? {}, after, schemaOrMeta(args.kind), 'update');
  const changed = cmp.modified.union(cmp.added);
  const identity = { manager: args.manager, operation: 'Update', apiVersion: String(after.apiVersion ?? '') };
  const entries = baseEntries(args.before, after);
  const previous = entries.find((e) => sameManager(e, identity));
  const others = entries
    .filter((e) => e !== previous)
    .map((e) => ({ ...e, fields: e.fields.difference(changed).difference(cmp.removed) }));
  const mine: ManagerEntry = {
    ...identity,
    time: changed.size > 0 ? toSeconds(args.now) : previous?.time,
    fields: (previous?.fields ?? new FieldSet()).union(changed).difference(cmp.removed),
  };
  return withManagedFields(after, [mine, ...others]);
}
