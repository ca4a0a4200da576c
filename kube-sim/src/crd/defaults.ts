import { asArray, asObject, asString, clone, isObject } from './json.ts';
import type { JsonObject } from './types.ts';

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastTransitionTime: string;
}

function defaultNames(names: JsonObject): JsonObject {
  const kind = asString(names.kind);
  const out = { ...names };
  if (asString(out.singular) === '') out.singular = kind.toLowerCase();
  if (asString(out.listKind) === '' && kind !== '') out.listKind = `${kind}List`;
  return out;
}

function defaultConversion(conversion: unknown): JsonObject {
  if (!isObject(conversion)) return { strategy: 'None' };
  const out = clone(conversion);
  const service = asObject(asObject(out.webhook).clientConfig).service;
  if (isObject(service) && service.port === undefined) service.port = 443;
  return out;
}

function defaultSpec(spec: JsonObject): JsonObject {
  return {
    ...spec,
    names: defaultNames(asObject(spec.names)),
    conversion: defaultConversion(spec.conversion),
  };
}

function acceptedNames(names: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const k of ['plural', 'singular', 'shortNames', 'kind', 'listKind', 'categories']) {
    if (names[k] !== undefined) out[k] = clone(names[k]);
  }
  return out;
}

/** Keeps lastTransitionTime when the condition already had the same status. */
function condition(existing: unknown[], fresh: Condition): Condition {
  const prev = existing.find((c) => isObject(c) && c.type === fresh.type);
  if (isObject(prev) && prev.status === fresh.status && typeof prev.lastTransitionTime === 'string') {
    return { ...fresh, lastTransitionTime: prev.lastTransitionTime };
  }
  return fresh;
}

function conditions(existing: unknown[], now: string): unknown[] {
  const ours = [
    condition(existing, {
      type: 'NamesAccepted',
      status: 'True',
      reason: 'NoConflicts',
      message: 'no conflicts found',
      lastTransitionTime: now,
    }),
    condition(existing, {
      type: 'Established',
      status: 'True',
      reason: 'InitialNamesAccepted',
      message: 'the initial names have been accepted',
      lastTransitionTime: now,
    }),
  ];
  const others = existing.filter(
    (c) => !(isObject(c) && (c.type === 'NamesAccepted' || c.type === 'Established')),
  );
  return [...ours, ...clone(others)];
}

function storedVersions(existing: unknown[], spec: JsonObject): string[] {
  const out = existing.filter((v): v is string => typeof v === 'string');
  const storage = asArray(spec.versions).find((v) => isObject(v) && v.storage === true);
  const name = asString(asObject(storage).name);
  if (name !== '' && !out.includes(name)) out.push(name);
  return out;
}

/**
 * Fills the defaults kube-apiserver applies to a CRD and the status its controllers converge to
 * (names accepted, established, storage version recorded). `now` is an RFC 3339 timestamp.
 */
export function defaultCrd(crd: JsonObject, now: string): JsonObject {
  const spec = defaultSpec(asObject(crd.spec));
  const status = asObject(crd.status);
  return {
    ...clone(crd),
    spec: clone(spec),
    status: {
      ...clone(status),
      conditions: conditions(asArray(status.conditions), now),
      acceptedNames: acceptedNames(asObject(spec.names)),
      storedVersions: storedVersions(asArray(status.storedVersions), spec),
    },
  };
}
