// Packing pod groups onto new nodes: fill nodes already opened, then open nodes of the kind chosen
// for the group; finally move each partly-filled node to the cheapest kind that still holds its pods.
import type { Resources } from './types.ts';
import type { NodeKind } from './kinds.ts';
import type { PodGroup } from './groups.ts';
import { copiesThatFit, scale, subtract } from './resources.ts';

export interface OpenNode {
  kind: number;
  free: Resources;
  /** [group index, pod count] in the order pods were added. */
  counts: [number, number][];
}

/** Per-template room left under its limits (Infinity where the template sets none). */
export type LimitRoom = Map<string, { cpu: number; memory: number; gpu: number }>;

/** Kind capacities (cpu, memory, ephemeral, gpu, pods per kind) and prices, for tight loops. */
export interface KindColumns {
  capacity: Float64Array;
  price: Float64Array;
}

export function kindColumns(kinds: readonly NodeKind[]): KindColumns {
  const capacity = new Float64Array(kinds.length * 5);
  const price = new Float64Array(kinds.length);
  kinds.forEach((k, i) => {
    capacity.set(
      [k.capacity.cpu, k.capacity.memory, k.capacity.ephemeral, k.capacity.gpu, k.capacity.pods],
      i * 5,
    );
    price[i] = k.price;
  });
  return { capacity, price };
}

export interface PackContext {
  kinds: readonly NodeKind[];
  columns: KindColumns;
  groups: readonly PodGroup[];
  conflicts: readonly boolean[][];
  /** Room under template limits before this pack (existing nodes already counted). */
  limits: LimitRoom;
}

export interface PackResult {
  nodes: OpenNode[];
  /** Pods of each group left without a node because limits ran out. */
  unplaced: number[];
  cost: number;
}

/**
 * Packs `counts[g]` pods of each group, groups in `order`, opening nodes of kind
 * `choice[g]` (a kind index from the group's compat list).
 */
export function pack(
  ctx: PackContext,
  order: readonly number[],
  choice: readonly number[],
  counts: readonly number[],
): PackResult {
  const nodes: OpenNode[] = [];
  const limits = cloneLimits(ctx.limits);
  const unplaced = counts.map(() => 0);
  for (const g of order) {
    let remaining = fillOpenNodes(ctx, nodes, g, counts[g]);
    while (remaining > 0) {
      const kind = pickWithinLimits(ctx, limits, g, choice[g]);
      if (kind < 0) break;
      const node = openNode(ctx.kinds[kind], limits);
      remaining -= addPods(ctx, node, g, remaining);
      nodes.push(node);
    }
    unplaced[g] = remaining;
  }
  return { nodes, unplaced, cost: nodes.reduce((sum, n) => sum + ctx.kinds[n.kind].price, 0) };
}

function fillOpenNodes(ctx: PackContext, nodes: OpenNode[], g: number, count: number): number {
  let remaining = count;
  const group = ctx.groups[g];
  const member = group.member;
  const r = group.proto.requests;
  for (const node of nodes) {
    if (remaining === 0) break;
    const f = node.free;
    if (f.pods < 1 || f.cpu < r.cpu || f.memory < r.memory || f.gpu < r.gpu || f.ephemeral < r.ephemeral)
      continue;
    if (member[node.kind] === 1) remaining -= addPods(ctx, node, g, remaining);
  }
  return remaining;
}

/** Adds up to `wanted` pods of group g to the node; returns how many went on. */
export function addPods(ctx: PackContext, node: OpenNode, g: number, wanted: number): number {
  const group = ctx.groups[g];
  if (blockedByAntiAffinity(ctx, node, g)) return 0;
  let n = Math.min(wanted, copiesThatFit(group.proto.requests, node.free));
  if (group.selfExclusive) n = Math.min(n, 1);
  if (n <= 0) return 0;
  node.free = subtract(node.free, scale(group.proto.requests, n));
  const entry = node.counts.find(([h]) => h === g);
  if (entry) entry[1] += n;
  else node.counts.push([g, n]);
  return n;
}

function blockedByAntiAffinity(ctx: PackContext, node: OpenNode, g: number): boolean {
  const row = ctx.conflicts[g];
  return node.counts.some(([h, n]) => n > 0 && row[h]);
}

function openNode(kind: NodeKind, limits: LimitRoom): OpenNode {
  debitLimits(limits, kind);
  return { kind: kind.index, free: { ...kind.capacity }, counts: [] };
}

/** Takes one machine of this kind from its template's room under the limits (if it has limits). */
export function debitLimits(limits: LimitRoom, kind: NodeKind): void {
  const room = limits.get(kind.template.metadata.name);
  if (!room) return;
  room.cpu -= kind.size.cpu;
  room.memory -= kind.size.memory;
  room.gpu -= kind.size.gpu;
}

