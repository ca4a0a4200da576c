// Kinds that suit a whole class of groups together. Groups with the same placement constraints can
// share nodes; the kind that covers their summed requests most cheaply (as fractional nodes) is
// usually a balanced shape that no single group would pick for itself, but on which first-fit
// packs the class with little waste.
import type { PackContext } from './pack.ts';
import type { PodGroup } from './groups.ts';
import type { Resources } from './types.ts';
import { stableStringify } from './groups.ts';
import { add, scale, zero } from './resources.ts';

const KEPT = 4;

export function classKey(group: PodGroup): string {
  const p = group.proto;
  return stableStringify({
    pvc: p.usesPvc,
    tolerations: p.tolerations,
    nodeSelector: p.nodeSelector,
    affinity: p.affinityTerms,
    gpu: p.requests.gpu > 0,
    zone: group.zone ?? null,
    spread: p.zoneSpread.length > 0,
  });
}

/** For each group, up to KEPT kinds (best for its class first) that it may use; [] for exclusive groups. */
export function classChoices(ctx: PackContext, counts: readonly number[]): number[][] {
  const classes = new Map<string, number[]>();
  ctx.groups.forEach((g, i) => {
    if (counts[i] === 0 || g.selfExclusive) return;
    const key = classKey(g);
    classes.set(key, [...(classes.get(key) ?? []), i]);
  });
  const out: number[][] = ctx.groups.map(() => []);
  for (const members of classes.values()) {
    const demand = members.reduce((d, i) => add(d, scale(ctx.groups[i].proto.requests, counts[i])), zero());
    const widest = members.reduce((a, b) =>
      ctx.groups[b].compat.length > ctx.groups[a].compat.length ? b : a,
    );
    const best = bestForDemand(ctx, ctx.groups[widest].compat, demand);
    for (const i of members) out[i] = best.filter((k) => ctx.groups[i].member[k] === 1);
  }
  return out;
}

/** Price of covering the demand with fractional nodes of kind k (Infinity if k lacks a resource). */
function coverCost(ctx: PackContext, k: number, d: Resources): number {
  const c = ctx.columns.capacity;
  const o = k * 5;
  const need = (demand: number, cap: number): number =>
    demand <= 0 ? 0 : cap <= 0 ? Infinity : demand / cap;
  const nodes = Math.max(
    need(d.cpu, c[o]),
    need(d.memory, c[o + 1]),
    need(d.ephemeral, c[o + 2]),
    need(d.gpu, c[o + 3]),
    need(d.pods, c[o + 4]),
  );
  return nodes * ctx.columns.price[k];
}

function bestForDemand(ctx: PackContext, compat: Int32Array, demand: Resources): number[] {
  const scored: Scored[] = [];
  for (const k of compat) {
    const cost = coverCost(ctx, k, demand);
    if (cost !== Infinity) insertBounded(scored, { k, cost }, KEPT * 8);
  }
  const seen = new Set<string>();
  const out: number[] = [];
  for (const { k } of scored) {
    const kind = ctx.kinds[k];
    const id = `${kind.location.name}|${kind.offering.instanceType}|${kind.lifecycle}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(k);
    if (out.length === KEPT) break;
  }
  return out;
}

interface Scored {
  k: number;
  cost: number;
}

/** Keeps `list` sorted by cost (then kind) and at most `max` long. */
function insertBounded(list: Scored[], item: Scored, max: number): void {
  const before = (a: Scored, b: Scored): boolean => a.cost < b.cost || (a.cost === b.cost && a.k < b.k);
  if (list.length >= max && !before(item, list[list.length - 1])) return;
  let at = list.length;
  while (at > 0 && before(item, list[at - 1])) at--;
  list.splice(at, 0, item);
  if (list.length > max) list.pop();
}
