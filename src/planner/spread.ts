// Required topology spread on zone: a spread group is split evenly over the zones where its best
// kind is offered, each part pinned to its zone, so zone counts differ by at most one.
import type { NodeKind } from './kinds.ts';
import type { PodGroup } from './groups.ts';
import { emptyGroup, fillCompat } from './groups.ts';
import { compareStrings } from './locations.ts';
import { rankedChoices } from './search.ts';
import type { PackContext } from './pack.ts';

export function splitForSpread(ctx: PackContext, group: PodGroup, firstIndex: number): PodGroup[] {
  const best = rankedChoices(ctx, group, group.pods.length)[0];
  if (!best) return [group];
  const zones = zonesOfSameOffering(ctx.kinds, group, ctx.kinds[best.kind]);
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

function zonesOfSameOffering(kinds: readonly NodeKind[], group: PodGroup, best: NodeKind): string[] {
  const zones = new Set<string>();
  for (const k of group.compat) {
    const kind = kinds[k];
    if (
      kind.template === best.template &&
      kind.location === best.location &&
      kind.lifecycle === best.lifecycle &&
      kind.offering.instanceType === best.offering.instanceType
    ) {
      zones.add(kind.offering.zone);
    }
  }
  return [...zones].sort(compareStrings);
}
