// The kinds worth building patterns for. Kinds that the same set of pending groups may use are
// interchangeable for those groups; among them, a kind is dropped when a kind no dearer has at least
// its capacity in every resource (any pattern of the first fits the second for no more money).
import type { PackContext } from '../pack.ts';

const RESOURCES = 5;

export function usefulKinds(ctx: PackContext, counts: readonly number[]): number[] {
  const classes = new Map<string, number[]>();
  const pending = ctx.groups.map((_, g) => g).filter((g) => counts[g] > 0);
  for (let k = 0; k < ctx.kinds.length; k++) {
    // Kinds of a template with limits stay apart: they are not interchangeable with unlimited ones.
    const template = ctx.kinds[k].template.metadata.name;
    let key = ctx.limits.has(template) ? `${template}|` : '|';
    for (const g of pending) if (ctx.groups[g].member[k] === 1) key += `${g},`;
    if (key.endsWith('|')) continue;
    const list = classes.get(key);
    if (list) list.push(k);
    else classes.set(key, [k]);
  }
  const out: number[] = [];
  for (const kinds of classes.values()) out.push(...undominated(ctx, kinds));
  return out.sort((a, b) => a - b);
}

/** Kinds are price-sorted by index, so a kept kind is never dearer than a later one. */
function undominated(ctx: PackContext, kinds: readonly number[]): number[] {
  const cap = ctx.columns.capacity;
  const kept: number[] = [];
  for (const k of kinds) {
    if (!kept.some((o) => covers(cap, o, k))) kept.push(k);
  }
  return kept;
}

function covers(cap: Float64Array, a: number, b: number): boolean {
  for (let r = 0; r < RESOURCES; r++) if (cap[a * RESOURCES + r] < cap[b * RESOURCES + r]) return false;
  return true;
}
