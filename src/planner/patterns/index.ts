// Pattern packing: column generation finds the cheapest fractional mix of node patterns, then diving
// makes it whole — open the nodes the fractional plan is sure of (its whole parts), re-plan the pods
// left with the patterns known so far plus new ones, and repeat. See ADR 0010.
import type { OpenNode, PackContext, PackResult } from '../pack.ts';
import { cloneLimits, debitLimits, filledNode, pack, withinLimits } from '../pack.ts';
import { generate, type Generation, type Rounds } from './generate.ts';
import { Master, type MasterSolution } from './master.ts';
import { anyRepulsion, groupRequests, type Pattern } from './pricing.ts';
import { usefulKinds } from './useful-kinds.ts';

/** Above this many pending groups the pattern packing is not tried; the other packings carry on. */
export const MAX_PATTERN_GROUPS = 150;
const FIRST: Rounds = { rounds: 80, perRound: 40 };
const LATER: Rounds = { rounds: 12, perRound: 20 };
/** With many groups each master solve costs more (dense m×m basis), so later dives price less. */
const LATER_MANY: Rounds = { rounds: 4, perRound: 20 };
const MANY_GROUPS = 60;
const MAX_DIVES = 60;
/**
 * Arithmetic (LinearProgram.work units) one pattern packing may spend: the 50-group bench scenario uses
 * about 15% of it, 100 groups about half. Past it, no new patterns are priced, a few more dives make
 * whole what the master already has, the rest goes first-fit, and the greedy packings run as well; so
 * many pending groups cost a second or two, not minutes. Counted work, not time: plans stay repeatable.
 */
const WORK_BUDGET = 3e8;
const DIVES_PAST_BUDGET = 4;
/** Patterns carried to the next dive: those in use or within this share of paying for themselves. */
const KEEP_WITHIN = 0.05;

export interface PatternPacking {
  result: PackResult;
  /** False when the work budget ran out: the packing is usable but may be beaten by the greedy ones. */
  complete: boolean;
}

export function packByPatterns(
  ctx: PackContext,
  order: readonly number[],
  counts: readonly number[],
  seeds: readonly OpenNode[],
): PatternPacking | null {
  const pending = counts.filter((c) => c > 0).length;
  if (pending === 0 || pending > MAX_PATTERN_GROUPS) return null;
  const gen: Generation = {
    ctx,
    repels: anyRepulsion(ctx),
    useful: usefulKinds(ctx, counts),
    requests: groupRequests(ctx),
    memo: new Map(),
    budget: { left: WORK_BUDGET },
  };
  const demand = [...counts];
  const seedPool = seeds.map((n) => ({ kind: n.kind, counts: [...n.counts].sort((a, b) => a[0] - b[0]) }));
  const chosen = dive(gen, demand, seedPool, pending > MANY_GROUPS ? LATER_MANY : LATER);
  if (!chosen) return null;
  return { result: toResult(ctx, order, chosen, demand), complete: gen.budget.left > 0 };
}

/** Dives until nothing is pending (or the dives or the budget run out); null if a master LP fails. */
function dive(gen: Generation, demand: number[], seedPool: Pattern[], later: Rounds): Pattern[] | null {
  const chosen: Pattern[] = [];
  let pool = seedPool;
  for (let d = 0; d < MAX_DIVES && demand.some((x) => x > 0); d++) {
    if (gen.budget.left <= 0 && d >= DIVES_PAST_BUDGET) break;
    const master = new Master(gen.ctx, demand);
    for (const p of pool) master.add(p);
    for (const g of master.uncovered()) master.add(single(gen.ctx, g, demand[g]));
    const solution = generate(gen, master, d === 0 ? FIRST : later);
    if (solution.status !== 'optimal') return null;
    pool = master.promising(solution, KEEP_WITHIN);
    chosen.push(...fixWhole(master, solution, demand));
  }
  return chosen;
}

/** A node of the kind with the lowest price per pod for this group alone. */
function single(ctx: PackContext, g: number, demand: number): Pattern {
  const group = ctx.groups[g];
  let best = group.compat[0];
  let bestCost = Infinity;
  for (let i = 0; i < group.compat.length; i++) {
    const k = group.compat[i];
    const cost = ctx.columns.price[k] / Math.min(group.perNode[i], demand);
    if (cost < bestCost) {
      best = k;
      bestCost = cost;
    }
  }
  return { kind: best, counts: [[g, Math.min(group.perNodeOf[best], demand)]] };
}

/**
 * Opens ⌊λ⌋ nodes of every pattern, largest λ first, while each is taken whole: a node the pending pods
 * can no longer fill (the LP over-covered) is left for the next solve. If nothing was whole, the
 * pattern with the largest λ is opened once with what is pending.
 */
function fixWhole(master: Master, solution: MasterSolution, demand: number[]): Pattern[] {
  const byLambda = [...solution.lambda.keys()].sort(
    (a, b) => solution.lambda[b] - solution.lambda[a] || a - b,
  );
  const opened: Pattern[] = [];
  for (const i of byLambda) {
    const pattern = master.patterns[i];
    const copies = Math.floor(solution.lambda[i] + 1e-6);
    for (let c = 0; c < copies && pendingHolds(pattern, demand); c++) take(pattern, demand, opened);
  }
  if (opened.length === 0 && byLambda.length > 0) take(master.patterns[byLambda[0]], demand, opened);
  return opened;
}

function pendingHolds(pattern: Pattern, demand: readonly number[]): boolean {
  return pattern.counts.every(([g, n]) => demand[g] >= n);
}

function take(pattern: Pattern, demand: number[], opened: Pattern[]): void {
  const counts: [number, number][] = [];
  for (const [g, n] of pattern.counts) {
    const m = Math.min(n, demand[g]);
    if (m <= 0) continue;
    demand[g] -= m;
    counts.push([g, m]);
  }
  if (counts.length > 0) opened.push({ kind: pattern.kind, counts });
}

/**
 * Opens the chosen nodes within the templates' limits; pods of nodes the limits refuse, and pods diving
 * did not reach (it stops after MAX_DIVES), go first-fit onto each group's cheapest kind that the limits
 * still allow.
 */
function toResult(
  ctx: PackContext,
  order: readonly number[],
  chosen: readonly Pattern[],
  demand: number[],
): PackResult {
  const limits = cloneLimits(ctx.limits);
  const nodes: OpenNode[] = [];
  for (const p of chosen) {
    const kind = ctx.kinds[p.kind];
    if (!withinLimits(limits, kind)) {
      for (const [g, n] of p.counts) demand[g] += n;
      continue;
    }
    debitLimits(limits, kind);
    nodes.push(filledNode(ctx, p.kind, p.counts));
  }
  let unplaced = ctx.groups.map(() => 0);
  if (demand.some((d) => d > 0)) {
    const cheapest = ctx.groups.map((g) => (g.compat.length > 0 ? g.compat[0] : -1));
    const rest = pack({ ...ctx, limits }, order, cheapest, demand);
    nodes.push(...rest.nodes);
    unplaced = rest.unplaced;
  }
  return { nodes, unplaced, cost: nodes.reduce((s, n) => s + ctx.columns.price[n.kind], 0) };
}
