// Required topology spread on zone: a spread group is split evenly over every zone where it could
// run, each part pinned to its zone, so zone counts differ by at most one whichever zones the plan
// ends up using (a zone left empty would otherwise count as a domain with no pods).
import type { NodeKind } from './kinds.ts';
import type { PodGroup } from './groups.ts';
import { emptyGroup, fillCompat } from './groups.ts';
import { compareStrings } from './locations.ts';
import type { OpenNode, PackContext, PackResult } from './pack.ts';
import { filledNode } from './pack.ts';

export function splitForSpread(ctx: PackContext, group: PodGroup, firstIndex: number): PodGroup[] {
  const zones = zonesOf(ctx.kinds, group);
  if (zones.length === 0) return [group];
  const parts: PodGroup[] = [];
  zones.forEach((zone, i) => {
    const share =
      Math.floor(group.pods.length / zones.length) + (i < group.pods.length % zones.length ? 1 : 0);
    if (share === 0) return;
    const start = parts.reduce((n, p) => n + p.pods.length, 0);
    const part = emptyGroup(
      firstIndex + parts.length,
      `${group.key}@${zone}`,
      group.pods.slice(start, start + share),
    );
    part.zone = zone;
    part.spreadOf = group.index;
    fillCompat(part, ctx.kinds);
    parts.push(part);
  });
  return parts;
}

function zonesOf(kinds: readonly NodeKind[], group: PodGroup): string[] {
  const zones = new Set<string>();
  for (const k of group.compat) zones.add(kinds[k].offering.zone);
  return [...zones].sort(compareStrings);
}

/**
 * When limits leave some pods of a spread group without a node, the zones may end up uneven: pods are
 * taken back (left pending) from the fullest zones until every zone is within maxSkew of the emptiest.
 */
export function balanceSpread(ctx: PackContext, result: PackResult): PackResult {
  const families = new Map<number, number[]>();
  ctx.groups.forEach((g, i) => {
    if (g.spreadOf === undefined) return;
    families.set(g.spreadOf, [...(families.get(g.spreadOf) ?? []), i]);
  });
  const excess = new Map<number, number>();
  for (const parts of families.values()) {
    if (!parts.some((p) => result.unplaced[p] > 0)) continue;
    const placed = parts.map((p) => ctx.groups[p].pods.length - result.unplaced[p]);
    const skew = Math.min(...ctx.groups[parts[0]].proto.zoneSpread.map((s) => s.maxSkew));
    const allowed = Math.min(...placed) + skew;
    parts.forEach((p, i) => {
      if (placed[i] > allowed) excess.set(p, placed[i] - allowed);
    });
  }
  return excess.size === 0 ? result : takeBack(ctx, result, excess);
}

function takeBack(ctx: PackContext, result: PackResult, excess: Map<number, number>): PackResult {
  const unplaced = [...result.unplaced];
  const nodes: OpenNode[] = [];
  for (const node of [...result.nodes].reverse()) {
    const counts: [number, number][] = [];
    for (const [g, n] of node.counts) {
      const back = Math.min(n, excess.get(g) ?? 0);
      if (back > 0) {
        excess.set(g, (excess.get(g) ?? 0) - back);
        unplaced[g] += back;
      }
      if (n > back) counts.push([g, n - back]);
    }
    if (counts.length > 0) nodes.push(filledNode(ctx, node.kind, counts));
  }
  nodes.reverse();
  return { nodes, unplaced, cost: nodes.reduce((s, n) => s + ctx.columns.price[n.kind], 0) };
}
