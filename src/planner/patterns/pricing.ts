// Pricing: the most valuable set of pending pods one node of a kind can hold, given what each group's
// pods are worth (the master's duals). The fractional version is a tiny LP (a row per resource, a
// bounded column per group), solved exactly; its solution is rounded down and the room left is filled
// greedily in the order of the LP's resource prices, and a plain density greedy is tried as well.
import type { PackContext } from '../pack.ts';
import { LinearProgram } from '../lp/simplex.ts';

export const RESOURCE_COUNT = 5;

/** A node's contents: [group, pods] pairs, groups ascending. */
export interface Pattern {
  kind: number;
  counts: [number, number][];
}

export interface Priced {
  pattern: Pattern;
  value: number;
}

/** Requests of every group as a flat Float64Array (5 per group), for the tight loops. */
export function groupRequests(ctx: PackContext): Float64Array {
  const out = new Float64Array(ctx.groups.length * RESOURCE_COUNT);
  ctx.groups.forEach((g, i) => {
    const r = g.proto.requests;
    out.set([r.cpu, r.memory, r.ephemeral, r.gpu, r.pods], i * RESOURCE_COUNT);
  });
  return out;
}

export interface PricingInput {
  ctx: PackContext;
  requests: Float64Array;
  values: Float64Array;
  demand: readonly number[];
  /** Whether any two groups repel each other (required anti-affinity); if not, nothing is checked. */
  repels: boolean;
}

export function anyRepulsion(ctx: PackContext): boolean {
  return ctx.conflicts.some((row) => row.some(Boolean));
}

/**
 * Resource prices (per unit of capacity share) that bound what any pattern of kind k is worth:
 * value ≤ Σρ + Σ_g u_g·max(0, π_g − ρ·share_g) for every ρ ≥ 0. Kept per kind between rounds, so most
 * kinds are ruled out without solving anything.
 */
export type PriceMemo = Map<number, Float64Array>;

export function valueBound(input: PricingInput, k: number, rho: Float64Array): number {
  const { ctx, requests, values, demand } = input;
  const cap = ctx.columns.capacity;
  let bound = 0;
  for (let r = 0; r < RESOURCE_COUNT; r++) bound += rho[r];
  for (let g = 0; g < ctx.groups.length; g++) {
    if (values[g] <= 0 || demand[g] <= 0 || ctx.groups[g].member[k] !== 1) continue;
    let cost = 0;
    for (let r = 0; r < RESOURCE_COUNT; r++) {
      const c = cap[k * RESOURCE_COUNT + r];
      if (c > 0) cost += (rho[r] * requests[g * RESOURCE_COUNT + r]) / c;
    }
    const gain = values[g] - cost;
    if (gain > 0) bound += gain * Math.min(ctx.groups[g].perNodeOf[k], demand[g]);
  }
  return bound;
}

export interface PricedKind {
  priced: Priced;
  /** Resource prices of the kind's LP (for the memo). */
  rho: Float64Array;
  /** Arithmetic it took (see LinearProgram.work). */
  work: number;
}

/** The best pattern found for kind k. */
export function bestPattern(input: PricingInput, k: number): PricedKind {
  const groups = candidates(input, k);
  const rho = new Float64Array(RESOURCE_COUNT);
  if (groups.length === 0) return { priced: { pattern: { kind: k, counts: [] }, value: 0 }, rho, work: 0 };
  const { x: lp, work } = fractional(input, k, groups, rho);
  const start = Array.from(lp, (x) => Math.floor(x + 1e-7));
  const sequence = order(input, k, groups, rho);
  let best = fill(input, k, { groups, start, sequence });
  // The LP's fractional groups rounded up instead, one at a time (others give way).
  lp.forEach((x, i) => {
    if (x - start[i] < 1e-7) return;
    const up = fill(input, k, {
      groups,
      start: start.map((n, j) => (j === i ? n + 1 : n)),
      sequence,
      first: i,
    });
    if (up.value > best.value) best = up;
  });
  const none = new Array<number>(groups.length).fill(0);
  const byDensity = fill(input, k, { groups, start: none, sequence: order(input, k, groups, null) });
  const fills = (2 + groups.length) * groups.length * RESOURCE_COUNT;
  return { priced: byDensity.value > best.value ? byDensity : best, rho, work: work + fills };
}

function candidates(input: PricingInput, k: number): number[] {
  const out: number[] = [];
  const { ctx, values, demand } = input;
  for (let g = 0; g < ctx.groups.length; g++) {
    if (values[g] > 1e-12 && demand[g] > 0 && ctx.groups[g].member[k] === 1 && ctx.groups[g].perNodeOf[k] > 0)
      out.push(g);
  }
  return out;
}

