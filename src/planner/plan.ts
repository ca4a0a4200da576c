// The planner: pending pods + templates + locations + offerings + existing nodes → the cheapest plan.
// Pure: the same input gives the same plan; nothing here reads a clock, a file or a random source.
import type { NodeTemplate } from '../apis/index.ts';
import { templateBounds } from '../apis/index.ts';
import type { ExistingNode, Plan, PlanInput, PlannedNode, UnschedulablePod } from './types.ts';
import { buildKinds, type KindSet } from './kinds.ts';
import { planLocations, compareStrings } from './locations.ts';
import { antiAffinityConflicts, fillCompat, groupPods, podKey, type PodGroup } from './groups.ts';
import { existingRooms, placeOnExisting, type ExistingRoom } from './existing.ts';
import { diagnose } from './diagnose.ts';
import { explainerWithMemo } from './explain.ts';
import { search } from './search.ts';
import { splitForSpread } from './spread.ts';
import { kindColumns, type LimitRoom, type PackContext, type PackResult } from './pack.ts';

export interface PlanDetails {
  plan: Plan;
  /** Cost of first-fit-decreasing onto each group's cheapest compatible offering (for comparison). */
  baselinePricePerHour: number;
  /** Pods the baseline could not place (template limits). */
  baselineUnplaced: number;
  context: PackContext;
  counts: number[];
}

export function plan(input: PlanInput): Plan {
  return planWithDetails(input).plan;
}

export function planWithDetails(unordered: PlanInput): PlanDetails {
  const input = canonicalOrder(unordered);
  const locations = planLocations(input.main, input.edgeLocations);
  const kindSet = buildKinds(input.catalog, input.nodeTemplates, locations, {
    daemonSets: input.daemonSets ?? [],
    unavailable: input.unavailable ?? [],
  });
  const rooms = existingRooms(input.existingNodes ?? [], input.daemonSets ?? []);
  const groups = groupPods(input.pods);
  const unschedulable: UnschedulablePod[] = [];
  const pending = placeExisting(rooms, groups);
  const ctx = buildContext(kindSet, input, pending, unschedulable);
  const counts = ctx.groups.map((g) => (g.compat.length > 0 ? g.pods.length : 0));
  const order = sizeOrder(ctx.groups);
  const { best, baseline } = search(ctx, order, counts);
  const nodes = plannedNodes(ctx, best, unschedulable, input.nodeTemplates);
  const totalPricePerHour = roundPrice(nodes.reduce((s, n) => s + n.pricePerHour, 0));
  unschedulable.sort((a, b) => compareStrings(a.pod, b.pod));
  return {
    plan: { nodes, existing: existingOutput(rooms), unschedulable, totalPricePerHour },
    baselinePricePerHour: roundPrice(baseline.cost),
    baselineUnplaced: baseline.unplaced.reduce((a, b) => a + b, 0),
    context: ctx,
    counts,
  };
}

/** Templates, edge locations and existing nodes by name, so input order never changes the plan. */
function canonicalOrder(input: PlanInput): PlanInput {
  const byName =
    <T>(name: (t: T) => string) =>
    (a: T, b: T) =>
      compareStrings(name(a), name(b));
  return {
    ...input,
    nodeTemplates: [...input.nodeTemplates].sort(byName((t) => t.metadata.name)),
    edgeLocations: [...input.edgeLocations].sort(byName((e) => e.metadata.name)),
    existingNodes: [...(input.existingNodes ?? [])].sort(byName((n) => n.name)),
    daemonSets: [...(input.daemonSets ?? [])].sort(byName((d) => `${d.namespace}/${d.name}`)),
  };
}

/** Groups by size, largest first (first-fit decreasing), ties by key. */
function sizeOrder(groups: readonly PodGroup[]): number[] {
  const size = (g: PodGroup): number => {
    const r = g.proto.requests;
    return Math.max(r.cpu / 1000, r.memory / 2 ** 32, r.gpu * 16, r.ephemeral / (20 * 2 ** 30));
  };
  return groups
    .map((g, i) => i)
    .sort((a, b) => size(groups[b]) - size(groups[a]) || compareStrings(groups[a].key, groups[b].key));
}

/** Places what fits on existing nodes; returns the groups of pods still pending. */
function placeExisting(rooms: ExistingRoom[], groups: PodGroup[]): PodGroup[] {
  const order = sizeOrder(groups);
  const pending: PodGroup[] = [];
  for (const i of order) {
    const group = groups[i];
    const placed = placeOnExisting(rooms, group);
    if (placed < group.pods.length) pending.push({ ...group, pods: group.pods.slice(placed) });
  }
  return pending.sort((a, b) => compareStrings(a.key, b.key)).map((g, index) => ({ ...g, index }));
}

