// Required topology spread on zone: a spread group is split evenly over every zone where it could
// run, each part pinned to its zone, so zone counts differ by at most one whichever zones the plan
// ends up using (a zone left empty would otherwise count as a domain with no pods).
import type { NodeKind } from './kinds.ts';
import type { PodGroup } from './groups.ts';
import { emptyGroup, fillCompat } from './groups.ts';
import { compareStrings } from './locations.ts';
import type { PackContext } from './pack.ts';

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