/** The LP relaxation: max Σπ·a subject to Σ a·share ≤ 1 per resource, 0 ≤ a ≤ min(perNode, demand). */
function fractional(
  input: PricingInput,
  k: number,
  groups: readonly number[],
  rho: Float64Array,
): { x: Float64Array; work: number } {
  const { ctx, requests, values, demand } = input;
  const cap = ctx.columns.capacity;
  const resources = usedResources(input, k, groups);
  const lp = new LinearProgram(
    resources.map(() => 1),
    resources.map(() => 'le' as const),
  );
  for (const g of groups) {
    const rows: number[] = [];
    const coefficients: number[] = [];
    resources.forEach((r, i) => {
      const q = requests[g * RESOURCE_COUNT + r];
      if (q > 0) {
        rows.push(i);
        coefficients.push(q / cap[k * RESOURCE_COUNT + r]);
      }
    });
    lp.addColumn(-values[g], rows, coefficients, Math.min(ctx.groups[g].perNodeOf[k], demand[g]));
  }
  const solution = lp.solve();
  if (solution.status !== 'optimal') return { x: new Float64Array(groups.length), work: lp.work };
  resources.forEach((r, i) => (rho[r] = Math.max(0, -solution.duals[i])));
  return { x: solution.x, work: lp.work };
}

function usedResources(input: PricingInput, k: number, groups: readonly number[]): number[] {
  const cap = input.ctx.columns.capacity;
  const out: number[] = [];
  for (let r = 0; r < RESOURCE_COUNT; r++) {
    if (cap[k * RESOURCE_COUNT + r] <= 0) continue;
    if (groups.some((g) => input.requests[g * RESOURCE_COUNT + r] > 0)) out.push(r);
  }
  return out;
}

/**
 * Positions in `groups`, best first: by value per priced share when resource prices are given (the LP's
 * own order), else by value per share of the scarcest resource the group uses.
 */
function order(
  input: PricingInput,
  k: number,
  groups: readonly number[],
  rho: Float64Array | null,
): number[] {
  const cap = input.ctx.columns.capacity;
  const score = groups.map((g) => {
    let size = 0;
    for (let r = 0; r < RESOURCE_COUNT; r++) {
      const c = cap[k * RESOURCE_COUNT + r];
      if (c <= 0) continue;
      const share = input.requests[g * RESOURCE_COUNT + r] / c;
      size = rho ? size + rho[r] * share : Math.max(size, share);
    }
    return size > 0 ? input.values[g] / size : Infinity;
  });
  return groups.map((_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
}

interface FillPlan {
  groups: readonly number[];
  /** Pods per position in `groups` to start from. */
  start: readonly number[];
  /** Positions in `groups`, in the order the room left is filled. */
  sequence: readonly number[];
  /** A position whose start is placed before all others. */
  first?: number;
}

/** Starts from `start` (conflicting groups dropped, lowest value first), then fills in `sequence`. */
function fill(input: PricingInput, k: number, plan: FillPlan): Priced {
  const { ctx, requests, values, demand } = input;
  const { groups, start, sequence } = plan;
  const free = ctx.columns.capacity.slice(k * RESOURCE_COUNT, (k + 1) * RESOURCE_COUNT);
  const taken = new Int32Array(groups.length);
  const add = (i: number, wanted: number): void => {
    const g = groups[i];
    const n = Math.min(wanted, fitting(requests, g, free));
    if (n <= 0 || (input.repels && clashes(ctx, groups, taken, i))) return;
    for (let r = 0; r < RESOURCE_COUNT; r++) free[r] -= requests[g * RESOURCE_COUNT + r] * n;
    taken[i] += n;
  };
  if (plan.first !== undefined) add(plan.first, start[plan.first]);
  for (const i of byStartValue(values, groups, start)) if (i !== plan.first) add(i, start[i]);
  for (const i of sequence)
    add(i, Math.min(ctx.groups[groups[i]].perNodeOf[k], demand[groups[i]]) - taken[i]);
  return priced(input, k, groups, taken);
}

/** Positions with a start, the most valuable start first (so conflicts drop the cheaper side). */
function byStartValue(values: Float64Array, groups: readonly number[], start: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < groups.length; i++) if (start[i] > 0) out.push(i);
  return out.sort((a, b) => values[groups[b]] * start[b] - values[groups[a]] * start[a] || a - b);
}

function clashes(ctx: PackContext, groups: readonly number[], taken: Int32Array, i: number): boolean {
  const row = ctx.conflicts[groups[i]];
  for (let j = 0; j < groups.length; j++) if (j !== i && taken[j] > 0 && row[groups[j]]) return true;
  return false;
}

function fitting(requests: Float64Array, g: number, free: Float64Array): number {
  let n = Infinity;
  for (let r = 0; r < RESOURCE_COUNT; r++) {
    const q = requests[g * RESOURCE_COUNT + r];
    if (q > 0) n = Math.min(n, Math.floor(free[r] / q));
  }
  return n === Infinity ? 0 : Math.max(0, n);
}

function priced(input: PricingInput, k: number, groups: readonly number[], taken: Int32Array): Priced {
  const counts: [number, number][] = [];
  let value = 0;
  for (let i = 0; i < groups.length; i++) {
    if (taken[i] <= 0) continue;
    counts.push([groups[i], taken[i]]);
    value += taken[i] * input.values[groups[i]];
  }
  return { pattern: { kind: k, counts }, value };
}
