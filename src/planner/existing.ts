// Pending pods go first onto room left on existing and in-flight nodes.
import type { DaemonSetSpec, ExistingNode, PlannerPod, Resources } from './types.ts';
import type { PodGroup } from './groups.ts';
import { add, copiesThatFit, scale, subtract, zero } from './resources.ts';
import { matchesLabelSelector, matchesNodeConstraints, toleratesAll } from './labels.ts';
import { daemonSetOverhead } from './kinds.ts';

export interface ExistingRoom {
  node: ExistingNode;
  free: Resources;
  /** Pods on the node: bound ones and those placed by this plan (for anti-affinity). */
  residents: PlannerPod[];
  placed: PlannerPod[];
}

/** Free room: allocatable minus bound pods, minus daemonsets not already among the bound pods. */
export function existingRooms(
  nodes: readonly ExistingNode[],
  daemonSets: readonly DaemonSetSpec[],
): ExistingRoom[] {
  return nodes.map((node) => {
    const bound = node.pods.reduce((sum, p) => add(sum, p.requests), zero());
    const hasDaemonPods = node.pods.some((p) =>
      daemonSets.some((d) => d.namespace === p.namespace && p.name.startsWith(`${d.name}-`)),
    );
    const overhead = hasDaemonPods ? zero() : daemonSetOverhead(daemonSets, node.labels, node.taints);
    return {
      node,
      free: subtract(subtract(node.allocatable, bound), overhead),
      residents: [...node.pods],
      placed: [],
    };
  });
}

function isEdgeNode(node: ExistingNode): boolean {
  return node.labels['omni.cast.ai/edge-node'] === 'true';
}

function compatible(pod: PlannerPod, node: ExistingNode): boolean {
  if (pod.usesPvc && isEdgeNode(node)) return false;
  if (!toleratesAll(pod.tolerations, node.taints)) return false;
  return matchesNodeConstraints(node.labels, pod.nodeSelector, pod.affinityTerms);
}

function antiAffinityBlocks(pod: PlannerPod, residents: readonly PlannerPod[]): boolean {
  return residents.some(
    (r) =>
      r.namespace === pod.namespace &&
      (pod.antiAffinity.some((s) => matchesLabelSelector(r.labels, s)) ||
        r.antiAffinity.some((s) => matchesLabelSelector(pod.labels, s))),
  );
}

/**
 * Places as many pods of the group as fit, node by node in name order; returns how many were placed.
 * Topology-spread groups are left to new nodes, where the planner spreads them itself.
 */
export function placeOnExisting(rooms: ExistingRoom[], group: PodGroup): number {
  const pod = group.proto;
  if (pod.zoneSpread.length > 0) return 0;
  let placed = 0;
  for (const room of rooms) {
    if (placed === group.pods.length) break;
    if (!compatible(pod, room.node)) continue;
    let n = Math.min(group.pods.length - placed, copiesThatFit(pod.requests, room.free));
    if (pod.antiAffinity.length > 0)
      n = antiAffinityBlocks(pod, room.residents) ? 0 : Math.min(n, group.selfExclusive ? 1 : n);
    if (n <= 0) continue;
    const moved = group.pods.slice(placed, placed + n);
    room.free = subtract(room.free, scale(pod.requests, n));
    room.residents.push(...moved);
    room.placed.push(...moved);
    placed += n;
  }
  return placed;
}
