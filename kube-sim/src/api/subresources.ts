import type { JsonObject } from '../util/json.ts';
import { isObject } from '../util/json.ts';
import { ApiError, badRequest, conflict, internalError, tooManyRequests } from '../util/errors.ts';
import type { ResourceType } from '../registry/resource-type.ts';
import type { ClusterApi } from './cluster-api.ts';
import { deleteObject } from './delete.ts';
import { budgetState, isPodHealthy, pdbSelects } from './disruption.ts';
import { meta } from './object-meta.ts';
import type { DeleteOptions, ObjectRef, WriteOptions } from './types.ts';
import { infoFor } from './crds.ts';
import { getScale, setScale } from '../crd/index.ts';

/** A pod's namespace and name (pods are always namespaced). */
export interface PodRef extends ObjectRef {
  namespace: string;
}

function podType(api: ClusterApi): ResourceType {
  return api.resolve('', 'v1', 'pods');
}

/** pods/binding: assigns a node once; a second binding is a conflict. */
export function bindPod(api: ClusterApi, ref: PodRef, binding: unknown, opts: WriteOptions = {}): JsonObject {
  const { namespace, name } = ref;
  const target = isObject(binding) && isObject(binding.target) ? binding.target : undefined;
  const nodeName = target?.name;
  if (typeof nodeName !== 'string' || nodeName === '') throw badRequest('Binding target.name is required');
  const t = podType(api);
  const pod = api.get(t, namespace, name);
  const current = (pod.spec as JsonObject | undefined)?.nodeName;
  if (current) {
    throw conflict(
      { group: '', resource: 'pods', name },
      `pod ${name} is already assigned to node "${String(current)}"`,
    );
  }
  if (meta(pod).deletionTimestamp)
    throw conflict(
      { group: '', resource: 'pods', name },
      'pod is being deleted, cannot be assigned to a host',
    );
  return api.mutate(
    t,
    { namespace, name },
    (draft) => {
      (draft.spec as JsonObject).nodeName = nodeName;
      const status = (draft.status as JsonObject | undefined) ?? {};
      const conds = ((status.conditions as JsonObject[] | undefined) ?? []).filter(
        (c) => c.type !== 'PodScheduled',
      );
      conds.push({
        type: 'PodScheduled',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: api.nowTimestamp(),
      });
      status.conditions = conds;
      draft.status = status;
    },
    { ...opts, subresource: 'binding' },
  );
}

function successStatus(): JsonObject {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };
}

/** pods/eviction: deletes the pod unless a PodDisruptionBudget forbids it (429). */
export function evictPod(api: ClusterApi, ref: PodRef, eviction: unknown, dryRun = false): JsonObject {
  const { namespace, name } = ref;
  const t = podType(api);
  const pod = api.get(t, namespace, name);
  const deleteOptions = (
    isObject(eviction) && isObject(eviction.deleteOptions) ? eviction.deleteOptions : {}
  ) as DeleteOptions;
  if (meta(pod).deletionTimestamp) return successStatus();
  const phase = (pod.status as JsonObject | undefined)?.phase;
  if (phase !== 'Succeeded' && phase !== 'Failed') checkBudgets(api, namespace, pod, dryRun);
  deleteObject(api, t, { namespace, name }, { ...deleteOptions, dryRun });
  return successStatus();
}

