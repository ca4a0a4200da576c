// An independent check of a plan against its input: used by tests (property tests) and by `omni plan`
// as a last guard. Returns one line per broken rule; [] means the plan is valid.
import { templateBounds } from '../apis/index.ts';
import type { Plan, PlanInput, PlannedNode, PlannerPod, ZoneSpread } from './types.ts';
import { buildKinds, type NodeKind } from './kinds.ts';
import { planLocations } from './locations.ts';
import { podFitsKind, podKey } from './groups.ts';
import { existingRooms } from './existing.ts';
import { add, fits, zero } from './resources.ts';
import { matchesLabelSelector, matchesNodeConstraints, toleratesAll } from './labels.ts';

export function validatePlan(input: PlanInput, plan: Plan): string[] {
  const pods = new Map<string, PlannerPod>();
  for (const p of input.pods) pods.set(podKey(p), p);
  for (const n of input.existingNodes ?? []) for (const p of n.pods) pods.set(podKey(p), p);
  const problems = [...checkEveryPodOnce(pods, plan)];
  const kinds = kindsByIdentity(input);
  for (const node of plan.nodes) problems.push(...checkNewNode(node, kinds.get(identity(node)), pods));
  problems.push(
    ...checkExisting(input, plan, pods),
    ...checkLimits(input, plan, kinds),
    ...checkSpread(plan, kinds, pods),
  );
  const total = Math.round(plan.nodes.reduce((s, n) => s + n.pricePerHour, 0) * 1e6) / 1e6;
  if (Math.abs(total - plan.totalPricePerHour) > 1e-6)
    problems.push(`totalPricePerHour ${plan.totalPricePerHour} is not the sum ${total}`);
  return problems;
}

function checkEveryPodOnce(pods: Map<string, PlannerPod>, plan: Plan): string[] {
  const seen = new Map<string, number>();
  const count = (k: string): void => void seen.set(k, (seen.get(k) ?? 0) + 1);
  plan.nodes.forEach((n) => n.pods.forEach(count));
  plan.existing.forEach((n) => n.pods.forEach(count));
  plan.unschedulable.forEach((u) => count(u.pod));
  const problems: string[] = [];
  for (const key of pods.keys())
    if (seen.get(key) !== 1) problems.push(`pod ${key} appears ${seen.get(key) ?? 0} times`);
  for (const key of seen.keys()) if (!pods.has(key)) problems.push(`pod ${key} is not an input pod`);
  return problems;
}

function identity(n: {
  nodeTemplate: string;
  location: string;
  instanceType: string;
  zone: string;
  lifecycle: string;
}): string {
  return `${n.nodeTemplate}|${n.location}|${n.instanceType}|${n.zone}|${n.lifecycle}`;
}

function kindsByIdentity(input: PlanInput): Map<string, NodeKind> {
  const { all } = buildKinds(
    input.catalog,
    input.nodeTemplates,
    planLocations(input.main, input.edgeLocations),
    {
      daemonSets: input.daemonSets ?? [],
      unavailable: input.unavailable ?? [],
    },
  );
  const map = new Map<string, NodeKind>();
  for (const k of all) {
    const id = identity({
      nodeTemplate: k.template.metadata.name,
      location: k.location.name,
      instanceType: k.offering.instanceType,
      zone: k.offering.zone,
      lifecycle: k.lifecycle,
    });
    map.set(id, k);
  }
  return map;
}

function checkNewNode(
  node: PlannedNode,
  kind: NodeKind | undefined,
  pods: Map<string, PlannerPod>,
): string[] {
  if (!kind) return [`node ${node.name}: ${identity(node)} is not an offering its template allows`];
  const problems: string[] = [];
  if (kind.unavailable) problems.push(`node ${node.name}: offering is marked unavailable`);
  if (Math.abs(kind.price - node.pricePerHour) > 1e-9)
    problems.push(`node ${node.name}: price ${node.pricePerHour} ≠ catalog ${kind.price}`);
  const members = node.pods.map((k) => pods.get(k)).filter((p): p is PlannerPod => p !== undefined);
  const used = members.reduce((s, p) => add(s, p.requests), zero());
  if (!fits(used, kind.capacity)) problems.push(`node ${node.name}: pods do not fit its allocatable`);
  for (const p of members)
    if (!podFitsKind(p, kind)) problems.push(`node ${node.name}: pod ${podKey(p)} may not run on it`);
  problems.push(...antiAffinityProblems(node.name, members));
  return problems;
}

function antiAffinityProblems(nodeName: string, members: readonly PlannerPod[]): string[] {
  const problems: string[] = [];
  for (const p of members) {
    for (const q of members) {
      if (p === q || p.namespace !== q.namespace) continue;
      if (p.antiAffinity.some((s) => matchesLabelSelector(q.labels, s))) {
        problems.push(`node ${nodeName}: ${podKey(p)} has required anti-affinity against ${podKey(q)}`);
      }
    }
  }
  return problems;
}

