import type { JsonObject } from '../../util/json.ts';
import { matchesLabelRequirements, requirementsFromSelector } from '../../util/selectors.ts';
import { labelsOf, namespaceOf, specOf, type Labels } from '../shared/pods.ts';
import { firstUntolerated, matchesNodeSelector, matchesTerms, toleratesAny, type NodeSelectorTerm, type Toleration } from './affinity.ts';
import { requiredAntiAffinity, type AffinityTerm, type AssignedPod, type NodeInfo, type SchedulerCache } from './cache.ts';
import { podRequests, type PodRequests } from './resources.ts';

export interface PodInfo extends PodRequests {
  /** requests as parallel arrays, for the per-node fit check. */
  requestKeys: string[];
  requestValues: number[];
  namespace: string;
  labels: Labels;
  tolerations: Toleration[];
  nodeSelector?: Labels;
  requiredTerms?: NodeSelectorTerm[];
  /** Node-affinity term lists from bound PersistentVolumes; each list must match. */
  volumeTerms: NodeSelectorTerm[][];
  /** topologyKey → values where this pod may not go (its own and existing pods' anti-affinity). */
  antiForbidden: Map<string, Set<string>>;
  existingForbidden: Map<string, Set<string>>;
}

export interface Failure {
  reasons: string[];
  /** Preemption cannot help on this node (UnschedulableAndUnresolvable). */
  unresolvable: boolean;
}

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export function podInfo(pod: JsonObject, volumeTerms: NodeSelectorTerm[][]): PodInfo {
  const spec = specOf(pod);
  const na = (spec.affinity as JsonObject | undefined)?.nodeAffinity as JsonObject | undefined;
  const required = na?.requiredDuringSchedulingIgnoredDuringExecution as JsonObject | undefined;
  const req = podRequests(spec);
  return {
    ...req,
    requestKeys: Object.keys(req.requests),
    requestValues: Object.values(req.requests),
    namespace: namespaceOf(pod),
    labels: labelsOf(pod),
    tolerations: (spec.tolerations as Toleration[] | undefined) ?? [],
    nodeSelector: spec.nodeSelector as Labels | undefined,
    requiredTerms: required?.nodeSelectorTerms as NodeSelectorTerm[] | undefined,
    volumeTerms,
    antiForbidden: new Map(),
    existingForbidden: new Map(),
  };
}

function termMatches(term: AffinityTerm, ownerNamespace: string, target: { namespace: string; labels: Labels }): boolean {
  const namespaces = term.namespaces?.length ? term.namespaces : [ownerNamespace];
  if (!namespaces.includes(target.namespace)) return false;
  const reqs = requirementsFromSelector(term.labelSelector);
  return reqs !== null && matchesLabelRequirements(reqs, target.labels);
}

function forbid(map: Map<string, Set<string>>, key: string, value: string | undefined): void {
  if (value === undefined) return;
  if (!map.has(key)) map.set(key, new Set());
  map.get(key)!.add(value);
}

/** Precomputes the topology domains that required pod anti-affinity rules close to this pod. */
export function computeAntiAffinity(pod: JsonObject, info: PodInfo, cache: SchedulerCache): void {
  const own = requiredAntiAffinity(specOf(pod));
  const labelOf = (a: AssignedPod, key: string) => cache.nodes.get(a.node)?.labels[key];
  const candidates = own.length ? cache.assigned.values() : [];
  for (const a of candidates) {
    const hits = own.filter((term) => termMatches(term, info.namespace, a));
    for (const term of hits) forbid(info.antiForbidden, term.topologyKey, labelOf(a, term.topologyKey));
  }
  for (const a of cache.antiAffinityPods.values()) {
    const hits = a.antiAffinity.filter((term) => termMatches(term, a.namespace, info));
    for (const term of hits) forbid(info.existingForbidden, term.topologyKey, labelOf(a, term.topologyKey));
  }
}

function closedBy(forbidden: Map<string, Set<string>>, labels: Labels): boolean {
  if (forbidden.size === 0) return false;
  for (const [key, values] of forbidden) if (values.has(labels[key])) return true;
  return false;
}

function unresolvable(reason: string): Failure {
  return { reasons: [reason], unresolvable: true };
}

function fits(pod: PodInfo, n: NodeInfo): boolean {
  if (n.pods.size + 1 > n.maxPods) return false;
  const keys = pod.requestKeys;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (pod.requestValues[i] + (n.requested[k] ?? 0) > (n.allocatable[k] ?? 0)) return false;
  }
  return true;
}

/** NodeResourcesFit's reasons: "Too many pods" first, then each short resource. */
function fitResources(pod: PodInfo, n: NodeInfo): Failure | undefined {
  if (fits(pod, n)) return undefined;
  const reasons: string[] = [];
  let hopeless = false;
  if (n.pods.size + 1 > n.maxPods) {
    reasons.push('Too many pods');
    hopeless = n.maxPods < 1;
  }
  for (const k in pod.requests) {
    const want = pod.requests[k];
    const alloc = n.allocatable[k] ?? 0;
    if (want + (n.requested[k] ?? 0) <= alloc) continue;
    reasons.push(`Insufficient ${k}`);
    if (want > alloc) hopeless = true;
  }
  return { reasons, unresolvable: hopeless };
}

function matchesAffinity(pod: PodInfo, n: NodeInfo): boolean {
  if (!matchesNodeSelector(pod.nodeSelector, n.labels)) return false;
  return !pod.requiredTerms || matchesTerms(pod.requiredTerms, n.labels, n.name);
}

function volumesFit(pod: PodInfo, n: NodeInfo): boolean {
  for (const terms of pod.volumeTerms) if (!matchesTerms(terms, n.labels, n.name)) return false;
  return true;
}

/** kube-scheduler's filter plugins in their order; the first that fails decides the node's reasons. */
export function filterNode(pod: PodInfo, n: NodeInfo): Failure | undefined {
  if (n.unschedulable && !toleratesAny(pod.tolerations, UNSCHEDULABLE_TAINT)) return unresolvable('node(s) were unschedulable');
  const taint = firstUntolerated(n.taints, pod.tolerations);
  if (taint) return unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
  if (!matchesAffinity(pod, n)) return unresolvable("node(s) didn't match Pod's node affinity/selector");
  const fit = fitResources(pod, n);
  if (fit) return fit;
  if (!volumesFit(pod, n)) return unresolvable('node(s) had volume node affinity conflict');
  return interPodAffinity(pod, n);
}

function interPodAffinity(pod: PodInfo, n: NodeInfo): Failure | undefined {
  if (closedBy(pod.antiForbidden, n.labels)) return { reasons: ["node(s) didn't match pod anti-affinity rules"], unresolvable: false };
  if (closedBy(pod.existingForbidden, n.labels)) return { reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"], unresolvable: false };
  return undefined;
}

/** NodeResourcesLeastAllocated over cpu and memory (0..100, higher is emptier). */
export function leastAllocatedScore(pod: PodInfo, n: NodeInfo): number {
  return (freeShare(n.allocatable.cpu ?? 0, n.nonzeroCpu + pod.nonzeroCpu) + freeShare(n.allocatable.memory ?? 0, n.nonzeroMemory + pod.nonzeroMemory)) / 2;
}

function freeShare(alloc: number, used: number): number {
  return alloc <= 0 ? 0 : Math.max(0, (alloc - used) * 100) / alloc;
}
