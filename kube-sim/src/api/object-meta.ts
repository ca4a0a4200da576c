import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../util/json.ts';
import { isObject, jsonEqual } from '../util/json.ts';
import { badRequest } from '../util/errors.ts';
import { apiVersionOf, type ResourceType } from '../registry/resource-type.ts';
import { rfc3339 } from '../util/clock.ts';

export function meta(obj: JsonObject): JsonObject {
  return obj.metadata as JsonObject;
}

export function nameOf(obj: JsonObject): string {
  return (meta(obj)?.name as string | undefined) ?? '';
}

/** Checks a request body is an object of the resource's kind and fills apiVersion/kind. */
export function checkBody(t: ResourceType, body: unknown): JsonObject {
  if (!isObject(body)) throw badRequest('the body of the request must be a JSON or YAML object');
  const expected = apiVersionOf(t);
  if (body.apiVersion !== undefined && body.apiVersion !== expected) {
    throw badRequest(`the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${expected})`);
  }
  if (body.kind !== undefined && body.kind !== t.kind) {
    throw badRequest(`the kind in the data (${String(body.kind)}) does not match the expected kind (${t.kind})`);
  }
  if (body.metadata !== undefined && !isObject(body.metadata)) throw badRequest('metadata must be an object');
  return { ...body, apiVersion: expected, kind: t.kind, metadata: { ...((body.metadata as JsonObject | undefined) ?? {}) } };
}

/** Fields the server owns on create. */
export function initCreateMeta(obj: JsonObject, t: ResourceType, now: number): void {
  const m = meta(obj);
  delete m.resourceVersion;
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  delete m.selfLink;
  m.uid = randomUUID();
  m.creationTimestamp = rfc3339(now);
  if (t.tracksGeneration || t.crdName) m.generation = 1;
  else delete m.generation;
}

const SERVER_OWNED = ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'];

/** Copies server-owned metadata from the stored object into an update. */
export function carryServerMeta(obj: JsonObject, old: JsonObject): void {
  const m = meta(obj);
  const om = meta(old);
  for (const k of SERVER_OWNED) {
    if (om[k] === undefined) delete m[k];
    else m[k] = om[k];
  }
  m.namespace = om.namespace;
  if (m.namespace === undefined) delete m.namespace;
}

/** Everything but metadata and status: a change here bumps generation. */
export function specPart(obj: JsonObject): JsonObject {
  const rest: JsonObject = { ...obj };
  delete rest.metadata;
  delete rest.status;
  return rest;
}

/** True when two versions differ in more than resourceVersion and managedFields. */
export function changed(a: JsonObject, b: JsonObject): boolean {
  const strip = (o: JsonObject): JsonObject => {
    const m = { ...meta(o) };
    delete m.resourceVersion;
    delete m.managedFields;
    return { ...o, metadata: m };
  };
  return !jsonEqual(strip(a), strip(b));
}
