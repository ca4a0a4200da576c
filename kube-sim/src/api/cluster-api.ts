import type { JsonObject } from '../util/json.ts';
import { isObject } from '../util/json.ts';
import type { Clock } from '../util/clock.ts';
import { rfc3339 } from '../util/clock.ts';
import {
  ApiError,
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  gone,
  invalid,
  notFound,
  type StatusCause,
} from '../util/errors.ts';
import type { Store, StoredEvent } from '../store/store.ts';
import type { Registry } from '../registry/registry.ts';
import { resourceKey, type ResourceType } from '../registry/resource-type.ts';
import { builtinStrategy, type Strategy, type StrategyContext } from './strategies/index.ts';
import { compileMatcher, type ObjectMatcher } from './matcher.ts';
import { randomSuffix, validateLabels, validateName } from './names.ts';
import {
  carryServerMeta,
  changed,
  checkBody,
  initCreateMeta,
  meta,
  nameOf,
  specPart,
} from './object-meta.ts';
import { jsonEqual } from '../util/json.ts';
import type { ListOptions, ListResult, ObjectRef, WriteOptions } from './types.ts';
import { recordManager } from './managed-fields.ts';

export interface WriteHooks {
  /** Extra defaulting/validation per resource (CRDs and custom resources plug in here). */
  strategyFor(t: ResourceType): Strategy;
  /** Unknown-field detection for fieldValidation=Strict|Warn. */
  unknownFields(t: ResourceType, obj: JsonObject): string[];
}

export interface ClusterApiOptions {
  defaultNotReadyTolerationSeconds?: number;
  defaultUnreachableTolerationSeconds?: number;
}

interface ContinueToken {
  rv: number;
  start: string;
}

/** The objects of one list page, and what a continue token needs to resume after it. */
interface ListPage {
  items: JsonObject[];
  lastKey: string;
  remaining: number;
}

interface CommitOptions extends WriteOptions {
  subresource?: string;
  managedFieldsSet?: boolean;
}

function pageLimit(limit: number | undefined): number {
  return limit && limit > 0 ? limit : Infinity;
}

function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

