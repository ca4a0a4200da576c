import { createHash } from 'node:crypto';
import type { Catalog } from '../../catalog/types.ts';
import { encodeUserData, type NodeTaint } from '../../clouds/join.ts';
import { CapacityError, type LaunchResult, type OfferingKey } from '../../clouds/types.ts';
import type { EdgeLocation, NodeTemplate } from '../../apis/index.ts';
import { EDGE_TAINT, newNodeLabels, newNodeTaints, planLocations, type PlannedNode } from '../../planner/index.ts';
import type { Clock } from '../../kube/index.ts';
import { ClaimStore, DECISION_ANNOTATION, NODE_CLAIM_LABEL, PLANNED_PODS_ANNOTATION, withCondition, type Decision, type NodeClaimObject } from './claims.ts';
import type { LocationRegistry, LocationTarget } from './targets.ts';

export interface LaunchContext {
  claims: ClaimStore;
  catalog: Catalog;
  locations: LocationRegistry;
  templates: NodeTemplate[];
  edgeLocations: EdgeLocation[];
  clusterId: string;
  clock: Clock;
}

export interface LaunchOutcome {
  claim: NodeClaimObject;
  result?: LaunchResult;
  error?: unknown;
}

/** Claim names follow the template, with a suffix that is stable for the same plan and time. */
export function claimName(node: PlannedNode, now: number): string {
  const h = createHash('sha256').update(`${node.name}/${node.pods.join(',')}/${now}`).digest('hex').slice(0, 6);
  return `${node.nodeTemplate}-${h}`.slice(0, 63);
}

function nodeLabelsAndTaints(node: PlannedNode, claim: string, ctx: LaunchContext): { labels: Record<string, string>; taints: NodeTaint[]; gpu: boolean } {
  const template = ctx.templates.find((t) => t.metadata.name === node.nodeTemplate)!;
  const location = planLocations(ctx.locations.main(), ctx.edgeLocations).find((l) => l.name === node.location)!;
  const offering = ctx.catalog.query({ cloud: node.cloud, region: node.region }).find((o) => o.instanceType === node.instanceType)!;
  const labels = { ...newNodeLabels(template, location, { ...offering, zone: node.zone }, node.lifecycle), [NODE_CLAIM_LABEL]: claim };
  // On the edge the taint lives on the virtual node in main; the edge cluster's own node doesn't need it.
  const taints = newNodeTaints(template, location)
    .filter((t) => t.key !== EDGE_TAINT.key)
    .map((t) => ({ key: t.key, effect: t.effect, ...(t.value !== undefined ? { value: t.value } : {}) }));
  return { labels, taints, gpu: offering.gpuCount > 0 };
}

export function decisionOf(node: PlannedNode, now: number, mainOnlyPrice?: number): Decision {
  const next = node.explanation.nextCheapest;
  const where = node.location === 'main' ? `the main region (${node.cloud}/${node.region})` : `edge location ${node.location} (${node.cloud}/${node.region})`;
  const reason =
    `cheapest of ${node.explanation.compatibleOfferings} compatible offerings: ${node.instanceType} ${node.lifecycle} in ${where} at $${node.pricePerHour.toFixed(4)}/h` +
    (next ? `; next cheapest ${next.instanceType} ${next.lifecycle} in ${next.location}${next.zone ? `/${next.zone}` : ''} at $${next.pricePerHour.toFixed(4)}/h` : '');
  return {
    time: new Date(now).toISOString(),
    pods: node.pods,
    chosen: { location: node.location, cloud: node.cloud, region: node.region, zone: node.zone, instanceType: node.instanceType, lifecycle: node.lifecycle, pricePerHour: node.pricePerHour },
    reason,
    compatibleOfferings: node.explanation.compatibleOfferings,
    ...(next ? { nextCheapest: next } : {}),
    ...(mainOnlyPrice !== undefined ? { mainRegionOnlyPricePerHour: mainOnlyPrice } : {}),
  };
}

