import type { JsonObject } from '../../util/json.ts';
import { isObject, jsonEqual } from '../../util/json.ts';
import type { StatusCause } from '../../util/errors.ts';
import { applyDefaults } from './defaults.ts';
import type { Strategy, StrategyContext } from './types.ts';

type Container = JsonObject & { name?: unknown; image?: unknown };

/** Always for untagged and `:latest` images, IfNotPresent for other tags and for digests. */
function defaultImagePullPolicy(image: unknown): string {
  const ref = String(image ?? '');
  const tag = ref.includes('@') ? 'digest' : ref.split('/').pop()!.split(':')[1];
  return tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: Container): void {
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  if (c.imagePullPolicy === undefined) c.imagePullPolicy = defaultImagePullPolicy(c.image);
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

const POD_SPEC_DEFAULTS: Readonly<JsonObject> = {
  restartPolicy: 'Always',
  terminationGracePeriodSeconds: 30,
  dnsPolicy: 'ClusterFirst',
  securityContext: {},
  schedulerName: 'default-scheduler',
  enableServiceLinks: true,
  preemptionPolicy: 'PreemptLowerPriority',
  priority: 0,
};

/** serviceAccount is the deprecated alias of serviceAccountName: either one sets both. */
function defaultServiceAccount(spec: JsonObject): void {
  if (spec.serviceAccountName === undefined && spec.serviceAccount !== undefined)
    spec.serviceAccountName = spec.serviceAccount;
  spec.serviceAccountName ??= 'default';
  spec.serviceAccount = spec.serviceAccountName;
}

/** PodSpec defaults shared by pods and the templates of workload controllers. */
export function defaultPodSpec(spec: JsonObject): void {
  applyDefaults(spec, POD_SPEC_DEFAULTS);
  defaultServiceAccount(spec);
  for (const c of (spec.containers as Container[] | undefined) ?? []) defaultContainer(c);
  for (const c of (spec.initContainers as Container[] | undefined) ?? []) defaultContainer(c);
}

interface ContainerResources {
  requests: Record<string, string>;
  limits: Record<string, string>;
}

function resourcesOf(c: JsonObject): ContainerResources {
  const r = (c.resources as JsonObject | undefined) ?? {};
  return {
    requests: (r.requests as Record<string, string> | undefined) ?? {},
    limits: (r.limits as Record<string, string> | undefined) ?? {},
  };
}

function setsAnyResource(r: ContainerResources): boolean {
  return Object.keys(r.requests).length > 0 || Object.keys(r.limits).length > 0;
}

/** cpu and memory both limited, with requests (where given) equal to the limits. */
function isGuaranteed(r: ContainerResources): boolean {
  return ['cpu', 'memory'].every(
    (res) =>
      r.limits[res] !== undefined && (r.requests[res] === undefined || r.requests[res] === r.limits[res]),
  );
}

function qosClass(spec: JsonObject): string {
  // Array.from, not map: spec.containers is not validated yet, and a stray string must not throw here.
  const resources = Array.from((spec.containers as JsonObject[] | undefined) ?? [], resourcesOf);
  if (!resources.some(setsAnyResource)) return 'BestEffort';
  return resources.every(isGuaranteed) ? 'Guaranteed' : 'Burstable';
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
