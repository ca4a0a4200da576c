// Free room on nodes, and the scheduler's fit rules (from the planner) for "can this pod go there".
import type { V1Node } from '@kubernetes/client-node';
import type { Taint } from '../../apis/index.ts';
import type { PlannerPod, Resources } from '../../planner/index.ts';
import { existingNode, nodeManifestSchema } from '../../planner/kube-objects.ts';
import { matchesLabelSelector, matchesNodeConstraints, toleratesAll } from '../../planner/labels.ts';
import { add, fits, subtract, zero } from '../../planner/resources.ts';
import { isDeleting } from './pods.ts';
import { EDGE_LOCATION_LABEL, EDGE_NODE_LABEL } from './types.ts';

export interface Room {
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
  allocatable: Resources;
  free: Resources;
  /** Pods on the node now, plus those the plan puts there (for anti-affinity). */
  residents: PlannerPod[];
  edge: boolean;
  location: string | undefined;
}

export function isEdgeNode(node: V1Node): boolean {
  return node.metadata?.labels?.[EDGE_NODE_LABEL] === 'true';
}

export function edgeLocationOf(node: V1Node): string {
  return node.metadata?.labels?.[EDGE_LOCATION_LABEL] ?? '';
}

export function isNodeReady(node: V1Node): boolean {
  return (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Ready, not cordoned, not being deleted: the scheduler may put new pods there. */
export function acceptsPods(node: V1Node): boolean {
  return isNodeReady(node) && node.spec?.unschedulable !== true && !isDeleting(node.metadata);
}

/** A node's room: allocatable minus the requests of the pods bound to it. Undefined if unreadable. */
export function roomOf(node: V1Node, pods: readonly PlannerPod[]): Room | undefined {
  const parsed = nodeManifestSchema.safeParse(node);
  if (!parsed.success) return undefined;
  const base = existingNode(parsed.data);
  const used = pods.reduce((sum, p) => add(sum, p.requests), zero());
  return {
    name: base.name,
    labels: base.labels,
    taints: base.taints,
    allocatable: base.allocatable,
    free: subtract(base.allocatable, used),
    residents: [...pods],
    edge: isEdgeNode(node),
    location: isEdgeNode(node) ? edgeLocationOf(node) : undefined,
  };
}

export function cloneRooms(rooms: readonly Room[]): Room[] {
  return rooms.map((r) => ({ ...r, free: { ...r.free }, residents: [...r.residents] }));
}

function antiAffinityBlocks(pod: PlannerPod, residents: readonly PlannerPod[]): boolean {
  return residents.some(
    (r) =>
      r.namespace === pod.namespace &&
      (pod.antiAffinity.some((s) => matchesLabelSelector(r.labels, s)) ||
        r.antiAffinity.some((s) => matchesLabelSelector(pod.labels, s))),
  );
}

/** The scheduler's filters: taints, nodeSelector and required affinity, resources, hostname anti-affinity. */
export function canHost(room: Room, pod: PlannerPod): boolean {
  if (pod.usesPvc && room.edge) return false;
  if (!toleratesAll(pod.tolerations, room.taints)) return false;
  if (!matchesNodeConstraints(room.labels, pod.nodeSelector, pod.affinityTerms)) return false;
  if (!fits(pod.requests, room.free)) return false;
  return !antiAffinityBlocks(pod, room.residents);
}

export function place(room: Room, pod: PlannerPod): void {
  room.free = subtract(room.free, pod.requests);
  room.residents.push(pod);
}

/** Share of the node's CPU (then memory) requested: the packing order. */
export function usedShare(room: Room): number {
  const cpu = room.allocatable.cpu > 0 ? 1 - room.free.cpu / room.allocatable.cpu : 0;
  const mem = room.allocatable.memory > 0 ? 1 - room.free.memory / room.allocatable.memory : 0;
  return cpu + mem / 1000;
}

/** Best fit: the room that is left fullest after taking the pod (tight packing). */
export function bestFit(rooms: readonly Room[], pod: PlannerPod): Room | undefined {
  let best: Room | undefined;
  for (const room of rooms) {
    if (!canHost(room, pod)) continue;
    if (!best || room.free.cpu < best.free.cpu || (room.free.cpu === best.free.cpu && room.name < best.name)) best = room;
  }
  return best;
}
