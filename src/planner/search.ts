// Choosing a node kind per group: start from first-fit-decreasing onto the cheapest compatible
// offering (the baseline), then the kind with the lowest cost per pod, then try a few runner-up
// kinds for the most expensive groups, keeping whatever packs cheapest.
import type { PackContext, PackResult } from './pack.ts';
import { pack, shrink } from './pack.ts';
import type { PodGroup } from './groups.ts';
import { packByValue } from './value-pack.ts';

/** Alternatives tried per group, and how many of the costliest groups get them. */
const ALTERNATIVES = 3;
const GROUPS_REFINED = 12;
/** Cost-per-pod candidates kept before picking distinct alternatives. */
const CANDIDATES_KEPT = 48;

export interface SearchResult {
  best: PackResult;
  /** First-fit-decreasing onto each group's cheapest compatible kind, without any refinement. */
  baseline: PackResult;
}

export function search(ctx: PackContext, order: readonly number[], counts: readonly number[]): SearchResult {
  const cheapest = ctx.groups.map((g) => (g.compat.length > 0 ? g.compat[0] : -1));
  const baseline = pack(ctx, order, cheapest, counts);
  let best = shrink(ctx, pack(ctx, order, cheapest, counts));
  const ranked = ctx.groups.map((g, i) => rankedChoices(ctx, g, counts[i]));
  let choice = ranked.map((r) => r[0]?.kind ?? -1);
  let current = shrink(ctx, pack(ctx, order, choice, counts));
  for (const g of costliestGroups(ranked, counts)) {
    for (const alt of ranked[g].slice(1)) {
      const trial = choice.map((c, i) => (i === g ? alt.kind : c));
      const result = shrink(ctx, pack(ctx, order, trial, counts));
      if (better(result, current)) {
        current = result;
        choice = trial;
      }
    }
  }
  if (better(current, best)) best = current;
  const mixed = shrink(ctx, packByValue(ctx, counts));
  if (better(mixed, best)) best = mixed;
  return { best, baseline };
}

interface Choice {
  kind: number;
  costPerPod: number;
}

/** Best kinds by price per pod (a node holds min(perNode, count) pods), distinct by location/type/lifecycle. */
export function rankedChoices(ctx: PackContext, group: PodGroup, count: number): Choice[] {
  const top: Choice[] = [];
  const seen = new Set<string>();
  const candidates = bestByCostPerPod(ctx, group, count, CANDIDATES_KEPT);
  for (const c of candidates) {
    const kind = ctx.kinds[c.kind];
    const id = `${kind.location.name}|${kind.offering.instanceType}|${kind.lifecycle}`;
    if (seen.has(id)) continue;
    seen.add(id);
    top.push(c);
    if (top.length > ALTERNATIVES) break;
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

function costliestGroups(ranked: readonly Choice[][], counts: readonly number[]): number[] {
  return ranked
    .map((r, g) => ({ g, cost: (r[0]?.costPerPod ?? 0) * counts[g] }))
    .filter((x) => ranked[x.g].length > 1)
    .sort((a, b) => b.cost - a.cost || a.g - b.g)
    .slice(0, GROUPS_REFINED)
    .map((x) => x.g);
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