function buildContext(
  kindSet: KindSet,
  input: PlanInput,
  pending: PodGroup[],
  unschedulable: UnschedulablePod[],
): PackContext {
  const base: PackContext = {
    kinds: kindSet.all,
    columns: kindColumns(kindSet.all),
    groups: [],
    conflicts: [],
    limits: limitRoom(input.nodeTemplates, input.existingNodes ?? []),
  };
  const groups: PodGroup[] = [];
  for (const group of pending) {
    fillCompat(group, kindSet.all);
    if (group.compat.length === 0) {
      const { code, reason } = diagnose(group.proto, kindSet.all, input.nodeTemplates);
      for (const pod of group.pods) unschedulable.push({ pod: podKey(pod), code, reason });
      continue;
    }
    const parts = group.proto.zoneSpread.length > 0 ? splitForSpread(base, group, groups.length) : [group];
    for (const part of parts) groups.push({ ...part, index: groups.length });
  }
  return { ...base, groups, conflicts: antiAffinityConflicts(groups) };
}

/** Room under each template's limits, after what its existing nodes already use. */
function limitRoom(templates: readonly NodeTemplate[], existing: readonly ExistingNode[]): LimitRoom {
  const room: LimitRoom = new Map();
  for (const t of templates) {
    const b = templateBounds(t.spec);
    if (b.limitCpuMillis === 0 && b.limitMemoryBytes === 0 && b.limitGpu === 0) continue;
    const mine = existing.filter((n) => n.labels['scheduling.cast.ai/node-template'] === t.metadata.name);
    room.set(t.metadata.name, {
      cpu: (b.limitCpuMillis || Infinity) - mine.reduce((s, n) => s + n.allocatable.cpu, 0),
      memory: (b.limitMemoryBytes || Infinity) - mine.reduce((s, n) => s + n.allocatable.memory, 0),
      gpu: (b.limitGpu || Infinity) - mine.reduce((s, n) => s + n.allocatable.gpu, 0),
    });
  }
  return room;
}

function plannedNodes(
  ctx: PackContext,
  result: PackResult,
  unschedulable: UnschedulablePod[],
  templates: readonly NodeTemplate[],
): PlannedNode[] {
  const next = ctx.groups.map(() => 0);
  const explain = explainerWithMemo(ctx);
  const nodes = result.nodes.map((node) => {
    const kind = ctx.kinds[node.kind];
    const pods: string[] = [];
    for (const [g, n] of node.counts) {
      pods.push(...ctx.groups[g].pods.slice(next[g], next[g] + n).map(podKey));
      next[g] += n;
    }
    return { node, kind, pods: pods.sort(compareStrings), locationOrder: kind.locationOrder };
  });
  ctx.groups.forEach((group, g) => {
    for (const pod of group.pods.slice(next[g]))
      unschedulable.push({ pod: podKey(pod), ...diagnoseLimits(ctx, group, templates) });
  });
  nodes.sort(
    (a, b) =>
      a.locationOrder - b.locationOrder ||
      compareStrings(a.kind.template.metadata.name, b.kind.template.metadata.name) ||
      compareStrings(a.kind.offering.instanceType, b.kind.offering.instanceType) ||
      compareStrings(a.kind.offering.zone, b.kind.offering.zone) ||
      compareStrings(a.kind.lifecycle, b.kind.lifecycle) ||
      compareStrings(a.pods[0] ?? '', b.pods[0] ?? ''),
  );
  const perPrefix = new Map<string, number>();
  return nodes.map(({ node, kind, pods }) => {
    const prefix = `${kind.template.metadata.name}-${kind.location.name}`;
    const n = (perPrefix.get(prefix) ?? 0) + 1;
    perPrefix.set(prefix, n);
    return {
      name: `${prefix}-${n}`,
      nodeTemplate: kind.template.metadata.name,
      location: kind.location.name,
      cloud: kind.offering.cloud,
      region: kind.offering.region,
      zone: kind.offering.zone,
      instanceType: kind.offering.instanceType,
      lifecycle: kind.lifecycle,
      pricePerHour: kind.price,
      pods,
      explanation: explain(node),
    };
  });
}

function diagnoseLimits(
  ctx: PackContext,
  group: PodGroup,
  templates: readonly NodeTemplate[],
): { code: 'limits'; reason: string } {
  const names = [...new Set([...group.compat].map((k) => ctx.kinds[k].template.metadata.name))].sort(
    compareStrings,
  );
  const limited = templates.filter((t) => names.includes(t.metadata.name) && ctx.limits.has(t.metadata.name));
  const list = (limited.length > 0 ? limited.map((t) => t.metadata.name) : names)
    .map((n) => `"${n}"`)
    .join(', ');
  return {
    code: 'limits',
    reason: `the limits (cpu/memory/gpu) of NodeTemplate ${list} are reached; raise spec.limits or free capacity`,
  };
}

function existingOutput(rooms: readonly ExistingRoom[]): Plan['existing'] {
  return [...rooms]
    .sort((a, b) => compareStrings(a.node.name, b.node.name))
    .map((r) => ({
      node: r.node.name,
      pods: [...r.node.pods.map(podKey).sort(compareStrings), ...r.placed.map(podKey).sort(compareStrings)],
    }));
}

export function roundPrice(p: number): number {
  return Math.round(p * 1e6) / 1e6;
}
