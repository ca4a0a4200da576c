import type { KubernetesObject, V1DaemonSet, V1Node, V1Pod } from '@kubernetes/client-node';
import type { Catalog, CloudName } from '../../catalog/types.ts';
import { parseEdgeLocation, parseNodeTemplate, type EdgeLocation, type NodeTemplate } from '../../apis/index.ts';
import {
  existingNode,
  daemonSetSpec,
  defaultAllocatable,
  newNodeLabels,
  newNodeTaints,
  planLocations,
  plannerPod,
  type DaemonSetSpec,
  type ExistingNode,
  type PlanInput,
  type PlannerPod,
  type PodSpec,
} from '../../planner/index.ts';
import { conditionTrue, NODE_CLAIM_LABEL, type NodeClaimObject } from './claims.ts';
import { isWorkloadPod } from './pending.ts';
import type { UnavailableMark } from './unavailable.ts';

export interface Parsed<T> {
  ok: T[];
  invalid: { name: string; error: string }[];
}

/** Specs are what the autoscaler acts on; status is written by controllers and may carry more. */
function withoutStatus(o: KubernetesObject): KubernetesObject {
  const copy: KubernetesObject & { status?: unknown } = { ...o };
  delete copy.status;
  return copy;
}

function parseAll<T>(objects: KubernetesObject[], parse: (o: unknown) => T): Parsed<T> {
  const out: Parsed<T> = { ok: [], invalid: [] };
  for (const o of objects) {
    try {
      out.ok.push(parse(withoutStatus(o)));
    } catch (err) {
      out.invalid.push({ name: o.metadata?.name ?? '', error: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}

export function parseTemplates(objects: KubernetesObject[]): Parsed<NodeTemplate> {
  return parseAll(objects, parseNodeTemplate);
}

export function readyEdgeLocations(objects: KubernetesObject[]): EdgeLocation[] {
  const ready = objects.filter((o) => (o as { status?: { state?: string } }).status?.state === 'Ready' && !o.metadata?.deletionTimestamp);
  return parseAll(ready, parseEdgeLocation).ok;
}

const AT_HOME = { key: 'omni.cast.ai/edge-location-name', operator: 'DoesNotExist' as const };

/** A pod the evictor just brought home may only go to the main region for a while (no ping-pong). */
export function keepHome(pod: PlannerPod): PlannerPod {
  const terms = pod.affinityTerms.length ? pod.affinityTerms.map((t) => [...t, AT_HOME]) : [[AT_HOME]];
  return { ...pod, affinityTerms: terms };
}

export function toPlannerPod(pod: V1Pod): PlannerPod {
  return plannerPod(
    { namespace: pod.metadata?.namespace ?? 'default', name: pod.metadata?.name ?? '', labels: pod.metadata?.labels ?? {} },
    pod.spec as unknown as PodSpec,
  );
}

export function toDaemonSet(ds: V1DaemonSet): DaemonSetSpec {
  return daemonSetSpec(
    { namespace: ds.metadata?.namespace ?? 'default', name: ds.metadata?.name ?? '', labels: ds.spec?.template.metadata?.labels ?? {} },
    ds.spec?.template.spec as unknown as PodSpec,
  );
}

/** A claim that is being made (not Ready yet) counts as a node the planner may fill first. */
function inflightNode(claim: NodeClaimObject, ctx: { catalog: Catalog; templates: NodeTemplate[]; edgeLocations: EdgeLocation[]; main: { cloud: CloudName; region: string } }): ExistingNode | undefined {
  const s = claim.spec;
  const offering = ctx.catalog.query({ cloud: s.cloud, region: s.region }).find((o) => o.instanceType === s.instanceType && (s.zone === '' || o.zone === s.zone || o.zone === ''));
  const template = ctx.templates.find((t) => t.metadata.name === s.nodeTemplate);
  const location = planLocations(ctx.main, ctx.edgeLocations).find((l) => l.name === s.location);
  if (!offering || !template || !location) return undefined;
  const labels = { ...newNodeLabels(template, location, { ...offering, zone: s.zone }, s.lifecycle) };
  return {
    name: claim.metadata!.name!,
    labels,
    taints: newNodeTaints(template, location),
    allocatable: defaultAllocatable(offering.vcpus, offering.memoryGiB, offering.gpuCount),
    pods: [],
  };
}

/**
 * omni's registered nodes, with the pods bound to them: pods the scheduler has not placed yet may
 * still fit there (a node that just went Ready), and must not get a node of their own.
 */
function registeredNodes(nodes: V1Node[], pods: V1Pod[]): ExistingNode[] {
  const bound = new Map<string, PlannerPod[]>();
  for (const p of pods) {
    if (!p.spec?.nodeName || !isWorkloadPod(p)) continue;
    const list = bound.get(p.spec.nodeName) ?? [];
    list.push(toPlannerPod(p));
    bound.set(p.spec.nodeName, list);
  }
  return nodes
    .filter((n) => n.metadata?.labels?.[NODE_CLAIM_LABEL] && !n.spec?.unschedulable && !n.metadata.deletionTimestamp && n.status?.allocatable)
    .map((n) => ({ ...existingNode(n as unknown as Parameters<typeof existingNode>[0]), pods: bound.get(n.metadata!.name!) ?? [] }));
}

export interface PlanContext {
  catalog: Catalog;
  main: { cloud: CloudName; region: string };
  pending: V1Pod[];
  templates: KubernetesObject[];
  edgeLocations: KubernetesObject[];
  claims: NodeClaimObject[];
  daemonSets: V1DaemonSet[];
  unavailable: UnavailableMark[];
  nodes: V1Node[];
  boundPods: V1Pod[];
  /** Pods that must stay in the main region (recently moved home by the evictor). */
  homeOnly?: (pod: V1Pod) => boolean;
}

/** Everything the planner needs, from the informer caches. */
export function buildPlanInput(ctx: PlanContext): PlanInput {
  const templates = parseTemplates(ctx.templates).ok;
  const edgeLocations = readyEdgeLocations(ctx.edgeLocations);
  const registered = new Set(ctx.nodes.map((n) => n.metadata?.name));
  const inflight = ctx.claims
    .filter((c) => !c.metadata?.deletionTimestamp && !conditionTrue(c, 'Ready') && !registered.has(c.metadata?.name))
    .map((c) => inflightNode(c, { catalog: ctx.catalog, templates, edgeLocations, main: ctx.main }))
    .filter((n): n is ExistingNode => n !== undefined);
  return {
    pods: ctx.pending.map((p) => (ctx.homeOnly?.(p) ? keepHome(toPlannerPod(p)) : toPlannerPod(p))),
    nodeTemplates: templates,
    edgeLocations,
    main: ctx.main,
    catalog: ctx.catalog,
    unavailable: ctx.unavailable.map(({ cloud, region, zone, instanceType, lifecycle }) => ({ cloud, region, zone, instanceType, lifecycle })),
    existingNodes: [...inflight, ...registeredNodes(ctx.nodes, ctx.boundPods)],
    daemonSets: ctx.daemonSets.map(toDaemonSet),
  };
}
