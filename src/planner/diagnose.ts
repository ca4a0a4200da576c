// Why a pod group has nowhere to go, in words a user can act on. Filters are applied one after
// another over every node kind (unavailable ones included); the first that leaves nothing names the reason.
import type { NodeTemplate } from '../apis/index.ts';
import { formatBytes, formatCpu } from '../apis/index.ts';
import type { PlannerPod, UnschedulableCode } from './types.ts';
import type { NodeKind } from './kinds.ts';
import { EDGE_TAINT, NODE_TEMPLATE_LABEL } from './node-labels.ts';
import { fits } from './resources.ts';
import { formatTaint, matchesNodeConstraints, tolerates } from './labels.ts';

export interface Diagnosis {
  code: UnschedulableCode;
  reason: string;
}

export function diagnose(
  pod: PlannerPod,
  kinds: readonly NodeKind[],
  templates: readonly NodeTemplate[],
): Diagnosis {
  const usable = templates.filter((t) => templateRejection(pod, t) === null);
  if (usable.length === 0) return noTemplate(pod, templates);
  const names = new Set(usable.map((t) => t.metadata.name));
  let left: readonly NodeKind[] = kinds;
  const steps: [UnschedulableCode, (k: NodeKind) => boolean, () => string][] = [
    ['location', (k) => names.has(k.template.metadata.name), () => noOfferingsReason(usable)],
    ['location', (k) => !(pod.usesPvc && k.location.edge), () => pvcReason(usable)],
    [
      'location',
      (k) => !k.location.edge || tolerates(pod.tolerations, EDGE_TAINT),
      () => edgeTaintReason(usable),
    ],
    [
      'selector',
      (k) => matchesNodeConstraints(k.labels, pod.nodeSelector, pod.affinityTerms),
      () => selectorReason(pod),
    ],
    ['gpu', (k) => pod.requests.gpu === 0 || k.capacity.gpu > 0, () => gpuReason(pod)],
    ['too-large', (k) => fits(pod.requests, k.capacity), () => tooLargeReason(pod, left)],
    ['topology', (k) => pod.zoneSpread.length === 0 || k.offering.zone !== '', () => topologyReason()],
    ['unavailable', (k) => !k.unavailable, () => unavailableReason(left.length)],
  ];
  for (const [code, keep, reason] of steps) {
    const next = left.filter(keep);
    if (next.length === 0) return { code, reason: reason() };
    left = next;
  }
  return { code: 'limits', reason: limitsReason(usable) };
}

/** Why a template cannot take the pod at all (taints, template selector, template labels), or null. */
export function templateRejection(pod: PlannerPod, template: NodeTemplate): string | null {
  const name = template.metadata.name;
  const wanted = pod.nodeSelector[NODE_TEMPLATE_LABEL];
  if (wanted !== undefined && wanted !== name) return `the pod selects ${NODE_TEMPLATE_LABEL}=${wanted}`;
  const untolerated = template.spec.taints.find(
    (t) => t.effect !== 'PreferNoSchedule' && !tolerates(pod.tolerations, t),
  );
  if (untolerated) return `its taint ${formatTaint(untolerated)} is not tolerated`;
  for (const [key, value] of Object.entries(template.spec.labels)) {
    const asked = pod.nodeSelector[key];
    if (asked !== undefined && asked !== value)
      return `its label ${key}=${value} differs from the pod's nodeSelector ${key}=${asked}`;
  }
  return null;
}

function noTemplate(pod: PlannerPod, templates: readonly NodeTemplate[]): Diagnosis {
  if (templates.length === 0)
    return { code: 'no-template', reason: 'there is no NodeTemplate; add one that allows this pod' };
  const wanted = pod.nodeSelector[NODE_TEMPLATE_LABEL];
  if (wanted !== undefined && !templates.some((t) => t.metadata.name === wanted)) {
    return {
      code: 'no-template',
      reason: `it selects ${NODE_TEMPLATE_LABEL}=${wanted}, but there is no NodeTemplate "${wanted}"`,
    };
  }
  const why = templates
    .map((t) => `"${t.metadata.name}": ${templateRejection(pod, t) ?? 'usable'}`)
    .join('; ');
  return {
    code: 'no-template',
    reason: `no NodeTemplate accepts it (${why}); add a toleration or fix the selector`,
  };
}

function list(templates: readonly NodeTemplate[]): string {
  return templates.map((t) => `"${t.metadata.name}"`).join(', ');
}

function noOfferingsReason(usable: readonly NodeTemplate[]): string {
  return `NodeTemplate ${list(usable)} allows no instance type in its locations (check constraints, mainRegion and edgeLocations)`;
}

function pvcReason(usable: readonly NodeTemplate[]): string {
  return `it mounts a PersistentVolumeClaim, so it must stay in the main region, but NodeTemplate ${list(usable)} does not allow the main region (set mainRegion: true)`;
}

function edgeTaintReason(usable: readonly NodeTemplate[]): string {
  return `NodeTemplate ${list(usable)} only allows edge locations, and the pod does not tolerate the edge taint ${formatTaint(EDGE_TAINT)}`;
}

function selectorReason(pod: PlannerPod): string {
  const parts = Object.entries(pod.nodeSelector).map(([k, v]) => `${k}=${v}`);
  for (const term of pod.affinityTerms) {
    parts.push(term.map((r) => `${r.key} ${r.operator} ${(r.values ?? []).join(',')}`.trim()).join(' and '));
  }
  return `no allowed node would match its node selector / required affinity (${parts.join('; ')})`;
}

function gpuReason(pod: PlannerPod): string {
  return `it requests ${pod.requests.gpu} nvidia.com/gpu, but no NodeTemplate it can use allows a GPU instance type (set constraints.gpu or widen the template)`;
}

function tooLargeReason(pod: PlannerPod, kinds: readonly NodeKind[]): string {
  const biggest = [...kinds].sort(
    (a, b) => b.capacity.cpu - a.capacity.cpu || b.capacity.memory - a.capacity.memory,
  )[0];
  const r = pod.requests;
  const asked = `cpu ${formatCpu(r.cpu)}, memory ${formatBytes(r.memory)}${r.gpu ? `, nvidia.com/gpu ${r.gpu}` : ''}`;
  const largest = biggest
    ? `; the largest allowed is ${biggest.offering.instanceType} with cpu ${formatCpu(biggest.capacity.cpu)}, memory ${formatBytes(biggest.capacity.memory)} allocatable`
    : '';
  return `its requests (${asked}) do not fit any allowed instance type after system reserve and daemonsets${largest}`;
}

function topologyReason(): string {
  return 'it requires topology spread on topology.kubernetes.io/zone, but no compatible offering has a known zone';
}

function unavailableReason(n: number): string {
  return `all ${n} compatible offering${n === 1 ? ' is' : 's are'} marked unavailable (out of capacity); wait, or allow other types, lifecycles or locations`;
}

function limitsReason(usable: readonly NodeTemplate[]): string {
  return `the limits (cpu/memory/gpu) of NodeTemplate ${list(usable)} are reached; raise spec.limits or free capacity`;
}
