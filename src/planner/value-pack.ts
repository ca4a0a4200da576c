// A second packing strategy that mixes complementary pods on one node. Each pod group has a value:
// its price per pod on its own best kind. Repeatedly, every candidate kind is filled greedily from
// the pods still pending (densest value first) and the kind giving the most value per dollar is
// opened — as many times as the same fill can repeat. CPU-heavy and memory-heavy pods so end up
// sharing nodes whose shape suits the mix, which per-group packing cannot find.
import type { Resources } from './types.ts';
import type { LimitRoom, OpenNode, PackContext, PackResult } from './pack.ts';
import { cloneLimits, debitLimits, filledNode } from './pack.ts';
import { add, copiesThatFit, scale, zero } from './resources.ts';
import { resourcePrices } from './duals.ts';
import { rankedChoices } from './search.ts';

interface Fill {
  kind: number;
  counts: [number, number][];
  value: number;
}

const CANDIDATES_PER_GROUP = 8;

export function packByValue(ctx: PackContext, counts: readonly number[], step = 2): PackResult {
  const remaining = [...counts];
  const candidates = candidateKinds(ctx, counts);
  const values = groupValues(ctx, counts, candidates);
  const state: FillState = { remaining, values, limits: cloneLimits(ctx.limits), step, cache: new Map() };
  const nodes: OpenNode[] = [];
  for (;;) {
    const best = bestFill(ctx, candidates, state);
    if (!best) break;
    const reps = repetitions(ctx, best, remaining, state.limits);
    for (let i = 0; i < reps; i++) nodes.push(openFilled(ctx, best, remaining, state.limits));
    forgetFillsWith(state.cache, new Set(best.counts.map(([g]) => g)));
  }
  return { nodes, unplaced: remaining, cost: nodes.reduce((s, n) => s + ctx.kinds[n.kind].price, 0) };
}

/**
 * A kind's fill changes only when pods of a group in it are used up (pending counts only fall, and a
 * group the fill passed over stays passed over), so fills are cached and dropped when one of their
 * groups was just placed.
 */
function forgetFillsWith(cache: Map<number, Fill>, changed: Set<number>): void {
  for (const [k, fill] of cache) {
    if (fill.counts.some(([g]) => changed.has(g))) cache.delete(k);
  }
}

/** The best few kinds of every group, cheapest-first, without repeats. */
function candidateKinds(ctx: PackContext, counts: readonly number[]): number[] {
  const set = new Set<number>();
  ctx.groups.forEach((g, i) => {
    if (counts[i] === 0) return;
    for (const c of rankedChoices(ctx, g, counts[i], CANDIDATES_PER_GROUP)) set.add(c.kind);
    if (g.compat.length > 0) set.add(g.compat[0]);
  });
  return [...set].sort((a, b) => a - b);
}

/**
 * What each group's pods are worth at the resource prices implied by the kinds it may use and the
 * demand of every group that may use the same kinds; GPU groups keep their own cost per pod.
 */
function groupValues(ctx: PackContext, counts: readonly number[], candidates: readonly number[]): number[] {
  return ctx.groups.map((g, i) => {
    const own = rankedChoices(ctx, g, counts[i])[0]?.costPerPod ?? 0;
    if (counts[i] === 0 || g.proto.requests.gpu > 0) return own;
    const kinds = candidates.filter((k) => g.member[k] === 1 && ctx.kinds[k].capacity.gpu === 0);
    if (kinds.length === 0) return own;
    const demand = ctx.groups.reduce(
      (d, h, j) =>
        counts[j] > 0 && h.proto.requests.gpu === 0 && kinds.some((k) => h.member[k] === 1)
          ? add(d, scale(h.proto.requests, counts[j]))
          : d,
      zero(),
    );
    const prices = resourcePrices(
      kinds.map((k) => ctx.kinds[k].capacity),
      kinds.map((k) => ctx.kinds[k].price),
      demand,
    );
    const value = prices.cpu * g.proto.requests.cpu + prices.memory * g.proto.requests.memory;
    return value > 0 ? value : own;
  });
}

interface FillState {
  remaining: number[];
  values: number[];
  limits: LimitRoom;
  /** Each step adds 1/step of what fits (smaller steps interleave groups more finely). */
  step: number;
  cache: Map<number, Fill>;
}

function bestFill(ctx: PackContext, candidates: readonly number[], state: FillState): Fill | null {
  let best: Fill | null = null;
  for (const k of candidates) {
    if (!withinRoom(ctx, state.limits, k, 1)) continue;
    let fill = state.cache.get(k);
    if (!fill) {
      fill = fillKind(ctx, k, state);
      state.cache.set(k, fill);
    }
    if (fill.value <= 0) continue;
    const price = Math.max(ctx.kinds[k].price, 1e-12);
    if (!best || fill.value / price > best.value / Math.max(ctx.kinds[best.kind].price, 1e-12) + 1e-12)
      best = fill;
  }
  return best;
}

