// Column generation: solve the master, price every useful kind with its duals, add the patterns that
// would lower the price, repeat until none does or the master is provably within GAP of the best
// fractional plan (Farley's bound: objective / the best value-per-dollar any kind offers).
import type { PackContext } from '../pack.ts';
import type { Master, MasterSolution } from './master.ts';
import { bestPattern, valueBound, type PriceMemo, type Priced, type PricingInput } from './pricing.ts';

export interface Rounds {
  /** Master solves at most. */
  rounds: number;
  /** Patterns added per round at most (the best by value per dollar). */
  perRound: number;
}

/** Relative distance from the fractional optimum at which generating more patterns stops. */
const GAP = 0.001;
/** A pattern must beat its node's price by this share to be added. */
const IMPROVEMENT = 1e-7;

export interface Generation {
  ctx: PackContext;
  repels: boolean;
  useful: readonly number[];
  requests: Float64Array;
  memo: PriceMemo;
  /** Arithmetic left for this packing (LP pivots and pricing); once spent, no more patterns are made. */
  budget: { left: number };
}

export function generate(gen: Generation, master: Master, limits: Rounds): MasterSolution {
  let solution = solveCounted(gen, master);
  for (
    let round = 1;
    round < limits.rounds && solution.status === 'optimal' && gen.budget.left > 0;
    round++
  ) {
    const input = {
      ctx: gen.ctx,
      requests: gen.requests,
      values: solution.values,
      demand: master.demand,
      repels: gen.repels,
    };
    const found = price(gen, input);
    if (found.length === 0) break;
    const best = found[0].value / gen.ctx.columns.price[found[0].pattern.kind];
    if (solution.objective / best >= solution.objective * (1 - GAP)) break;
    let added = 0;
    for (const f of found) {
      if (added >= limits.perRound) break;
      if (master.add(f.pattern)) added++;
    }
    if (added === 0) break;
    solution = solveCounted(gen, master);
  }
  return solution;
}

function solveCounted(gen: Generation, master: Master): MasterSolution {
  const before = master.work;
  const solution = master.solve();
  gen.budget.left -= master.work - before;
  return solution;
}

/** Patterns worth more than their node's price, best value per dollar first. */
function price(gen: Generation, input: PricingInput): Priced[] {
  const found: Priced[] = [];
  const prices = gen.ctx.columns.price;
  for (const k of gen.useful) {
    const limit = prices[k] * (1 + IMPROVEMENT);
    const rho = gen.memo.get(k);
    if (rho && valueBound(input, k, rho) <= limit) continue;
    const result = bestPattern(input, k);
    gen.budget.left -= result.work;
    gen.memo.set(k, result.rho);
    if (result.priced.value > limit) found.push(result.priced);
  }
  const ratio = (p: Priced): number => p.value / prices[p.pattern.kind];
  return found.sort((a, b) => ratio(b) - ratio(a) || a.pattern.kind - b.pattern.kind);
}