/** A node of kind k holding `counts` ([group, pods]), its free room worked out. */
export function filledNode(ctx: PackContext, k: number, counts: readonly [number, number][]): OpenNode {
  let free: Resources = { ...ctx.kinds[k].capacity };
  for (const [g, n] of counts) free = subtract(free, scale(ctx.groups[g].proto.requests, n));
  return { kind: k, free, counts: counts.map(([g, n]) => [g, n]) };
}

export function withinLimits(limits: LimitRoom, kind: NodeKind): boolean {
  const room = limits.get(kind.template.metadata.name);
  if (!room) return true;
  return kind.size.cpu <= room.cpu && kind.size.memory <= room.memory && kind.size.gpu <= room.gpu;
}

/** The chosen kind if the template's limits allow it, else the cheapest compatible kind that they allow. */
function pickWithinLimits(ctx: PackContext, limits: LimitRoom, g: number, preferred: number): number {
  if (preferred >= 0 && withinLimits(limits, ctx.kinds[preferred])) return preferred;
  for (const k of ctx.groups[g].compat) {
    if (withinLimits(limits, ctx.kinds[k])) return k;
  }
  return -1;
}

export function cloneLimits(limits: LimitRoom): LimitRoom {
  const out: LimitRoom = new Map();
  for (const [name, room] of limits) out.set(name, { ...room });
  return out;
}

/** What a node's pods use (capacity minus free). */
export function usedOn(ctx: PackContext, node: OpenNode): Resources {
  return subtract(ctx.kinds[node.kind].capacity, node.free);
}

/**
 * Moves every node that is not a full node of a single group to the cheapest kind that is compatible
 * with all its groups and holds what it uses. Kinds are price-sorted, so the scan stops at the node's price.
 */
export function shrink(ctx: PackContext, result: PackResult): PackResult {
  const limits = cloneLimits(ctx.limits);
  for (const node of result.nodes) openNode(ctx.kinds[node.kind], limits);
  let cost = 0;
  for (const node of result.nodes) {
    if (!isFullSingleGroup(ctx, node)) moveToCheapest(ctx, node, limits);
    cost += ctx.kinds[node.kind].price;
  }
  return { ...result, cost };
}

function isFullSingleGroup(ctx: PackContext, node: OpenNode): boolean {
  if (node.counts.length !== 1) return false;
  const [g, n] = node.counts[0];
  return ctx.groups[g].perNodeOf[node.kind] === n;
}

function moveToCheapest(ctx: PackContext, node: OpenNode, limits: LimitRoom): void {
  const used = usedOn(ctx, node);
  const current = ctx.kinds[node.kind];
  const k = cheapestHolding(ctx, node, used, current.price);
  if (k < 0) return;
  const kind = ctx.kinds[k];
  if (!fitsSwap(limits, current, kind)) return;
  swapLimits(limits, current, kind);
  node.kind = k;
  node.free = subtract(kind.capacity, used);
}

/** The cheapest kind below `below` that every group on the node may use and that holds `used`; -1 if none. */
export function cheapestHolding(ctx: PackContext, node: OpenNode, used: Resources, below: number): number {
  const cap = ctx.columns;
  const compat = ctx.groups[node.counts[0][0]].compat;
  for (let i = 0; i < compat.length; i++) {
    const k = compat[i];
    if (cap.price[k] >= below) return -1;
    const o = k * 5;
    const c = cap.capacity;
    if (
      c[o] < used.cpu ||
      c[o + 1] < used.memory ||
      c[o + 2] < used.ephemeral ||
      c[o + 3] < used.gpu ||
      c[o + 4] < used.pods
    )
      continue;
    if (node.counts.every(([h]) => ctx.groups[h].member[k] === 1)) return k;
  }
  return -1;
}

function fitsSwap(limits: LimitRoom, from: NodeKind, to: NodeKind): boolean {
  const room = limits.get(to.template.metadata.name);
  if (!room) return true;
  const same = from.template.metadata.name === to.template.metadata.name;
  const back = same ? from.size : { cpu: 0, memory: 0, gpu: 0 };
  return (
    to.size.cpu <= room.cpu + back.cpu &&
    to.size.memory <= room.memory + back.memory &&
    to.size.gpu <= room.gpu + back.gpu
  );
}

function swapLimits(limits: LimitRoom, from: NodeKind, to: NodeKind): void {
  const a = limits.get(from.template.metadata.name);
  if (a) {
    a.cpu += from.size.cpu;
    a.memory += from.size.memory;
    a.gpu += from.size.gpu;
  }
  const b = limits.get(to.template.metadata.name);
  if (b) {
    b.cpu -= to.size.cpu;
    b.memory -= to.size.memory;
    b.gpu -= to.size.gpu;
  }
}
