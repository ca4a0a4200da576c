import type { JsonObject } from '../../util/json.ts';
import { jsonEqual } from '../../util/json.ts';
import type { LabelSelectorObject } from '../../util/selectors.ts';
import { isTerminal, keyOf, labelsOf, namespaceOf, specOf, statusOf, type Labels } from '../shared/pods.ts';
import type { Taint } from './affinity.ts';
import { nodeAllocatable, podRequests, type Resources } from './resources.ts';

export interface AffinityTerm {
  labelSelector?: LabelSelectorObject;
  namespaces?: string[];
  topologyKey: string;
}

export interface AssignedPod {
  key: string;
  node: string;
  namespace: string;
  labels: Labels;
  requests: Resources;
  nonzeroCpu: number;
  nonzeroMemory: number;
  antiAffinity: AffinityTerm[];
}

export interface NodeInfo {
  name: string;
  node?: JsonObject;
  labels: Labels;
  taints: Taint[];
  unschedulable: boolean;
  allocatable: Resources;
  maxPods: number;
  requested: Resources;
  nonzeroCpu: number;
  nonzeroMemory: number;
  pods: Map<string, AssignedPod>;
}

export function requiredAntiAffinity(spec: JsonObject): AffinityTerm[] {
  const anti = (spec.affinity as JsonObject | undefined)?.podAntiAffinity as JsonObject | undefined;
  return (anti?.requiredDuringSchedulingIgnoredDuringExecution as AffinityTerm[] | undefined) ?? [];
}

function emptyNode(name: string): NodeInfo {
  return { name, labels: {}, taints: [], unschedulable: true, allocatable: {}, maxPods: 0, requested: {}, nonzeroCpu: 0, nonzeroMemory: 0, pods: new Map() };
}

/** Pods that hold resources on their node: bound, not finished (terminating pods still count). */
function holdsResources(pod: JsonObject): boolean {
  return Boolean(specOf(pod).nodeName) && !isTerminal(pod);
}

/**
 * The scheduler's picture of the cluster: each node's allocatable and what its pods request,
 * kept current from store events so that scheduling a pod never lists anything.
 */
export class SchedulerCache {
  readonly nodes = new Map<string, NodeInfo>();
  readonly assigned = new Map<string, AssignedPod>();
  /** Assigned pods that carry required anti-affinity (checked against every incoming pod). */
  readonly antiAffinityPods = new Map<string, AssignedPod>();
  private ordered: NodeInfo[] | undefined;

  /** Schedulable nodes in a stable order. */
  nodeList(): NodeInfo[] {
    this.ordered ??= [...this.nodes.values()].filter((n) => n.node !== undefined).sort((a, b) => (a.name < b.name ? -1 : 1));
    return this.ordered;
  }

  /** Returns true when something the filters look at changed. */
  upsertNode(node: JsonObject): boolean {
    const name = String((node.metadata as JsonObject).name);
    const info = this.nodes.get(name) ?? emptyNode(name);
    const before = { labels: info.labels, taints: info.taints, unschedulable: info.unschedulable, allocatable: info.allocatable, maxPods: info.maxPods };
    const { allocatable, maxPods } = nodeAllocatable(statusOf(node));
    const isNew = info.node === undefined;
    info.node = node;
    info.labels = labelsOf(node);
    info.taints = (specOf(node).taints as Taint[] | undefined) ?? [];
    info.unschedulable = specOf(node).unschedulable === true;
    info.allocatable = allocatable;
    info.maxPods = maxPods;
    this.nodes.set(name, info);
    if (isNew) this.ordered = undefined;
    return isNew || !jsonEqual(before, { labels: info.labels, taints: info.taints, unschedulable: info.unschedulable, allocatable, maxPods });
  }

  removeNode(name: string): void {
    const info = this.nodes.get(name);
    if (!info) return;
    this.ordered = undefined;
    if (info.pods.size === 0) this.nodes.delete(name);
    else info.node = undefined;
  }

  /** Applies a pod's latest version; returns true when resources were freed on some node. */
  updatePod(pod: JsonObject | undefined, key: string): boolean {
    const old = this.assigned.get(key);
    const holds = pod !== undefined && holdsResources(pod);
    if (old && holds && old.node === specOf(pod).nodeName) return false;
    if (old) this.unassign(old);
    if (holds) this.assign(pod);
    return old !== undefined;
  }

  private assign(pod: JsonObject): void {
    const spec = specOf(pod);
    const req = podRequests(spec);
    const a: AssignedPod = {
      key: keyOf(pod),
      node: String(spec.nodeName),
      namespace: namespaceOf(pod),
      labels: labelsOf(pod),
      requests: req.requests,
      nonzeroCpu: req.nonzeroCpu,
      nonzeroMemory: req.nonzeroMemory,
      antiAffinity: requiredAntiAffinity(spec),
    };
    let info = this.nodes.get(a.node);
    if (!info) {
      info = emptyNode(a.node);
      this.nodes.set(a.node, info);
    }
    for (const [k, v] of Object.entries(a.requests)) info.requested[k] = (info.requested[k] ?? 0) + v;
    info.nonzeroCpu += a.nonzeroCpu;
    info.nonzeroMemory += a.nonzeroMemory;
    info.pods.set(a.key, a);
    this.assigned.set(a.key, a);
    if (a.antiAffinity.length) this.antiAffinityPods.set(a.key, a);
  }

  private unassign(a: AssignedPod): void {
    this.assigned.delete(a.key);
    this.antiAffinityPods.delete(a.key);
    const info = this.nodes.get(a.node);
    if (!info) return;
    for (const [k, v] of Object.entries(a.requests)) info.requested[k] = (info.requested[k] ?? 0) - v;
    info.nonzeroCpu -= a.nonzeroCpu;
    info.nonzeroMemory -= a.nonzeroMemory;
    info.pods.delete(a.key);
    if (!info.node && info.pods.size === 0) this.nodes.delete(a.node);
  }
}
