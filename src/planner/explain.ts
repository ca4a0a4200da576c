// Why each new node got its offering: how many offerings could have held the same pods, and the next cheapest.
import type { NodeExplanation, Resources } from './types.ts';
import type { PackContext, OpenNode } from './pack.ts';
import { usedOn } from './pack.ts';

export function explainNode(ctx: PackContext, node: OpenNode): NodeExplanation {
  const used = usedOn(ctx, node);
  const chosen = ctx.kinds[node.kind];
  const identity = (k: number): string => {
    const kind = ctx.kinds[k];
    return `${kind.location.name}|${kind.offering.instanceType}|${kind.lifecycle}`;
  };
  const chosenId = identity(node.kind);
  let compatibleOfferings = 0;
  let next: number | undefined;
  for (const k of ctx.groups[node.counts[0][0]].compat) {
    if (!holds(ctx, node, used, k)) continue;
    compatibleOfferings++;
    if (next === undefined && identity(k) !== chosenId && ctx.kinds[k].price >= chosen.price) next = k;
  }
  if (next === undefined) return { compatibleOfferings };
  const kind = ctx.kinds[next];
  return {
    compatibleOfferings,
    nextCheapest: {
      instanceType: kind.offering.instanceType,
      location: kind.location.name,
      zone: kind.offering.zone,
      lifecycle: kind.lifecycle,
      pricePerHour: kind.price,
    },
  };
}

/** Kind k may take every group on the node and has room for what the node uses. */
function holds(ctx: PackContext, node: OpenNode, used: Resources, k: number): boolean {
  const c = ctx.columns.capacity;
  const o = k * 5;
  if (
    c[o] < used.cpu ||
    c[o + 1] < used.memory ||
    c[o + 2] < used.ephemeral ||
    c[o + 3] < used.gpu ||
    c[o + 4] < used.pods
  ) {
    return false;
  }
  return node.counts.every(([h]) => ctx.groups[h].member[k] === 1);
}

/** Same explanation for nodes of the same kind holding the same pod counts. */
export function explainerWithMemo(ctx: PackContext): (node: OpenNode) => NodeExplanation {
  const memo = new Map<string, NodeExplanation>();
  return (node) => {
    const key = `${node.kind}:${node.counts.map(([g, n]) => `${g}x${n}`).join(',')}`;
    let found = memo.get(key);
    if (!found) {
      found = explainNode(ctx, node);
      memo.set(key, found);
    }
    return found;
  };
}
