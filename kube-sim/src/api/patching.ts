import type { JsonObject } from '../util/json.ts';
import { ApiError, notFound } from '../util/errors.ts';
import type { ResourceType } from '../registry/resource-type.ts';
import {
  PatchError,
  applyJsonPatch,
  applyMergePatch,
  applyServerSide,
  applyStrategicMergePatch,
} from '../patch/index.ts';
import type { ClusterApi } from './cluster-api.ts';
import { checkBody, meta } from './object-meta.ts';
import type { ObjectRef, PatchOptions, PatchType } from './types.ts';

export function toApiError(err: unknown): unknown {
  if (err instanceof PatchError) {
    const reason = { 400: 'BadRequest', 409: 'Conflict', 415: 'UnsupportedMediaType', 422: 'Invalid' }[
      err.code
    ];
    return new ApiError(err.code, reason, err.message, err.causes ? { causes: err.causes } : undefined);
  }
  return err;
}

function applyPatch(t: ResourceType, old: JsonObject, type: PatchType, body: unknown): JsonObject {
  switch (type) {
    case 'json':
      return applyJsonPatch(old, body);
    case 'merge':
      return applyMergePatch(old, body);
    case 'strategic':
      if (t.crdName) {
        throw new ApiError(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`,
        );
      }
      return applyStrategicMergePatch(old, body, t.kind);
    case 'apply':
      throw new Error('apply is handled by applyPatchRequest');
  }
}

export interface PatchResult {
  object: JsonObject;
  created: boolean;
}

/** The object a PATCH targets, and the patch: its type (from the Content-Type) and decoded body. */
export interface PatchRequest {
  ref: ObjectRef;
  patchType: PatchType;
  body: unknown;
}

function serverSideApply(
  api: ClusterApi,
  t: ResourceType,
  patch: PatchRequest,
  opts: PatchOptions,
): PatchResult {
  const { ref, body } = patch;
  const applied = checkBody(t, body);
  if (!opts.fieldManager) {
    throw new ApiError(
      422,
      'Invalid',
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    );
  }
  const live = api.tryGet(t, ref.namespace, ref.name);
  if (!meta(applied).name) meta(applied).name = ref.name;
  // Status is owned through /status; the main resource ignores it, as upstream does.
  if (t.statusSubresource && !opts.subresource) delete applied.status;
  const merged = applyServerSide({
    live,
    applied,
    manager: opts.fieldManager,
    force: opts.force ?? false,
    kind: t.kind,
    now: api.nowTimestamp(),
  });
  if (!live) {
    if (opts.subresource) throw notFound({ group: t.group, resource: t.resource, name: ref.name });
    return {
      object: api.create(t, ref.namespace, merged, { ...opts, fieldManager: undefined }),
      created: true,
    };
  }
  return {
    object: api.update(t, ref.name, merged, { ...opts, namespace: ref.namespace, managedFieldsSet: true }),
    created: false,
  };
}

/** PATCH of an object or its status, for every patch type kube-apiserver accepts. */
export function patchObject(
  api: ClusterApi,
  t: ResourceType,
  patch: PatchRequest,
  opts: PatchOptions = {},
): PatchResult {
  const { ref } = patch;
  try {
    if (patch.patchType === 'apply') return serverSideApply(api, t, patch, opts);
    const old = api.get(t, ref.namespace, ref.name);
    const patched = applyPatch(t, old, patch.patchType, patch.body);
    return {
      object: api.update(t, ref.name, patched, { ...opts, namespace: ref.namespace }),
      created: false,
    };
  } catch (err) {
    throw toApiError(err);
  }
}

export function patchJson(t: ResourceType, old: JsonObject, type: PatchType, body: unknown): JsonObject {
  try {
    return applyPatch(t, old, type, body);
  } catch (err) {
    throw toApiError(err);
  }
}
