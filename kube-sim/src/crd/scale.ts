// The autoscaling/v1 Scale view of a custom resource with a scale subresource.
import { asObject, isObject } from './json.ts';
import { evaluate, parseJsonPath } from './jsonpath.ts';
import type { CrdVersionInfo, JsonObject, ScaleSubresource } from './types.ts';

function scaleOf(info: CrdVersionInfo): ScaleSubresource {
  if (!info.scaleSubresource) {
    throw new Error(`${info.plural}.${info.group}/${info.version} has no scale subresource`);
  }
  return info.scaleSubresource;
}

function readReplicas(obj: JsonObject, path: string): number {
  const v = evaluate(obj, parseJsonPath(path))[0];
  return typeof v === 'number' ? v : 0;
}

function scaleMetadata(obj: JsonObject): JsonObject {
  const meta = asObject(obj.metadata);
  const out: JsonObject = {};
  for (const k of ['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp']) {
    if (meta[k] !== undefined) out[k] = meta[k];
  }
  return out;
}

export function getScale(obj: JsonObject, info: CrdVersionInfo): JsonObject {
  const scale = scaleOf(info);
  const status: JsonObject = { replicas: readReplicas(obj, scale.statusReplicasPath) };
  if (scale.labelSelectorPath) {
    const selector = evaluate(obj, parseJsonPath(scale.labelSelectorPath))[0];
    if (typeof selector === 'string') status.selector = selector;
  }
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: scaleMetadata(obj),
    spec: { replicas: readReplicas(obj, scale.specReplicasPath) },
    status,
  };
}

/** Field names of a simple dotted path such as `.spec.replicas`. */
function dottedFields(path: string): string[] {
  return parseJsonPath(path).map((seg) => {
    if (seg.kind !== 'field') throw new Error(`scale path ${path} must be a simple field path`);
    return seg.name;
  });
}

/** Returns a copy of `obj` with `replicas` written at the version's specReplicasPath. */
export function setScale(obj: JsonObject, info: CrdVersionInfo, replicas: number): JsonObject {
  const fields = dottedFields(scaleOf(info).specReplicasPath);
  const out = structuredClone(obj);
  let node: JsonObject = out;
  fields.slice(0, -1).forEach((f) => {
    if (node[f] === undefined) node[f] = {};
    const next = node[f];
    if (!isObject(next)) throw new Error(`cannot set ${f}: not an object`);
    node = next;
  });
  node[fields[fields.length - 1]] = replicas;
  return out;
}
