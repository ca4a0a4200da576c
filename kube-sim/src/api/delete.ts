import type { JsonObject } from '../util/json.ts';
import { conflict } from '../util/errors.ts';
import { resourceKey, type ResourceType } from '../registry/resource-type.ts';
import { rfc3339 } from '../util/clock.ts';
import type { ClusterApi } from './cluster-api.ts';
import { meta } from './object-meta.ts';
import type { DeleteOptions, ListOptions } from './types.ts';

const POLICY_FINALIZER: Record<string, string> = { Orphan: 'orphan', Foreground: 'foregroundDeletion' };

function checkPreconditions(t: ResourceType, obj: JsonObject, opts: DeleteOptions): void {
  const p = opts.preconditions;
  const m = meta(obj);
  if (p?.uid && p.uid !== m.uid) {
    throw conflict({ group: t.group, resource: t.resource, name: String(m.name) }, `Precondition failed: UID in precondition: ${p.uid}, UID in object meta: ${String(m.uid)}`);
  }
  if (p?.resourceVersion && p.resourceVersion !== m.resourceVersion) {
    throw conflict({ group: t.group, resource: t.resource, name: String(m.name) }, `Precondition failed: ResourceVersion in precondition: ${p.resourceVersion}, ResourceVersion in meta: ${String(m.resourceVersion)}`);
  }
}

/** Pods bound to a node get a graceful period that their kubelet ends; others go at once. */
function podGracePeriod(obj: JsonObject, requested: number | undefined): number {
  const spec = (obj.spec as JsonObject | undefined) ?? {};
  const phase = (obj.status as JsonObject | undefined)?.phase;
  if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  const g = requested ?? Number(spec.terminationGracePeriodSeconds ?? 30);
  return Math.max(0, g);
}

function gracePeriodFor(t: ResourceType, obj: JsonObject, opts: DeleteOptions): number {
  return resourceKey(t) === '/pods' ? podGracePeriod(obj, opts.gracePeriodSeconds) : 0;
}

function withDeletionMarks(api: ClusterApi, obj: JsonObject, grace: number, policy: string | undefined): JsonObject {
  const draft = structuredClone(obj);
  const m = meta(draft);
  const finalizers = new Set((m.finalizers as string[] | undefined) ?? []);
  const pf = policy ? POLICY_FINALIZER[policy] : undefined;
  if (pf && !m.deletionTimestamp) finalizers.add(pf);
  if (finalizers.size) m.finalizers = [...finalizers];
  const alreadyShorter = m.deletionTimestamp && Number(m.deletionGracePeriodSeconds ?? 0) <= grace;
  if (!alreadyShorter) {
    m.deletionTimestamp = rfc3339(api.clock.now() + grace * 1000);
    m.deletionGracePeriodSeconds = grace;
  }
  return draft;
}

/** DELETE of one object: finalizers, propagation policy and pod grace periods as kube-apiserver does them. */
export function deleteObject(api: ClusterApi, t: ResourceType, ref: { namespace?: string; name: string }, opts: DeleteOptions = {}): JsonObject {
  const obj = api.get(t, ref.namespace, ref.name);
  checkPreconditions(t, obj, opts);
  const grace = gracePeriodFor(t, obj, opts);
  const marked = withDeletionMarks(api, obj, grace, opts.propagationPolicy);
  if (opts.dryRun) return marked;
  if (resourceKey(t) === '/namespaces') {
    const next = structuredClone(marked);
    (next.status as JsonObject).phase = 'Terminating';
    return api.store.put(resourceKey(t), next);
  }
  if (api.readyToVanish(t, marked)) return api.store.remove(resourceKey(t), marked) ?? marked;
  return api.store.put(resourceKey(t), marked);
}

export function deleteCollection(api: ClusterApi, t: ResourceType, list: ListOptions, opts: DeleteOptions = {}): JsonObject[] {
  const { items } = api.list(t, list);
  const out: JsonObject[] = [];
  for (const item of items) {
    const m = meta(item);
    out.push(deleteObject(api, t, { namespace: m.namespace as string | undefined, name: String(m.name) }, opts));
  }
  return out;
}
