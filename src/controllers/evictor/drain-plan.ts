// Which edge nodes of one location to empty, and where each of their pods can go: home first,
// else onto the location's fuller nodes (the keepers).
import { acceptsPods, bestFit, cloneRooms, place, usedShare, type Room } from './capacity.ts';
import type { EdgeNodeState, LivePod } from './cluster.ts';

export interface Assignment {
  live: LivePod;
  target: Room;
}

export interface Drain {
  state: EdgeNodeState;
  assignments: Assignment[];
}

type Trial = { ok: true; home: Room[]; keepers: Room[]; assignments: Assignment[] } | { ok: false };

function bySizeDesc(a: LivePod, b: LivePod): number {
  return b.planner.requests.cpu - a.planner.requests.cpu || b.planner.requests.memory - a.planner.requests.memory;
}

/** Nodes already being drained first, then the emptiest. */
function drainOrder(a: EdgeNodeState, b: EdgeNodeState): number {
  return Number(b.draining) - Number(a.draining) || usedShare(a.room) - usedShare(b.room) || a.room.name.localeCompare(b.room.name);
}

/** First-fit decreasing of the node's pods: home first, else the fullest target that fits; all or nothing. */
function tryDrain(state: EdgeNodeState, home: readonly Room[], targets: readonly EdgeNodeState[]): Trial {
  const homeRooms = cloneRooms(home);
  const keeperRooms = cloneRooms(targets.map((k) => k.room));
  const assignments: Assignment[] = [];
  for (const live of [...state.movable].sort(bySizeDesc)) {
    const target = bestFit(homeRooms, live.planner) ?? bestFit(keeperRooms, live.planner);
    if (!target) return { ok: false };
    place(target, live.planner);
    assignments.push({ live, target });
  }
  return { ok: true, home: homeRooms, keepers: keeperRooms, assignments };
}

/** Schedulable and already running pods: a node that may take pods from the nodes being emptied. */
function receives(s: EdgeNodeState): boolean {
  return acceptsPods(s.node) && s.workloads > 0;
}

/**
 * Greedy consolidation of one edge location: emptiest node first, each node is emptied if all its pods
 * fit at home or on the location's other nodes that stay (best fit, so pods pile onto the fullest);
 * a node that took pods is kept. Consumes room at home (`home` is updated) for the pods sent there.
 */
export function planLocation(states: EdgeNodeState[], home: Room[]): Drain[] {
  const drained = new Set<EdgeNodeState>();
  const kept = new Set<EdgeNodeState>();
  const drains: Drain[] = [];
  const order = states.filter((s) => s.blockers === 0 && s.expecting === 0 && s.movable.length > 0).sort(drainOrder);
  for (const state of order) {
    if (kept.has(state)) continue;
    const targets = states.filter((t) => t !== state && !drained.has(t) && receives(t));
    const trial = tryDrain(state, home, targets);
    if (!trial.ok) continue;
    home.splice(0, home.length, ...trial.home);
    targets.forEach((t, i) => (t.room = trial.keepers[i]));
    for (const a of trial.assignments) {
      const t = targets.find((x) => x.room === a.target);
      if (t) kept.add(t);
    }
    drained.add(state);
    drains.push({ state, assignments: trial.assignments });
  }
  return drains;
}