/**
 * Fills one empty node of kind k from the pending pods. Each step takes the group whose request best
 * lines up with the room left (largest dot product of request and free share, per resource), adding
 * half of what fits, so cpu-heavy and memory-heavy pods end up side by side and both run out together.
 */
function fillKind(ctx: PackContext, k: number, state: FillState): Fill {
  const cap = ctx.kinds[k].capacity;
  const eligible: number[] = [];
  for (let i = 0; i < ctx.groups.length; i++) {
    if (state.remaining[i] > 0 && ctx.groups[i].member[k] === 1) eligible.push(i);
  }
  const p: FillProgress = { left: Int32Array.from(state.remaining), free: { ...cap }, cap, counts: [] };
  let value = 0;
  for (;;) {
    const pick = bestAligned(ctx, eligible, p);
    if (pick < 0) break;
    const r = ctx.groups[pick].proto.requests;
    const fit = roomFor(ctx, pick, p);
    const n = Math.max(1, Math.ceil(Math.min(fit, p.left[pick]) / state.step));
    takeFrom(p.free, r, n);
    p.left[pick] -= n;
    const entry = p.counts.find(([h]) => h === pick);
    if (entry) entry[1] += n;
    else p.counts.push([pick, n]);
    value += n * state.values[pick];
  }
  return { kind: k, counts: p.counts, value };
}

function takeFrom(free: Resources, r: Resources, n: number): void {
  free.cpu -= r.cpu * n;
  free.memory -= r.memory * n;
  free.ephemeral -= r.ephemeral * n;
  free.gpu -= r.gpu * n;
  free.pods -= r.pods * n;
}

interface FillProgress {
  left: Int32Array;
  free: Resources;
  cap: Resources;
  counts: [number, number][];
}

/** The group whose request lines up best with the free room (largest dot product of shares); -1 if none fits. */
function bestAligned(ctx: PackContext, eligible: readonly number[], p: FillProgress): number {
  let best = -1;
  let bestScore = -Infinity;
  const f = p.free;
  for (const i of eligible) {
    const r = ctx.groups[i].proto.requests;
    if (
      p.left[i] <= 0 ||
      r.cpu > f.cpu ||
      r.memory > f.memory ||
      r.gpu > f.gpu ||
      r.ephemeral > f.ephemeral ||
      r.pods > f.pods
    )
      continue;
    const score = alignment(r, f, p.cap);
    if (score > bestScore + 1e-12 && roomFor(ctx, i, p) > 0) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** How many more pods of group i the node being filled can take (0 when anti-affinity forbids). */
function roomFor(ctx: PackContext, i: number, p: FillProgress): number {
  const group = ctx.groups[i];
  if (p.left[i] <= 0) return 0;
  const row = ctx.conflicts[i];
  for (const [h] of p.counts) if (row[h]) return 0;
  const fit = copiesThatFit(group.proto.requests, p.free);
  return group.selfExclusive ? Math.min(1, fit) : fit;
}

function alignment(r: Resources, free: Resources, cap: Resources): number {
  let score = 0;
  if (cap.cpu > 0) score += (r.cpu / cap.cpu) * (free.cpu / cap.cpu);
  if (cap.memory > 0) score += (r.memory / cap.memory) * (free.memory / cap.memory);
  if (cap.gpu > 0) score += (r.gpu / cap.gpu) * (free.gpu / cap.gpu);
  if (cap.ephemeral > 0) score += (r.ephemeral / cap.ephemeral) * (free.ephemeral / cap.ephemeral);
  return score;
}

/** How many nodes with exactly this fill the pending pods (and the template's limits) allow. */
function repetitions(ctx: PackContext, fill: Fill, remaining: readonly number[], limits: LimitRoom): number {
  let reps = Infinity;
  for (const [g, n] of fill.counts) reps = Math.min(reps, Math.floor(remaining[g] / n));
  reps = Math.max(1, reps);
  while (reps > 1 && !withinRoom(ctx, limits, fill.kind, reps)) reps = Math.floor(reps / 2);
  return reps;
}

function openFilled(ctx: PackContext, fill: Fill, remaining: number[], limits: LimitRoom): OpenNode {
  debitLimits(limits, ctx.kinds[fill.kind]);
  for (const [g, n] of fill.counts) remaining[g] -= n;
  return filledNode(ctx, fill.kind, fill.counts);
}

function withinRoom(ctx: PackContext, limits: LimitRoom, k: number, times: number): boolean {
  const kind = ctx.kinds[k];
  const room = limits.get(kind.template.metadata.name);
  if (!room) return true;
  return (
    kind.size.cpu * times <= room.cpu &&
    kind.size.memory * times <= room.memory &&
    kind.size.gpu * times <= room.gpu
  );
}