function providerIdOf(target: LocationTarget, instanceId: string, zone: string): string {
  if (target.name !== 'main') return `castai-omni://${target.name}/${instanceId}`;
  const scheme = { aws: 'aws', gcp: 'gce', azure: 'azure', oci: 'oci' }[target.cloud];
  return `${scheme}:///${zone || target.region}/${instanceId}`;
}

/**
 * The offerings to try, best first. A node planned for a region without a zone (the catalog prices some
 * regions as a whole) is tried in every zone that has the type, cheapest and available first.
 */
async function rankedOfferings(node: PlannedNode, target: LocationTarget): Promise<OfferingKey[]> {
  const planned: OfferingKey = { region: node.region, zone: node.zone, instanceType: node.instanceType, lifecycle: node.lifecycle };
  if (node.zone !== '') return [planned];
  const live = await target.provider.listOfferings({ region: node.region, instanceTypes: [node.instanceType], lifecycle: node.lifecycle }).catch(() => []);
  const ranked = live
    .filter((o) => o.zone !== '')
    .sort((a, b) => Number(b.available) - Number(a.available) || a.pricePerHour - b.pricePerHour || a.zone.localeCompare(b.zone))
    .map((o) => ({ region: o.region, zone: o.zone, instanceType: o.instanceType, lifecycle: o.lifecycle }));
  return ranked.length ? ranked : [planned];
}

/** Writes the NodeClaim, then launches its instance; a capacity error deletes the claim again. */
export async function launchPlannedNode(node: PlannedNode, decision: Decision, ctx: LaunchContext): Promise<LaunchOutcome> {
  const target = node.location === 'main' ? ctx.locations.main() : ctx.locations.edge(node.location);
  if (!target) throw new Error(`edge location ${node.location} is not ready`);
  const name = claimName(node, ctx.clock.now());
  const { labels, taints, gpu } = nodeLabelsAndTaints(node, name, ctx);
  const claim = await ctx.claims.create(
    name,
    { nodeTemplate: node.nodeTemplate, location: node.location, cloud: node.cloud, region: node.region, zone: node.zone, instanceType: node.instanceType, lifecycle: node.lifecycle, pricePerHour: node.pricePerHour },
    { [PLANNED_PODS_ANNOTATION]: JSON.stringify(node.pods), [DECISION_ANNOTATION]: JSON.stringify(decision) },
    { [NODE_CLAIM_LABEL]: name, 'scheduling.cast.ai/node-template': node.nodeTemplate, 'omni.cast.ai/location': node.location },
  );
  const userData = encodeUserData({ role: 'agent', clusterEndpoint: target.join.endpoint, caData: target.join.caData, bootstrapToken: target.join.token, nodeName: name, labels, taints, installGpuDriver: gpu });
  try {
    const result = await target.provider.launch({
      offerings: await rankedOfferings(node, target),
      userData,
      tags: { clusterId: ctx.clusterId, nodeClaim: name, nodeTemplate: node.nodeTemplate, ...(node.location !== 'main' ? { edgeLocation: node.location } : {}) },
      ...(target.placement ? { placement: target.placement } : {}),
    });
    const now = new Date(ctx.clock.now()).toISOString();
    const updated = await ctx.claims.setStatus(claim, {
      instanceId: result.instance.id,
      providerID: providerIdOf(target, result.instance.id, result.offering.zone),
      conditions: withCondition(claim.status?.conditions, { type: 'Launched', status: 'True', reason: 'InstanceLaunched', message: `instance ${result.instance.id} launched` }, now),
    });
    return { claim: updated, result };
  } catch (error) {
    await ctx.claims.removeFinalizer(await ctx.claims.get(name)).catch(() => undefined);
    await ctx.claims.delete(name).catch(() => undefined);
    return { claim, error };
  }
}

export function isCapacityError(err: unknown): err is CapacityError {
  return err instanceof CapacityError;
}
