// The LP relaxation of a planning problem, solved with HiGHS: fractional nodes of every kind and
// fractional pods of every group on them. Its optimum is a lower bound on any plan's price.
// Besides the resource rows, each (group, kind) pair gets y ≤ perNode·x, where perNode is how many of
// the group's pods one node of the kind holds: true of every integer plan, so the bound stays valid,
// and it removes the LP's fiction of packing fractions of a pod into the rounding waste of small nodes.
import { highsSolve } from './highs.ts';
import type { PackContext } from '../../../src/planner/pack.ts';

const GIB = 2 ** 30;

interface LpKind {
  kind: number;
  groups: number[];
}

/**
 * Kinds that can matter to the LP: for every set of compatible groups, the kinds that no cheaper (or
 * equally priced) kind of that set beats in every resource (the others can be swapped for it at no cost).
 */
export function usefulKinds(ctx: PackContext, counts: readonly number[]): LpKind[] {
  const classes = new Map<string, number[]>();
  ctx.kinds.forEach((_, k) => {
    const groups = ctx.groups
      .map((g, i) => (counts[i] > 0 && g.member[k] === 1 ? i : -1))
      .filter((i) => i >= 0);
    if (groups.length === 0) return;
    const key = groups.join(',');
    const list = classes.get(key) ?? [];
    list.push(k);
    classes.set(key, list);
  });
  const out: LpKind[] = [];
  for (const [key, kinds] of classes) {
    const groups = key.split(',').map(Number);
    for (const k of paretoAbsolute(ctx, kinds)) out.push({ kind: k, groups });
  }
  return out;
}

/** Drops a kind when a no-dearer kind of the same group set has at least its capacity in every resource. */
function paretoAbsolute(ctx: PackContext, kinds: number[]): number[] {
  const sorted = [...kinds].sort((a, b) => ctx.kinds[a].price - ctx.kinds[b].price || a - b);
  const kept: number[] = [];
  const cap = (k: number): number[] => {
    const c = ctx.kinds[k].capacity;
    return [c.cpu, c.memory, c.ephemeral, c.gpu, c.pods];
  };
  for (const k of sorted) {
    const v = cap(k);
    if (!kept.some((o) => cap(o).every((x, i) => x >= v[i]))) kept.push(k);
  }
  return kept;
}

/** Builds the LP in CPLEX LP format. */
export function lpModel(ctx: PackContext, counts: readonly number[]): string {
  const kinds = usefulKinds(ctx, counts);
  const objective = kinds.map((lk, i) => `${ctx.kinds[lk.kind].price} x${i}`);
  const rows: string[] = [];
  const assign = new Map<number, string[]>();
  kinds.forEach((lk, i) => rows.push(...kindRows(ctx, lk, i, assign)));
  for (const [g, ys] of assign) rows.push(`${ys.join(' + ')} = ${counts[g]}`);
  return `Minimize\n obj: ${objective.join(' + ')}\nSubject To\n${rows.map((r, i) => ` r${i}: ${r}`).join('\n')}\nEnd\n`;
}

const RESOURCES = [
  ['cpu', 1000],
  ['memory', GIB],
  ['ephemeral', GIB],
  ['gpu', 1],
  ['pods', 1],
] as const;

/** Capacity rows of kind i (requests of its pods ≤ capacity × nodes) and its per-group pod caps. */
function kindRows(ctx: PackContext, lk: LpKind, i: number, assign: Map<number, string[]>): string[] {
  const cap = ctx.kinds[lk.kind].capacity;
  const rows: string[] = [];
  const terms = new Map<string, string[]>(RESOURCES.map(([r]) => [r, []]));
  for (const g of lk.groups) {
    const requests = ctx.groups[g].proto.requests;
    const y = `y${g}_${i}`;
    assign.set(g, [...(assign.get(g) ?? []), y]);
    for (const [r, unit] of RESOURCES) if (requests[r]) terms.get(r)?.push(`${requests[r] / unit} ${y}`);
    // Valid for every integer plan: a node of this kind holds at most perNode pods of the group.
    const perNode = ctx.groups[g].perNodeOf[lk.kind];
    if (perNode < cap.pods) rows.push(`${y} - ${perNode} x${i} <= 0`);
  }
  for (const [r, unit] of RESOURCES) {
    const list = terms.get(r) ?? [];
    if (list.length) rows.push(`${list.join(' + ')} - ${cap[r] / unit} x${i} <= 0`);
  }
  return rows;
}

export interface LpBound {
  value: number;
  status: string;
  kinds: number;
}

export async function lpLowerBound(ctx: PackContext, counts: readonly number[]): Promise<LpBound> {
  const model = lpModel(ctx, counts);
  const solution = await highsSolve(model, { presolve: 'on' });
  return {
    value: solution.ObjectiveValue,
    status: solution.Status,
    kinds: (model.match(/ x\d+/g) ?? []).length,
  };
}
