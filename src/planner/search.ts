// Choosing the packing: first-fit-decreasing onto the cheapest compatible offering (the baseline), a few
// per-group kind choices, then column generation over node patterns seeded with the best of those. When
// column generation cannot run or leaves pods out (limits), the greedy refinements run too; the
// cheapest packing that places the most pods wins.
import type { PackContext, PackResult } from './pack.ts';
import { pack, shrink } from './pack.ts';
import type { PodGroup } from './groups.ts';
import { packByValue } from './value-pack.ts';
import { classChoices } from './class-kinds.ts';
import { packByPatterns } from './patterns/index.ts';
import { balanceSpread } from './spread.ts';

/** Alternatives tried per group, and how many of the costliest groups get them. */
const ALTERNATIVES = 3;
const GROUPS_REFINED = 8;
/** Starting points from the kinds best for each class of groups. */
const CLASS_STARTS = 2;
/** Fill granularities tried by the mixing packing (1/step of what fits per step). */
const VALUE_FILL_STEPS = [2, 4];
/** Cost-per-pod candidates kept before picking distinct alternatives. */
const CANDIDATES_KEPT = 48;

export interface SearchResult {
  best: PackResult;
  /** First-fit-decreasing onto each group's cheapest compatible kind, without any refinement. */
  baseline: PackResult;
}

export function search(ctx: PackContext, order: readonly number[], counts: readonly number[]): SearchResult {
  const cheapest = ctx.groups.map((g) => (g.compat.length > 0 ? g.compat[0] : -1));
  const baseline = balanceSpread(ctx, pack(ctx, order, cheapest, counts));
  const evaluate = (choice: readonly number[]): PackResult => finish(ctx, pack(ctx, order, choice, counts));
  const ranked = ctx.groups.map((g, i) => rankedChoices(ctx, g, counts[i]).map((c) => c.kind));
  const byClass = classChoices(ctx, counts);
  let best = { result: evaluate(cheapest), choice: cheapest };
  for (const start of startingChoices(ranked, byClass)) {
    const result = evaluate(start);
    if (better(result, best.result)) best = { result, choice: start };
  }
  const patterned = packByPatterns(ctx, order, counts, best.result.nodes);
  const fromPatterns = patterned ? finish(ctx, patterned.result) : null;
  // Column generation is the main packing; the greedy ones run when it could not (too many groups), ran
  // out of its work budget, or when template limits left pods out.
  const settled = fromPatterns && patterned?.complete && unplacedTotal(fromPatterns) === 0;
  const other = settled
    ? best.result
    : refineGreedily(ctx, best, { ranked, byClass, counts, evaluate, price: ctx.columns.price });
  return { best: fromPatterns && better(fromPatterns, other) ? fromPatterns : other, baseline };
}

/** Coordinate descent over per-group kinds, then the value-mixing packing; the better of them. */
function refineGreedily(
  ctx: PackContext,
  start: { result: PackResult; choice: number[] },
  r: Refinement,
): PackResult {
  let result = refine(start, r).result;
  for (const step of VALUE_FILL_STEPS) {
    const mixed = finish(ctx, packByValue(ctx, r.counts, step));
    if (better(mixed, result)) result = mixed;
  }
  return result;
}

/**
 * Every candidate packing ends the same way: nodes moved to the cheapest kind that holds them, zones of
 * spread groups kept within their skew when limits left pods out.
 */
function finish(ctx: PackContext, result: PackResult): PackResult {
  return balanceSpread(ctx, shrink(ctx, result));
}

/** Each group's best kind by price per pod; then, class by class, the kinds best for the whole class. */
function startingChoices(ranked: readonly number[][], byClass: readonly number[][]): number[][] {
  const own = ranked.map((r) => r[0] ?? -1);
  const starts = [own];
  for (let j = 0; j < CLASS_STARTS; j++) {
    starts.push(own.map((k, g) => byClass[g][j] ?? byClass[g][0] ?? k));
  }
  return starts;
}

