// Which edge nodes of one location to empty, and where each of their pods can go: home first,
// else onto the location's fuller nodes (the keepers). The fewest keepers that hold everything win.
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

type Trial = { ok: true; home: Room[]; drains: Drain[] } | { ok: false; failed: EdgeNodeState };

function bySizeDesc(a: LivePod, b: LivePod): number {
  return b.planner.requests.cpu - a.planner.requests.cpu || b.planner.requests.memory - a.planner.requests.memory;
}

function byShare(a: EdgeNodeState, b: EdgeNodeState): number {
  return usedShare(a.room) - usedShare(b.room) || a.room.name.localeCompare(b.room.name);
}

/** First-fit decreasing of every pod of `drainSet` into home, then keepers; all or nothing. */
function tryDrain(drainSet: readonly EdgeNodeState[], home: readonly Room[], keepers: readonly EdgeNodeState[]): Trial {
  const homeRooms = cloneRooms(home);
  const keeperRooms = cloneRooms(keepers.map((k) => k.room));
  const pods = drainSet.flatMap((state) => state.movable.map((live) => ({ state, live })));
  pods.sort((a, b) => bySizeDesc(a.live, b.live));
  const byNode = new Map<EdgeNodeState, Assignment[]>(drainSet.map((s) => [s, []]));
  for (const { state, live } of pods) {
    const target = bestFit(homeRooms, live.planner) ?? bestFit(keeperRooms, live.planner);
    if (!target) return { ok: false, failed: state };
    place(target, live.planner);
    byNode.get(state)?.push({ live, target });
  }
  const drains = [...byNode].map(([state, assignments]) => ({ state, assignments }));
  return { ok: true, home: homeRooms, drains };
}

function receives(s: EdgeNodeState): boolean {
  return acceptsPods(s.node) && s.workloads > 0;
}

interface Search {
  candidates: EdgeNodeState[];
  forced: EdgeNodeState[];
  optional: EdgeNodeState[];
}

function initialSearch(states: readonly EdgeNodeState[]): Search {
  const candidates = states.filter((s) => s.blockers === 0 && s.movable.length > 0);
  const forced = states.filter((s) => receives(s) && !candidates.includes(s));
  const optional = candidates.filter((s) => receives(s) && !s.draining).sort((a, b) => -byShare(a, b));
  return { candidates, forced, optional };
}

/** A node whose pods cannot all go anywhere stops being a candidate (it keeps its pods). */
function giveUp(search: Search, failed: EdgeNodeState): void {
  search.candidates = search.candidates.filter((s) => s !== failed);
  search.optional = search.optional.filter((s) => s !== failed);
  if (receives(failed)) search.forced.push(failed);
}

/**
 * Tries keepers = forced ∪ the k fullest candidates for k = 0, 1, …; the first k whose other nodes can
 * be emptied wins. Consumes room at home (`home` is updated) for the pods it sends there.
 */
export function planLocation(states: readonly EdgeNodeState[], home: Room[]): Drain[] {
  const search = initialSearch(states);
  let k = 0;
  for (let guard = 0; guard < 4 * states.length + 4; guard++) {
    const keepers = [...search.forced, ...search.optional.slice(0, k)];
    const drainSet = search.candidates.filter((s) => !keepers.includes(s)).sort(byShare);
    if (drainSet.length === 0) return [];
    const trial = tryDrain(drainSet, home, keepers);
    if (trial.ok) {
      home.splice(0, home.length, ...trial.home);
      return trial.drains;
    }
    if (k < search.optional.length) k += 1;
    else {
      giveUp(search, trial.failed);
      k = 0;
    }
  }
  return [];
}