function checkBudgets(api: ClusterApi, namespace: string, pod: JsonObject, dryRun: boolean): void {
  const pdbType = api.resolve('policy', 'v1', 'poddisruptionbudgets');
  const pdbs = api.list(pdbType, { namespace }).items.filter((p) => pdbSelects(p, pod));
  if (pdbs.length === 0) return;
  if (pdbs.length > 1)
    throw internalError(
      'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    );
  const pdb = pdbs[0];
  const pods = api.list(podType(api), { namespace }).items;
  const state = budgetState(pdb, pods);
  const allowed = isPodHealthy(pod)
    ? state.disruptionsAllowed > 0
    : state.currentHealthy >= state.desiredHealthy;
  if (!allowed) {
    throw tooManyRequests("Cannot evict pod as it would violate the pod's disruption budget.", [
      {
        reason: 'DisruptionBudget',
        message: `The disruption budget ${String(meta(pdb).name)} needs ${state.desiredHealthy} healthy pods and has ${state.currentHealthy} currently`,
      },
    ]);
  }
  if (dryRun) return;
  api.mutate(
    pdbType,
    { namespace, name: String(meta(pdb).name) },
    (draft) => {
      const disrupted = {
        ...(((draft.status as JsonObject | undefined)?.disruptedPods as JsonObject | undefined) ?? {}),
      };
      disrupted[String(meta(pod).name)] = api.nowTimestamp();
      draft.status = {
        ...state,
        disruptionsAllowed: state.disruptionsAllowed - 1,
        disruptedPods: disrupted,
        observedGeneration: meta(draft).generation,
      };
    },
    { subresource: 'status' },
  );
}

const REPLICA_KINDS = new Set(['apps/deployments', 'apps/replicasets', 'apps/statefulsets']);

/** Where the request's scale is written to, and the Scale body itself (not yet checked). */
export interface ScaleUpdate {
  ref: ObjectRef;
  scale: unknown;
}

function resourceNotFound(): ApiError {
  return new ApiError(404, 'NotFound', 'the server could not find the requested resource');
}

/** autoscaling/v1 Scale view of a workload or of a custom resource with a scale subresource. */
export function scaleOf(api: ClusterApi, t: ResourceType, obj: JsonObject): JsonObject {
  if (t.crdName) return customResourceScale(api, t, obj);
  if (!REPLICA_KINDS.has(`${t.group}/${t.resource}`)) throw resourceNotFound();
  return workloadScale(obj);
}

function customResourceScale(api: ClusterApi, t: ResourceType, obj: JsonObject): JsonObject {
  const info = infoFor(api, t);
  if (!info?.scaleSubresource) throw resourceNotFound();
  return getScale(obj, info);
}

/** The Scale of a Deployment, ReplicaSet or StatefulSet. */
function workloadScale(obj: JsonObject): JsonObject {
  const m = meta(obj);
  const spec = (obj.spec as JsonObject | undefined) ?? {};
  const sel = (spec.selector as JsonObject | undefined)?.matchLabels as Record<string, string> | undefined;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: m.name,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 0 },
    status: {
      replicas: ((obj.status as JsonObject | undefined)?.replicas as number | undefined) ?? 0,
      selector: Object.entries(sel ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
    },
  };
}

/** spec.replicas of a Scale body, which must be a whole number of at least 0. */
function requestedReplicas(scale: unknown, name: string): number {
  const replicas = isObject(scale) && isObject(scale.spec) ? scale.spec.replicas : undefined;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw new ApiError(
      422,
      'Invalid',
      `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`,
    );
  }
  return replicas;
}

/** A Scale that carries a resourceVersion only applies to that version of its object. */
function isStaleScale(scale: unknown, current: JsonObject): boolean {
  const rv = isObject(scale) && isObject(scale.metadata) ? scale.metadata.resourceVersion : undefined;
  return Boolean(rv) && rv !== meta(current).resourceVersion;
}

/** Writes a Scale's spec.replicas back into its workload. */
export function applyScale(
  api: ClusterApi,
  t: ResourceType,
  update: ScaleUpdate,
  opts: WriteOptions = {},
): JsonObject {
  const { ref, scale } = update;
  const replicas = requestedReplicas(scale, ref.name);
  const current = api.get(t, ref.namespace, ref.name);
  if (isStaleScale(scale, current)) {
    throw conflict(
      { group: t.group, resource: t.resource, name: ref.name },
      'the object has been modified; please apply your changes to the latest version and try again',
    );
  }
  const info = t.crdName ? infoFor(api, t) : undefined;
  const updated = api.mutate(
    t,
    ref,
    (draft) => {
      if (info) Object.assign(draft, setScale(draft, info, replicas));
      else (draft.spec as JsonObject).replicas = replicas;
    },
    opts,
  );
  return scaleOf(api, t, updated);
}

/** namespaces/finalize: replaces spec.finalizers; the namespace goes once they are empty. */
export function finalizeNamespace(api: ClusterApi, name: string, body: unknown): JsonObject {
  const t = api.resolve('', 'v1', 'namespaces');
  const finalizers = isObject(body) && isObject(body.spec) ? body.spec.finalizers : undefined;
  return api.mutate(
    t,
    { name },
    (draft) => {
      draft.spec = {
        ...((draft.spec as JsonObject | undefined) ?? {}),
        finalizers: Array.isArray(finalizers) ? finalizers : [],
      };
    },
    { subresource: 'finalize' },
  );
}