interface Refinement {
  ranked: readonly number[][];
  byClass: readonly number[][];
  counts: readonly number[];
  evaluate: (choice: readonly number[]) => PackResult;
  price: Float64Array;
}

/** Coordinate descent: for the costliest groups, try other kinds one group at a time; keep what helps. */
function refine(
  start: { result: PackResult; choice: number[] },
  r: Refinement,
): { result: PackResult; choice: number[] } {
  let { result, choice } = start;
  for (const g of costliestGroups(result, r.counts.length, r.price)) {
    const alternatives = [...new Set([...r.ranked[g], ...r.byClass[g].slice(0, 1)])].filter(
      (k) => k !== choice[g],
    );
    for (const k of alternatives) {
      const trial = choice.map((c, i) => (i === g ? k : c));
      const tried = r.evaluate(trial);
      if (better(tried, result)) {
        result = tried;
        choice = trial;
      }
    }
  }
  return { result, choice };
}

/** Groups by what their nodes cost in a packing (a node's price shared by pod count), dearest first. */
function costliestGroups(result: PackResult, groups: number, price: Float64Array): number[] {
  const cost = new Array<number>(groups).fill(0);
  for (const node of result.nodes) {
    const pods = node.counts.reduce((s, [, n]) => s + n, 0);
    for (const [g, n] of node.counts) cost[g] += (price[node.kind] * n) / pods;
  }
  return cost
    .map((c, g) => ({ c, g }))
    .filter((x) => x.c > 0)
    .sort((a, b) => b.c - a.c || a.g - b.g)
    .slice(0, GROUPS_REFINED)
    .map((x) => x.g);
}

interface Choice {
  kind: number;
  costPerPod: number;
}

/** Best kinds by price per pod (a node holds min(perNode, count) pods), distinct by location/type/lifecycle. */
export function rankedChoices(
  ctx: PackContext,
  group: PodGroup,
  count: number,
  wanted = ALTERNATIVES + 1,
): Choice[] {
  const top: Choice[] = [];
  const seen = new Set<string>();
  const candidates = bestByCostPerPod(ctx, group, count, Math.max(CANDIDATES_KEPT, wanted * 12));
  for (const c of candidates) {
    const kind = ctx.kinds[c.kind];
    const id = `${kind.location.name}|${kind.offering.instanceType}|${kind.lifecycle}`;
    if (seen.has(id)) continue;
    seen.add(id);
    top.push(c);
    if (top.length >= wanted) break;
  }
  return top;
}

/** The `keep` lowest cost-per-pod kinds, ordered (a bounded insertion list: no full sort). */
function bestByCostPerPod(ctx: PackContext, group: PodGroup, count: number, keep: number): Choice[] {
  const best: Choice[] = [];
  const price = ctx.columns.price;
  for (let i = 0; i < group.compat.length; i++) {
    const pods = Math.min(group.perNode[i], Math.max(count, 1));
    if (pods <= 0) continue;
    const c = { kind: group.compat[i], costPerPod: price[group.compat[i]] / pods };
    if (best.length === keep && !before(c, best[keep - 1])) continue;
    let at = best.length;
    while (at > 0 && before(c, best[at - 1])) at--;
    best.splice(at, 0, c);
    if (best.length > keep) best.pop();
  }
  return best;
}

function before(a: Choice, b: Choice): boolean {
  return a.costPerPod < b.costPerPod || (a.costPerPod === b.costPerPod && a.kind < b.kind);
}

function unplacedTotal(r: PackResult): number {
  return r.unplaced.reduce((a, b) => a + b, 0);
}

/** Fewer pods left out first, then lower price (ignoring float noise). */
export function better(a: PackResult, b: PackResult): boolean {
  const ua = unplacedTotal(a);
  const ub = unplacedTotal(b);
  if (ua !== ub) return ua < ub;
  return a.cost < b.cost - 1e-9;
}
