import type { JsonObject } from '../../util/json.ts';

export type Labels = Record<string, string>;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export function metaOf(obj: JsonObject): JsonObject {
  return obj.metadata as JsonObject;
}

export function nameOf(obj: JsonObject): string {
  return String(metaOf(obj).name);
}

export function namespaceOf(obj: JsonObject): string {
  return String(metaOf(obj).namespace ?? '');
}

export function uidOf(obj: JsonObject): string {
  return String(metaOf(obj).uid);
}

export function keyOf(obj: JsonObject): string {
  const ns = metaOf(obj).namespace;
  return ns ? `${String(ns)}/${nameOf(obj)}` : nameOf(obj);
}

export function splitKey(key: string): { namespace?: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

export function labelsOf(obj: JsonObject): Labels {
  return (metaOf(obj).labels as Labels | undefined) ?? {};
}

export function annotationsOf(obj: JsonObject): Labels {
  return (metaOf(obj).annotations as Labels | undefined) ?? {};
}

export function specOf(obj: JsonObject): JsonObject {
  return (obj.spec as JsonObject | undefined) ?? {};
}

export function statusOf(obj: JsonObject): JsonObject {
  return (obj.status as JsonObject | undefined) ?? {};
}

export function isDeleting(obj: JsonObject): boolean {
  return Boolean(metaOf(obj).deletionTimestamp);
}

export function phaseOf(pod: JsonObject): string {
  return String(statusOf(pod).phase ?? 'Pending');
}

export function isTerminal(pod: JsonObject): boolean {
  const p = phaseOf(pod);
  return p === 'Succeeded' || p === 'Failed';
}

/** Counts toward a controller's replicas: neither finished nor being deleted. */
export function isActive(pod: JsonObject): boolean {
  return !isTerminal(pod) && !isDeleting(pod);
}

export function conditionOf(obj: JsonObject, type: string): JsonObject | undefined {
  return ((statusOf(obj).conditions as JsonObject[] | undefined) ?? []).find((c) => c.type === type);
}

export function isPodReady(pod: JsonObject): boolean {
  return conditionOf(pod, 'Ready')?.status === 'True';
}

/** Ready for at least minReadySeconds at `now`. */
export function isPodAvailable(pod: JsonObject, minReadySeconds: number, now: number): boolean {
  const ready = conditionOf(pod, 'Ready');
  if (ready?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const since = Date.parse(String(ready.lastTransitionTime ?? ''));
  return Number.isFinite(since) && since + minReadySeconds * 1000 <= now;
}

export function controllerRef(obj: JsonObject): OwnerReference | undefined {
  return ((metaOf(obj).ownerReferences as OwnerReference[] | undefined) ?? []).find((o) => o.controller === true);
}

export function ownerReference(owner: JsonObject): OwnerReference {
  return {
    apiVersion: String(owner.apiVersion),
    kind: String(owner.kind),
    name: nameOf(owner),
    uid: uidOf(owner),
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** A pod for `owner` from its template (the template's labels, annotations and spec). */
export function podFromTemplate(template: JsonObject, owner: JsonObject, meta: JsonObject): JsonObject {
  const tplMeta = (template.metadata as JsonObject | undefined) ?? {};
  const m: JsonObject = {
    labels: { ...((tplMeta.labels as Labels | undefined) ?? {}) },
    annotations: { ...((tplMeta.annotations as Labels | undefined) ?? {}) },
    ...meta,
    ownerReferences: [ownerReference(owner)],
  };
  if (tplMeta.finalizers) m.finalizers = tplMeta.finalizers;
  return { apiVersion: 'v1', kind: 'Pod', metadata: m, spec: structuredClone((template.spec as JsonObject | undefined) ?? {}) };
}

/** An int-or-percent (maxSurge, maxUnavailable) against `total`. */
export function intOrPercent(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === 'string' && v.endsWith('%')) {
    const x = (Number(v.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  const n = Number(v ?? 0);
  return Number.isFinite(n) ? n : 0;
}
