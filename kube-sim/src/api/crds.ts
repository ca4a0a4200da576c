import type { JsonObject } from '../util/json.ts';
import type { StatusCause } from '../util/errors.ts';
import {
  crdVersions,
  defaultAndPrune,
  defaultCrd,
  validateCrd,
  validateCustomResource,
  type CrdVersionInfo,
} from '../crd/index.ts';
import { resourceKey, CRUD_VERBS, type ResourceType } from '../registry/resource-type.ts';
import type { ClusterApi } from './cluster-api.ts';
import type { Strategy } from './strategies/index.ts';
import { deleteObject } from './delete.ts';
import { meta } from './object-meta.ts';

const CRD_KEY = 'apiextensions.k8s.io/customresourcedefinitions';
const CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';

function toCauses(causes: { field: string; message: string; reason?: string }[]): StatusCause[] {
  return causes.map((c) => ({ field: c.field, message: c.message, reason: c.reason }));
}

export const crdStrategy: Strategy = {
  prepareForCreate(obj, ctx) {
    const defaulted = defaultCrd(obj, new Date(ctx.now).toISOString().replace(/\.\d+Z$/, 'Z'));
    Object.assign(obj, defaulted);
    const m = meta(obj);
    const finalizers = new Set((m.finalizers as string[] | undefined) ?? []);
    finalizers.add(CLEANUP_FINALIZER);
    m.finalizers = [...finalizers];
  },
  prepareForUpdate(obj, _old, ctx) {
    const defaulted = defaultCrd(obj, new Date(ctx.now).toISOString().replace(/\.\d+Z$/, 'Z'));
    Object.assign(obj, defaulted);
  },
  validate: (obj) => toCauses(validateCrd(obj)),
};

/** The compiled CRD version behind a custom resource type. */
export function infoFor(api: ClusterApi, t: ResourceType): CrdVersionInfo | undefined {
  const crd = api.store.get(CRD_KEY, undefined, t.crdName!);
  if (!crd) return undefined;
  return crdVersions(crd).find((v) => v.version === t.version);
}

/** Defaulting, pruning and schema validation for objects of a CRD. */
export function customResourceStrategy(api: ClusterApi, t: ResourceType): Strategy {
  const prune = (obj: JsonObject): void => {
    const info = infoFor(api, t);
    if (!info) return;
    const { object } = defaultAndPrune(obj, info);
    for (const k of Object.keys(obj)) delete obj[k];
    Object.assign(obj, object);
  };
  return {
    prepareForCreate(obj) {
      if (t.statusSubresource) delete obj.status;
      prune(obj);
    },
    prepareForUpdate(obj) {
      prune(obj);
    },
    validate(obj) {
      const info = infoFor(api, t);
      return info ? toCauses(validateCustomResource(obj, info)) : [];
    },
  };
}

export function customResourceUnknownFields(api: ClusterApi, t: ResourceType, obj: JsonObject): string[] {
  const info = infoFor(api, t);
  return info ? defaultAndPrune(obj, info).unknownFields : [];
}

function typesOf(crd: JsonObject): ResourceType[] {
  return crdVersions(crd)
    .filter((v) => v.served)
    .map((v) => ({
      group: v.group,
      version: v.version,
      resource: v.plural,
      kind: v.kind,
      listKind: v.listKind,
      singular: v.singular,
      namespaced: v.namespaced,
      shortNames: v.shortNames,
      categories: v.categories,
      verbs: CRUD_VERBS,
      subresources: [
        ...(v.statusSubresource ? [{ name: 'status', kind: v.kind, verbs: ['get', 'patch', 'update'] }] : []),
        ...(v.scaleSubresource
          ? [
              {
                name: 'scale',
                kind: 'Scale',
                group: 'autoscaling',
                version: 'v1',
                verbs: ['get', 'patch', 'update'],
              },
            ]
          : []),
      ],
      fieldSelectors: {},
      statusSubresource: v.statusSubresource,
      tracksGeneration: true,
    }));
}

/** Deletes a terminating CRD's objects; once none are left, drops its finalizer so it goes. */
function cleanUp(api: ClusterApi, crd: JsonObject): void {
  const name = String(meta(crd).name);
  const types = api.registry.all().filter((x) => x.crdName === name);
  let remaining = 0;
  for (const t of types.slice(0, 1)) {
    for (const obj of api.list(t).items) {
      remaining++;
      const m = meta(obj);
      if (!m.deletionTimestamp)
        deleteObject(api, t, { namespace: m.namespace as string | undefined, name: String(m.name) });
    }
    if (api.list(t).items.length === 0) remaining = 0;
  }
  if (remaining > 0) {
    // Objects with finalizers of their own hold the CRD until their controllers let go.
    setTimeout(() => {
      const current = api.store.get(CRD_KEY, undefined, name);
      if (current) cleanUp(api, current);
    }, 500).unref();
    return;
  }
  for (const t of types) api.store.dropResource(resourceKey(t));
  api.registry.setCrdTypes(name, []);
  const crdType = api.resolve('apiextensions.k8s.io', 'v1', 'customresourcedefinitions');
  api.mutate(crdType, { name }, (draft) => {
    meta(draft).finalizers = ((meta(draft).finalizers as string[] | undefined) ?? []).filter(
      (f) => f !== CLEANUP_FINALIZER,
    );
  });
}

/** Keeps the registry in step with stored CRDs: served on create, cleaned up and removed on delete. */
export function watchCrds(api: ClusterApi): void {
  const pending = new Set<string>();
  api.store.subscribe(CRD_KEY, (ev) => {
    const name = String(meta(ev.object).name);
    if (ev.type === 'DELETED') {
      api.registry.setCrdTypes(name, []);
      return;
    }
    if (meta(ev.object).deletionTimestamp) {
      pending.add(name);
      queueMicrotask(() => {
        if (!pending.delete(name)) return;
        const crd = api.store.get(CRD_KEY, undefined, name);
        if (crd) cleanUp(api, crd);
      });
      return;
    }
    api.registry.setCrdTypes(name, typesOf(ev.object));
  });
}
