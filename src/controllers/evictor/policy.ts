// The evictor's policy, pure: nodes + pods + PDBs + cool-down → the evictions to make now, with reasons.
//
// Main is home; edge is the fallback. Moving a pod home onto room the main cluster already has costs
// nothing and stops cross-cloud traffic, so it is always the better place; the evictor never moves a pod
// towards an edge node except to pack an edge location onto fewer nodes. It empties whole edge nodes:
// a node is drained only when every pod on it can go somewhere (home first, else a fuller node of the
// same location that already runs pods and whose taints the pod tolerates).
import type { V1Node } from '@kubernetes/client-node';
import { Budgets } from './budgets.ts';
import { readCluster, type ClusterView } from './cluster.ts';
import { planLocation, type Assignment, type Drain } from './drain-plan.ts';
import { podKey } from './pods.ts';
import { DRAINING_ANNOTATION, type Move, type PolicyInput, type PolicyResult, type Skip } from './types.ts';

function planDrains(view: ClusterView): Drain[] {
  const locations = [...new Set(view.edges.map((e) => e.location))].sort();
  return locations.flatMap((loc) => planLocation(view.edges.filter((e) => e.location === loc), view.home));
}

function toMove(drain: Drain, a: Assignment): Move {
  const from = drain.state.room.name;
  const meta = a.live.pod.metadata ?? {};
  const home = !a.target.edge;
  return {
    kind: home ? 'home' : 'pack',
    pod: { namespace: meta.namespace ?? 'default', name: meta.name ?? '', uid: meta.uid ?? '' },
    owner: a.live.owner,
    fromNode: from,
    location: drain.state.location,
    toNode: a.target.name,
    reason: home
      ? `main cluster node ${a.target.name} has room for it: moving home from edge node ${from} (edge location ${drain.state.location})`
      : `packing edge location ${drain.state.location}: emptying edge node ${from}; edge node ${a.target.name} has room for it`,
  };
}

function skip(move: Move, reason: Skip['reason'], message: string): Skip {
  return { pod: `${move.pod.namespace}/${move.pod.name}`, node: move.fromNode, reason, message };
}

/** Cool-down, then the per-cycle cap, then the pod's PodDisruptionBudget. */
function admit(candidates: readonly { move: Move; drain: Drain; a: Assignment }[], input: PolicyInput): { moves: Move[]; skipped: Skip[] } {
  const budgets = new Budgets(input.pdbs, input.pods);
  const moves: Move[] = [];
  const skipped: Skip[] = [];
  for (const { move, a } of candidates) {
    if (input.coolDown.evictedRecently(move.owner.uid, move.pod.name, input.now)) {
      skipped.push(skip(move, 'cool-down', `${podKey(a.live.pod)} was evicted less than ${input.options.coolDownSeconds}s ago`));
    } else if (moves.length >= input.options.maxEvictionsPerCycle) {
      skipped.push(skip(move, 'cap', `at most ${input.options.maxEvictionsPerCycle} evictions per cycle`));
    } else {
      const verdict = budgets.take(a.live.pod);
      if (verdict.ok) moves.push(move);
      else skipped.push(skip(move, 'pdb', verdict.message));
    }
  }
  return { moves, skipped };
}

function nameOf(node: V1Node): string {
  return node.metadata?.name ?? '';
}

export function planMoves(input: PolicyInput): PolicyResult {
  const view = readCluster(input);
  const drains = planDrains(view);
  const candidates = drains.flatMap((drain) => drain.assignments.map((a) => ({ move: toMove(drain, a), drain, a })));
  const { moves, skipped } = admit(candidates, input);
  const drained = new Set(drains.map((d) => d.state.room.name));
  const emptied = view.edges.filter((e) => e.draining && e.workloads === 0).map((e) => e.room.name);
  const ours = input.nodes.filter((n) => n.metadata?.annotations?.[DRAINING_ANNOTATION] !== undefined).map(nameOf);
  return {
    moves,
    skipped: [...view.skipped, ...skipped],
    cordon: drains.filter((d) => !d.state.draining).map((d) => d.state.room.name),
    uncordon: ours.filter((n) => !drained.has(n) && !emptied.includes(n)),
  };
}
