// The cluster as the policy sees it: free room at home, and each edge node with its pods sorted
// into those the evictor may move and those that keep the node from being emptied.
import type { V1Node, V1Pod } from '@kubernetes/client-node';
import type { PlannerPod } from '../../planner/index.ts';
import { acceptsPods, bestFit, edgeLocationOf, isEdgeNode, isNodeReady, place, roomOf, type Room } from './capacity.ts';
import {
  controllerOf,
  holdsResources,
  isDaemonSetPod,
  isDeleting,
  isPending,
  localOnlyNamespaces,
  podKey,
  toPlannerPod,
  unmovableReason,
} from './pods.ts';
import { DRAINING_ANNOTATION, type OwnerRef, type PolicyInput, type Skip } from './types.ts';

export interface LivePod {
  pod: V1Pod;
  planner: PlannerPod;
  owner: OwnerRef;
}

export interface EdgeNodeState {
  node: V1Node;
  room: Room;
  location: string;
  movable: LivePod[];
  /** Live pods that may not be moved (they keep the node from being emptied). */
  blockers: number;
  /** Live pods other than DaemonSet pods: a node with none is empty. */
  workloads: number;
  /** Cordoned by the evictor in an earlier cycle. */
  draining: boolean;
  /** Pods not yet scheduled that the plan expects here: such a node is not emptied. */
  expecting: number;
}

export interface ClusterView {
  home: Room[];
  edges: EdgeNodeState[];
  skipped: Skip[];
}

function plannerPods(pods: readonly V1Pod[]): PlannerPod[] {
  return pods.flatMap((p) => toPlannerPod(p) ?? []);
}

function podsByNode(pods: readonly V1Pod[]): Map<string, V1Pod[]> {
  const out = new Map<string, V1Pod[]>();
  for (const pod of pods) {
    if (!holdsResources(pod)) continue;
    const name = pod.spec?.nodeName ?? '';
    const list = out.get(name) ?? [];
    list.push(pod);
    out.set(name, list);
  }
  return out;
}

export function isDrainingByEvictor(node: V1Node): boolean {
  return node.spec?.unschedulable === true && node.metadata?.annotations?.[DRAINING_ANNOTATION] !== undefined;
}

function edgeState(node: V1Node, pods: readonly V1Pod[], room: Room, ctx: { localOnly: ReadonlySet<string>; skipped: Skip[] }): EdgeNodeState {
  const state: EdgeNodeState = { node, room, location: edgeLocationOf(node), movable: [], blockers: 0, workloads: 0, draining: isDrainingByEvictor(node), expecting: 0 };
  for (const pod of pods) {
    if (isDeleting(pod.metadata) || isDaemonSetPod(pod)) continue;
    state.workloads += 1;
    const reason = unmovableReason(pod, { node, localOnlyNamespaces: ctx.localOnly });
    const planner = toPlannerPod(pod);
    const owner = controllerOf(pod);
    if (reason || !planner || !owner) {
      state.blockers += 1;
      ctx.skipped.push({ pod: podKey(pod), node: room.name, reason: reason ?? 'bare-pod', message: `${podKey(pod)} stays on ${room.name}: ${reason ?? 'unreadable spec'}` });
    } else state.movable.push({ pod, planner, owner });
  }
  return state;
}

/** Edge nodes the evictor may take pods from: Ready, and schedulable or being drained by it. */
function isSourceCandidate(node: V1Node): boolean {
  return isNodeReady(node) && !isDeleting(node.metadata) && (node.spec?.unschedulable !== true || isDrainingByEvictor(node));
}

/** Pods not yet scheduled take room first: at home if they fit there, else on an edge node that accepts them. */
function reservePending(view: ClusterView, pods: readonly V1Pod[]): void {
  const edges = view.edges.filter((e) => acceptsPods(e.node));
  const edgeRooms = edges.map((e) => e.room);
  for (const pod of pods) {
    if (!isPending(pod)) continue;
    const p = toPlannerPod(pod);
    const room = p && (bestFit(view.home, p) ?? bestFit(edgeRooms, p));
    if (!p || !room) continue;
    place(room, p);
    const edge = edges.find((e) => e.room === room);
    if (edge) edge.expecting += 1;
  }
}

export function readCluster(input: PolicyInput): ClusterView {
  const byNode = podsByNode(input.pods);
  const view: ClusterView = { home: [], edges: [], skipped: [] };
  const ctx = { localOnly: localOnlyNamespaces(input.namespaces), skipped: view.skipped };
  for (const node of input.nodes) {
    const pods = byNode.get(node.metadata?.name ?? '') ?? [];
    const room = roomOf(node, plannerPods(pods));
    if (!room) continue;
    if (!isEdgeNode(node)) {
      if (acceptsPods(node)) view.home.push(room);
    } else if (isSourceCandidate(node)) view.edges.push(edgeState(node, pods, room, ctx));
  }
  reservePending(view, input.pods);
  return view;
}