/** A namespaced object takes the request's namespace (a different one in the body is an error); others have none. */
function setCreateNamespace(t: ResourceType, m: JsonObject, namespace: string | undefined): void {
  if (!t.namespaced) {
    delete m.namespace;
    return;
  }
  if (m.namespace !== undefined && m.namespace !== '' && namespace && m.namespace !== namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  m.namespace = namespace ?? m.namespace;
}

/** Without a name, generateName plus a random suffix names the object. */
function applyGenerateName(m: JsonObject): void {
  if ((!m.name || m.name === '') && typeof m.generateName === 'string' && m.generateName) {
    m.name = `${m.generateName}${randomSuffix()}`;
  }
}

/** Kinds that track metadata.generation (and every custom resource) bump it when the spec changes. */
function bumpGeneration(t: ResourceType, old: JsonObject, next: JsonObject): void {
  if ((t.tracksGeneration || t.crdName) && !jsonEqual(specPart(next), specPart(old))) {
    meta(next).generation = Number(meta(old).generation ?? 1) + 1;
  }
}

/**
 * The write pipeline and read paths of kube-sim, shared by the HTTP server and the in-process
 * controllers: decode → default → validate → admission → precondition → persist → emit.
 */
export class ClusterApi {
  private nextServiceIP = 1;
  readonly strategyContext: StrategyContext;
  hooks: WriteHooks;

  constructor(
    readonly store: Store,
    readonly registry: Registry,
    readonly clock: Clock,
    opts: ClusterApiOptions = {},
  ) {
    this.strategyContext = {
      get now() {
        return clock.now();
      },
      allocateClusterIP: () => this.allocateClusterIP(),
      defaultNotReadyTolerationSeconds: opts.defaultNotReadyTolerationSeconds ?? 300,
      defaultUnreachableTolerationSeconds: opts.defaultUnreachableTolerationSeconds ?? 300,
    };
    this.hooks = { strategyFor: (t) => builtinStrategy(resourceKey(t)), unknownFields: () => [] };
  }

  private allocateClusterIP(): string {
    const n = this.nextServiceIP++;
    return `10.96.${Math.floor(n / 250)}.${(n % 250) + 1}`;
  }

  /** The served resource for a URL's group/version/resource, or 404 as kube-apiserver answers. */
  resolve(group: string, version: string, resource: string): ResourceType {
    const t = this.registry.lookup(group, version, resource);
    if (!t) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    return t;
  }

  /** Looks a resource up by apiVersion and kind (for in-process clients). */
  resourceFor(apiVersion: string, kind: string): ResourceType {
    const t = this.registry.byKind(apiVersion, kind);
    if (!t) throw new ApiError(404, 'NotFound', `no matches for kind "${kind}" in version "${apiVersion}"`);
    return t;
  }

  get(t: ResourceType, namespace: string | undefined, name: string): JsonObject {
    const obj = this.store.get(resourceKey(t), t.namespaced ? namespace : undefined, name);
    if (!obj) throw notFound({ group: t.group, resource: t.resource, name });
    return obj;
  }

  tryGet(t: ResourceType, namespace: string | undefined, name: string): JsonObject | undefined {
    return this.store.get(resourceKey(t), t.namespaced ? namespace : undefined, name);
  }

  list(t: ResourceType, opts: ListOptions = {}): ListResult {
    const matcher = compileMatcher(t, opts);
    const token = opts.continue ? this.decodeContinue(opts.continue) : undefined;
    const all = this.store.list(resourceKey(t), t.namespaced ? opts.namespace : undefined);
    const page = this.collectPage(all, matcher, token, pageLimit(opts.limit));
    const rv = token ? token.rv : this.store.revision;
    const result: ListResult = { items: page.items, resourceVersion: String(rv) };
    if (page.remaining > 0) {
      result.continue = encodeContinue({ rv, start: page.lastKey });
      result.remainingItemCount = page.remaining;
    }
    return result;
  }

  /** Takes up to `limit` matching objects after the continue token's key, counting the matches left over. */
  private collectPage(
    all: JsonObject[],
    matcher: ObjectMatcher,
    token: ContinueToken | undefined,
    limit: number,
  ): ListPage {
    const page: ListPage = { items: [], lastKey: '', remaining: 0 };
    for (const obj of all) {
      const key = this.itemKey(obj);
      if (token && key <= token.start) continue;
      if (!matcher(obj)) continue;
      if (page.items.length < limit) {
        page.items.push(obj);
        page.lastKey = key;
      } else page.remaining++;
    }
    return page;
  }

  private itemKey(obj: JsonObject): string {
    const m = meta(obj);
    return m.namespace ? `${String(m.namespace)}/${String(m.name)}` : String(m.name);
  }

  private decodeContinue(s: string): ContinueToken {
    let token: ContinueToken;
    try {
      token = JSON.parse(Buffer.from(s, 'base64url').toString()) as ContinueToken;
    } catch {
      throw badRequest(`invalid continue token`);
    }
    if (typeof token.rv !== 'number' || typeof token.start !== 'string')
      throw badRequest('invalid continue token');
    if (token.rv < this.store.compactedRevision) {
      throw gone(
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
      );
    }
    return token;
  }

  private checkNamespace(t: ResourceType, namespace: string | undefined, name: string): void {
    if (!t.namespaced) return;
    if (!namespace)
      throw badRequest('the server could not find the requested resource: a namespace is required');
    const ns = this.store.get('/namespaces', undefined, namespace);
    if (!ns) throw notFound({ group: '', resource: 'namespaces', name: namespace });
    if (meta(ns).deletionTimestamp) {
      throw forbidden(
        { group: t.group, resource: t.resource, name },
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  }

  private applyFieldValidation(t: ResourceType, obj: JsonObject, opts: WriteOptions): void {
    const mode = opts.fieldValidation ?? 'Ignore';
    if (mode === 'Ignore') return;
    const unknown = this.hooks.unknownFields(t, obj);
    if (unknown.length === 0) return;
    if (mode === 'Strict') {
      const list = unknown.map((f) => `unknown field "${f}"`).join(', ');
      throw badRequest(`strict decoding error: ${list}`);
    }
    for (const f of unknown) opts.warnings?.push(`unknown field "${f}"`);
  }

  private validate(t: ResourceType, obj: JsonObject, strategy: Strategy, old?: JsonObject): void {
    const causes: StatusCause[] = [
      ...validateName(t.resource, nameOf(obj)),
      ...validateLabels(meta(obj).labels, 'metadata.labels'),
      ...(strategy.validate?.(obj) ?? []),
      ...(old ? (strategy.validateUpdate?.(obj, old) ?? []) : []),
    ];
    if (causes.length)
      throw invalid(t.kind, t.group, nameOf(obj) || String(meta(obj).generateName ?? ''), causes);
  }

  create(t: ResourceType, namespace: string | undefined, body: unknown, opts: WriteOptions = {}): JsonObject {
    const obj = checkBody(t, body);
    const m = meta(obj);
    setCreateNamespace(t, m, namespace);
    applyGenerateName(m);
    this.checkNamespace(t, m.namespace as string | undefined, nameOf(obj));
    this.checkNameFree(t, obj);
    initCreateMeta(obj, t, this.clock.now());
    const strategy = this.hooks.strategyFor(t);
    this.applyFieldValidation(t, obj, opts);
    strategy.prepareForCreate?.(obj, this.strategyContext);
    this.validate(t, obj, strategy);
    const withManager = recordManager(undefined, obj, opts.fieldManager, this.clock.now());
    if (opts.dryRun) return withManager;
    return this.store.put(resourceKey(t), withManager);
  }

  private checkNameFree(t: ResourceType, obj: JsonObject): void {
    const namespace = meta(obj).namespace as string | undefined;
    if (nameOf(obj) && this.tryGet(t, namespace, nameOf(obj))) {
      throw alreadyExists({ group: t.group, resource: t.resource, name: nameOf(obj) });
    }
  }

  /** PUT semantics: optimistic concurrency on metadata.resourceVersion, status kept apart. */
  update(
    t: ResourceType,
    name: string,
    body: unknown,
    opts: WriteOptions & { namespace?: string; subresource?: string; managedFieldsSet?: boolean } = {},
  ): JsonObject {
    const obj = checkBody(t, body);
    if (nameOf(obj) && nameOf(obj) !== name) {
      throw badRequest(
        `the name of the object (${nameOf(obj)}) does not match the name on the URL (${name})`,
      );
    }
    meta(obj).name = name;
    const old = this.get(t, opts.namespace, name);
    const rv = meta(obj).resourceVersion;
    if (rv !== undefined && rv !== '' && rv !== meta(old).resourceVersion) {
      throw conflict(
        { group: t.group, resource: t.resource, name },
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    }
    const next = opts.subresource === 'status' ? this.statusOnly(old, obj) : this.mainOnly(t, old, obj);
    return this.commitUpdate(t, old, next, opts);
  }

  private statusOnly(old: JsonObject, body: JsonObject): JsonObject {
    const next: JsonObject = { ...old, metadata: { ...meta(old) } };
    if (body.status === undefined) delete next.status;
    else next.status = body.status;
    return next;
  }

  private mainOnly(t: ResourceType, old: JsonObject, obj: JsonObject): JsonObject {
    carryServerMeta(obj, old);
    if (t.statusSubresource) {
      if (old.status === undefined) delete obj.status;
      else obj.status = old.status;
    }
    return obj;
  }

  /** Runs strategy, validation, generation and finalizer rules, then persists (or deletes) the new version. */
  commitUpdate(t: ResourceType, old: JsonObject, next: JsonObject, opts: CommitOptions = {}): JsonObject {
    this.admitUpdate(t, old, next, opts);
    bumpGeneration(t, old, next);
    const withManager = opts.managedFieldsSet
      ? next
      : recordManager(old, next, opts.fieldManager, this.clock.now());
    if (!changed(old, withManager)) return old;
    if (opts.dryRun) return withManager;
    return this.persistUpdate(t, withManager);
  }

  /** Defaulting (skipped for subresource writes), validation and the finalizer rule for objects being deleted. */
  private admitUpdate(t: ResourceType, old: JsonObject, next: JsonObject, opts: CommitOptions): void {
    const strategy = this.hooks.strategyFor(t);
    if (!opts.subresource) {
      this.applyFieldValidation(t, next, opts);
      strategy.prepareForUpdate?.(next, old, this.strategyContext);
    }
    this.validate(t, next, strategy, opts.subresource ? undefined : old);
    this.checkFinalizersWhileDeleting(t, old, next);
  }

  /** Stores the new version, or removes the object when this update lets it vanish. */
  private persistUpdate(t: ResourceType, obj: JsonObject): JsonObject {
    if (this.readyToVanish(t, obj)) return this.store.remove(resourceKey(t), obj) ?? obj;
    return this.store.put(resourceKey(t), obj);
  }

  private checkFinalizersWhileDeleting(t: ResourceType, old: JsonObject, next: JsonObject): void {
    if (!meta(old).deletionTimestamp) return;
    const before = new Set((meta(old).finalizers as string[] | undefined) ?? []);
    const added = ((meta(next).finalizers as string[] | undefined) ?? []).filter((f) => !before.has(f));
    if (added.length) {
      throw invalid(t.kind, t.group, nameOf(next), [
        {
          field: 'metadata.finalizers',
          reason: 'FieldValueForbidden',
          message: `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers ${JSON.stringify(added)}`,
        },
      ]);
    }
  }

  /** An object being deleted goes once its finalizers are gone (pods also need their grace period over). */
  readyToVanish(t: ResourceType, obj: JsonObject): boolean {
    const m = meta(obj);
    if (!m.deletionTimestamp) return false;
    if (((m.finalizers as string[] | undefined) ?? []).length > 0) return false;
    if (resourceKey(t) === '/namespaces')
      return (((obj.spec as JsonObject | undefined)?.finalizers as string[] | undefined) ?? []).length === 0;
    if (resourceKey(t) === '/pods') return Number(m.deletionGracePeriodSeconds ?? 0) === 0;
    return true;
  }

  /** Writes a server-computed change (controllers, subresources) through the same pipeline. */
  mutate(
    t: ResourceType,
    ref: ObjectRef,
    fn: (draft: JsonObject) => void,
    opts: WriteOptions & { subresource?: string } = {},
  ): JsonObject {
    const old = this.get(t, ref.namespace, ref.name);
    const draft = structuredClone(old);
    fn(draft);
    return this.commitUpdate(t, old, draft, opts);
  }

  /** Events after `rev` for a resource, or 410 when compacted. */
  eventsSince(t: ResourceType, rev: number): StoredEvent[] {
    const events = this.store.eventsSince(resourceKey(t), rev);
    if (events === 'expired')
      throw gone(`too old resource version: ${rev} (${this.store.compactedRevision})`);
    return events;
  }

  nowTimestamp(): string {
    return rfc3339(this.clock.now());
  }
}

export function isJsonObject(v: unknown): v is JsonObject {
  return isObject(v);
}
