import type { JsonObject } from '../../util/json.ts';
import { isObject, jsonEqual } from '../../util/json.ts';
import type { StatusCause } from '../../util/errors.ts';
import type { Strategy, StrategyContext } from './types.ts';

type Container = JsonObject & { name?: unknown; image?: unknown };

function defaultContainer(c: Container): void {
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  if (c.imagePullPolicy === undefined) {
    const image = String(c.image ?? '');
    const tag = image.includes('@') ? 'digest' : image.split('/').pop()!.split(':')[1];
    c.imagePullPolicy = tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  c.resources ??= {};
  for (const p of (c.ports as JsonObject[] | undefined) ?? []) p.protocol ??= 'TCP';
}

function addDefaultToleration(tols: JsonObject[], key: string, seconds: number): void {
  const has = tols.some(
    (t) =>
      (t.key === key || (t.key === undefined && t.operator === 'Exists')) &&
      (t.effect === 'NoExecute' || t.effect === undefined),
  );
  if (!has) tols.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
}

/** PodSpec defaults shared by pods and the templates of workload controllers. */
export function defaultPodSpec(spec: JsonObject): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  if (spec.serviceAccountName === undefined && spec.serviceAccount !== undefined)
    spec.serviceAccountName = spec.serviceAccount;
  spec.serviceAccountName ??= 'default';
  spec.serviceAccount = spec.serviceAccountName;
  for (const c of (spec.containers as Container[] | undefined) ?? []) defaultContainer(c);
  for (const c of (spec.initContainers as Container[] | undefined) ?? []) defaultContainer(c);
}

function qosClass(spec: JsonObject): string {
  const containers = (spec.containers as JsonObject[] | undefined) ?? [];
  let anySet = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const r = (c.resources as JsonObject | undefined) ?? {};
    const req = (r.requests as Record<string, string> | undefined) ?? {};
    const lim = (r.limits as Record<string, string> | undefined) ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) anySet = true;
    for (const res of ['cpu', 'memory']) {
      if (lim[res] === undefined || (req[res] !== undefined && req[res] !== lim[res])) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Limits without requests mean requests = limits (as the API server defaults them). */
function defaultRequestsFromLimits(spec: JsonObject): void {
  for (const c of (spec.containers as JsonObject[] | undefined) ?? []) {
    const r = (c.resources as JsonObject | undefined) ?? {};
    const lim = r.limits as Record<string, string> | undefined;
    if (!lim) continue;
    const req = { ...((r.requests as Record<string, string> | undefined) ?? {}) };
    for (const [k, v] of Object.entries(lim)) req[k] ??= v;
    r.requests = req;
    c.resources = r;
  }
}

export function validatePodSpec(spec: unknown, path: string): StatusCause[] {
  if (!isObject(spec)) return [{ field: path, reason: 'FieldValueRequired', message: 'Required value' }];
  const containers = spec.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    return [{ field: `${path}.containers`, reason: 'FieldValueRequired', message: 'Required value' }];
  }
  const causes: StatusCause[] = [];
  const names = new Set<string>();
  containers.forEach((c: unknown, i: number) => {
    const cp = `${path}.containers[${i}]`;
    const co = isObject(c) ? c : {};
    if (typeof co.name !== 'string' || co.name === '')
      causes.push({ field: `${cp}.name`, reason: 'FieldValueRequired', message: 'Required value' });
    else if (names.has(co.name))
      causes.push({
        field: `${cp}.name`,
        reason: 'FieldValueDuplicate',
        message: `Duplicate value: "${co.name}"`,
      });
    else names.add(co.name);
    if (typeof co.image !== 'string' || co.image === '')
      causes.push({ field: `${cp}.image`, reason: 'FieldValueRequired', message: 'Required value' });
  });
  return causes;
}

const MUTABLE_POD_SPEC = [
  'activeDeadlineSeconds',
  'tolerations',
  'terminationGracePeriodSeconds',
  'schedulingGates',
];

function comparableSpec(spec: JsonObject): JsonObject {
  const copy: JsonObject = { ...spec };
  for (const k of MUTABLE_POD_SPEC) delete copy[k];
  const strip = (cs: unknown) =>
    ((cs as JsonObject[] | undefined) ?? []).map((c) => ({ ...c, image: undefined }));
  copy.containers = strip(spec.containers);
  copy.initContainers = strip(spec.initContainers);
  return copy;
}

export const podStrategy: Strategy = {
  prepareForCreate(obj: JsonObject, ctx: StrategyContext): void {
    const spec = (obj.spec as JsonObject | undefined) ?? {};
    obj.spec = spec;
    defaultPodSpec(spec);
    defaultRequestsFromLimits(spec);
    const tols = [...((spec.tolerations as JsonObject[] | undefined) ?? [])];
    addDefaultToleration(tols, 'node.kubernetes.io/not-ready', ctx.defaultNotReadyTolerationSeconds);
    addDefaultToleration(tols, 'node.kubernetes.io/unreachable', ctx.defaultUnreachableTolerationSeconds);
    spec.tolerations = tols;
    obj.status = { phase: 'Pending', qosClass: qosClass(spec) };
  },
  validate(obj: JsonObject): StatusCause[] {
    return validatePodSpec(obj.spec, 'spec');
  },
  validateUpdate(obj: JsonObject, old: JsonObject): StatusCause[] {
    const a = comparableSpec((obj.spec as JsonObject) ?? {});
    const b = comparableSpec((old.spec as JsonObject) ?? {});
    if (jsonEqual(a, b)) return [];
    return [
      {
        field: 'spec',
        reason: 'FieldValueForbidden',
        message:
          'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      },
    ];
  },
};