function checkExisting(input: PlanInput, plan: Plan, pods: Map<string, PlannerPod>): string[] {
  const rooms = existingRooms(input.existingNodes ?? [], input.daemonSets ?? []);
  const problems: string[] = [];
  for (const entry of plan.existing) {
    const room = rooms.find((r) => r.node.name === entry.node);
    if (!room) {
      problems.push(`existing node ${entry.node} is not in the input`);
      continue;
    }
    const bound = new Set(room.node.pods.map(podKey));
    const added = entry.pods
      .filter((k) => !bound.has(k))
      .map((k) => pods.get(k))
      .filter((p): p is PlannerPod => p !== undefined);
    const used = added.reduce((s, p) => add(s, p.requests), zero());
    if (!fits(used, room.free))
      problems.push(`existing node ${entry.node}: placed pods do not fit its free room`);
    for (const p of added) {
      if (
        !toleratesAll(p.tolerations, room.node.taints) ||
        !matchesNodeConstraints(room.node.labels, p.nodeSelector, p.affinityTerms)
      ) {
        problems.push(`existing node ${entry.node}: pod ${podKey(p)} may not run on it`);
      }
    }
    problems.push(...antiAffinityProblems(entry.node, [...room.node.pods, ...added]));
  }
  return problems;
}

function checkLimits(input: PlanInput, plan: Plan, kinds: Map<string, NodeKind>): string[] {
  const problems: string[] = [];
  for (const t of input.nodeTemplates) {
    const b = templateBounds(t.spec);
    const mine = (input.existingNodes ?? []).filter(
      (n) => n.labels['scheduling.cast.ai/node-template'] === t.metadata.name,
    );
    const used = { cpu: 0, memory: 0, gpu: 0 };
    for (const n of mine) {
      used.cpu += n.allocatable.cpu;
      used.memory += n.allocatable.memory;
      used.gpu += n.allocatable.gpu;
    }
    for (const node of plan.nodes.filter((n) => n.nodeTemplate === t.metadata.name)) {
      const size = kinds.get(identity(node))?.size ?? { cpu: 0, memory: 0, gpu: 0 };
      used.cpu += size.cpu;
      used.memory += size.memory;
      used.gpu += size.gpu;
    }
    const over = (limit: number, value: number): boolean => limit > 0 && value > limit;
    if (
      over(b.limitCpuMillis, used.cpu) ||
      over(b.limitMemoryBytes, used.memory) ||
      over(b.limitGpu, used.gpu)
    ) {
      problems.push(`NodeTemplate "${t.metadata.name}": limits exceeded`);
    }
  }
  return problems;
}

/**
 * Zone spread: over the zones of new nodes the pod could run on (taints honoured), matching pods per
 * zone differ by at most maxSkew. Existing nodes are not counted (see the planning section of the README).
 */
function checkSpread(plan: Plan, kinds: Map<string, NodeKind>, pods: Map<string, PlannerPod>): string[] {
  const placed = plan.nodes.flatMap((n) => n.pods.map((k) => ({ pod: pods.get(k), zone: n.zone })));
  const problems: string[] = [];
  const checked = new Set<string>();
  for (const { pod } of placed) {
    for (const spread of pod?.zoneSpread ?? []) {
      const id = `${pod?.namespace}|${JSON.stringify(spread)}`;
      if (!pod || checked.has(id)) continue;
      checked.add(id);
      const perZone = spreadCounts({ plan, kinds, placed }, pod, spread);
      if (Math.max(...perZone) - Math.min(...perZone) > spread.maxSkew) {
        problems.push(
          `pod ${podKey(pod)}: zone spread skew exceeds ${spread.maxSkew} (${perZone.join('/')})`,
        );
      }
    }
  }
  return problems;
}

interface SpreadView {
  plan: Plan;
  kinds: Map<string, NodeKind>;
  placed: { pod: PlannerPod | undefined; zone: string }[];
}

/** Matching pods per zone, over the zones of new nodes the pod could run on. */
function spreadCounts(view: SpreadView, pod: PlannerPod, spread: ZoneSpread): number[] {
  const usable = (n: PlannedNode): boolean => {
    const k = view.kinds.get(identity(n));
    return k !== undefined && podFitsKind(pod, k);
  };
  const zones = new Set(view.plan.nodes.filter(usable).map((n) => n.zone));
  const matches = (p: PlannerPod | undefined): boolean =>
    p !== undefined && p.namespace === pod.namespace && matchesLabelSelector(p.labels, spread.selector);
  return [...zones].map((z) => view.placed.filter((x) => x.zone === z && matches(x.pod)).length);
}
