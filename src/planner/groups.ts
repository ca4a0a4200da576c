// Identical pending pods form one group; the planner reasons about groups, not single pods.
import type { PlannerPod } from './types.ts';
import type { NodeKind } from './kinds.ts';
import { compareStrings } from './locations.ts';
import { copiesThatFit, fits } from './resources.ts';
import { matchesLabelSelector, matchesNodeConstraints, toleratesAll } from './labels.ts';

export interface PodGroup {
  index: number;
  key: string;
  proto: PlannerPod;
  /** Sorted by namespace/name. */
  pods: PlannerPod[];
  /** Kind indices this group can use (available ones), ascending = cheapest first. */
  compat: Int32Array;
  /** member[kindIndex] = 1 when compatible. */
  member: Uint8Array;
  /** Pods of this group one empty node of compat[i] holds. */
  perNode: Int32Array;
  /** The same, indexed by kind index (0 where incompatible). */
  perNodeOf: Int32Array;
  /** Required anti-affinity that matches the pod itself: one per node. */
  selfExclusive: boolean;
  /** Zone this (topology-spread) group is pinned to. */
  zone?: string;
  /** For a spread sub-group: the index of the group it was split from (in the unsplit list). */
  spreadOf?: number;
}

export function podKey(pod: PlannerPod): string {
  return `${pod.namespace}/${pod.name}`;
}

export function comparePods(a: PlannerPod, b: PlannerPod): number {
  return compareStrings(a.namespace, b.namespace) || compareStrings(a.name, b.name);
}

/** JSON with object keys sorted, so equal pods give equal keys whatever the manifest order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort(compareStrings)
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Groups pods by everything but their name; groups sorted by key, pods by name. */
export function groupPods(pods: readonly PlannerPod[]): PodGroup[] {
  const byKey = new Map<string, PlannerPod[]>();
  for (const pod of pods) {
    const { name: _name, ...shape } = pod;
    const key = stableStringify(shape);
    const list = byKey.get(key);
    if (list) list.push(pod);
    else byKey.set(key, [pod]);
  }
  const keys = [...byKey.keys()].sort(compareStrings);
  return keys.map((key, index) => {
    const members = (byKey.get(key) ?? []).sort(comparePods);
    return emptyGroup(index, key, members);
  });
}

export function emptyGroup(index: number, key: string, pods: PlannerPod[]): PodGroup {
  const proto = pods[0];
  return {
    index,
    key,
    proto,
    pods,
    compat: new Int32Array(0),
    member: new Uint8Array(0),
    perNode: new Int32Array(0),
    perNodeOf: new Int32Array(0),
    selfExclusive: proto.antiAffinity.some((s) => matchesLabelSelector(proto.labels, s)),
  };
}

/** Can a pod like this run on an empty node of this kind (ignoring availability)? */
export function podFitsKind(pod: PlannerPod, kind: NodeKind): boolean {
  if (pod.usesPvc && kind.location.edge) return false;
  if (pod.zoneSpread.length > 0 && kind.offering.zone === '') return false;
  if (!fits(pod.requests, kind.capacity)) return false;
  if (!toleratesAll(pod.tolerations, kind.taints)) return false;
  return matchesNodeConstraints(kind.labels, pod.nodeSelector, pod.affinityTerms);
}

/** Fills compat/member/perNode of a group over the available kinds (optionally pinned to a zone). */
export function fillCompat(group: PodGroup, kinds: readonly NodeKind[]): void {
  const list: number[] = [];
  const member = new Uint8Array(kinds.length);
  const perNodeOf = new Int32Array(kinds.length);
  const usable = kindFilter(group);
  for (const kind of kinds) {
    if (!usable(kind)) continue;
    list.push(kind.index);
    member[kind.index] = 1;
    perNodeOf[kind.index] = group.selfExclusive ? 1 : copiesThatFit(group.proto.requests, kind.capacity);
  }
  group.compat = Int32Array.from(list);
  group.member = member;
  group.perNodeOf = perNodeOf;
  group.perNode = Int32Array.from(list, (k) => perNodeOf[k]);
}

/** Available, big enough, in the group's zone, placeable, with matching labels. */
function kindFilter(group: PodGroup): (kind: NodeKind) => boolean {
  const pod = group.proto;
  const placeOk = placeCache(pod);
  const needsLabels = pod.affinityTerms.length > 0 || Object.keys(pod.nodeSelector).length > 0;
  return (kind) => {
    if (kind.unavailable || !fits(pod.requests, kind.capacity)) return false;
    if (group.zone !== undefined && kind.offering.zone !== group.zone) return false;
    if (!placeOk(kind)) return false;
    return !needsLabels || matchesNodeConstraints(kind.labels, pod.nodeSelector, pod.affinityTerms);
  };
}

/** Taints, PVC and zone rules depend only on template and location (and zone presence): cached per pair. */
function placeCache(pod: PlannerPod): (kind: NodeKind) => boolean {
  const cache: (boolean | undefined)[] = [];
  return (kind) => {
    let ok = cache[kind.placeId];
    if (ok === undefined) {
      ok =
        !(pod.usesPvc && kind.location.edge) &&
        !(pod.zoneSpread.length > 0 && kind.offering.zone === '') &&
        toleratesAll(pod.tolerations, kind.taints);
      cache[kind.placeId] = ok;
    }
    return ok;
  };
}

/** conflicts[g][h]: a pod of g may not share a node with a pod of h (required anti-affinity, either way). */
export function antiAffinityConflicts(groups: readonly PodGroup[]): boolean[][] {
  const blocks = (a: PlannerPod, b: PlannerPod): boolean =>
    a.namespace === b.namespace && a.antiAffinity.some((s) => matchesLabelSelector(b.labels, s));
  return groups.map((g) => groups.map((h) => blocks(g.proto, h.proto) || blocks(h.proto, g.proto)));
}
