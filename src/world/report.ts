// The demo report: a stable JSON contract that scripts and CI read.
import type { V1Node, V1Pod } from '@kubernetes/client-node';
import type { Catalog } from '../catalog/types.ts';
import type { KubeClients } from '../kube/index.ts';
import {
  DECISION_ANNOTATION,
  NODE_CLAIM_LABEL,
  type Decision,
  type NodeClaimObject,
} from '../controllers/autoscaler/index.ts';
import { MAIN } from './embedded.ts';
import type { ProbeResult } from './tunnel-probe.ts';

export interface DemoReport {
  durationSeconds: number;
  pods: { namespace: string; name: string; phase: string; node: string | null; location: string | null }[];
  nodes: {
    name: string;
    location: string;
    cloud: string;
    region: string;
    zone: string;
    instanceType: string;
    lifecycle: string;
    pricePerHour: number;
    virtual: boolean;
  }[];
  edgeLocations: { name: string; cloud: string; region: string; state: string }[];
  costPerHour: number;
  mainRegionOnlyCostPerHour: number;
  decisions: { time: string; pods: string[]; chosen: Decision['chosen']; reason: string }[];
  /** Per edge location: is its spoke connected to the hub, and did the last echo through the tunnel come back. */
  tunnel: ProbeResult[];
}

export function locationOfNode(node: V1Node | undefined): string {
  return node?.metadata?.labels?.['omni.cast.ai/edge-location-name'] ?? 'main';
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

type NodeRow = DemoReport['nodes'][number];

/** Where a node runs and what it is: from its NodeClaim when omni made it, else from its labels. */
function placementOf(
  node: V1Node,
  claim: NodeClaimObject | undefined,
): Pick<NodeRow, 'location' | 'cloud' | 'region' | 'zone' | 'instanceType' | 'lifecycle'> {
  const labelled = placementFromLabels(node);
  if (!claim) return labelled;
  // Claims are read as stored, unvalidated: a field missing there falls back to the node's labels.
  const s: Partial<NodeClaimObject['spec']> = claim.spec;
  return {
    location: s.location ?? labelled.location,
    cloud: s.cloud ?? labelled.cloud,
    region: s.region ?? labelled.region,
    zone: s.zone || labelled.zone,
    instanceType: s.instanceType ?? labelled.instanceType,
    lifecycle: s.lifecycle ?? labelled.lifecycle,
  };
}

function placementFromLabels(node: V1Node): ReturnType<typeof placementOf> {
  const labels = node.metadata?.labels ?? {};
  return {
    location: locationOfNode(node),
    cloud: labels['omni.cast.ai/cloud'] ?? MAIN.cloud,
    region: labels['topology.kubernetes.io/region'] ?? MAIN.region,
    zone: labels['topology.kubernetes.io/zone'] || '',
    instanceType: labels['node.kubernetes.io/instance-type'] ?? '',
    lifecycle: labels['omni.cast.ai/lifecycle'] ?? 'on-demand',
  };
}

/** The claim's price, else the main region's on-demand list price of the instance type. */
function priceOf(claim: NodeClaimObject | undefined, instanceType: string, catalog: Catalog): number {
  const listed = (): number | null | undefined =>
    catalog.query({ cloud: MAIN.cloud, region: MAIN.region }).find((o) => o.instanceType === instanceType)
      ?.onDemandPricePerHour;
  return claim?.spec.pricePerHour ?? listed() ?? 0;
}

function nodeRow(node: V1Node, claims: Map<string, NodeClaimObject>, catalog: Catalog): NodeRow {
  const labels = node.metadata?.labels ?? {};
  const claim = claims.get(labels[NODE_CLAIM_LABEL] ?? node.metadata!.name!);
  const placement = placementOf(node, claim);
  return {
    name: node.metadata!.name!,
    ...placement,
    pricePerHour: round(priceOf(claim, placement.instanceType, catalog)),
    virtual: labels['omni.cast.ai/type'] === 'virtual-node',
  };
}

function decisionOf(c: NodeClaimObject): Decision | undefined {
  try {
    return JSON.parse(c.metadata?.annotations?.[DECISION_ANNOTATION] ?? '') as Decision;
  } catch {
    return undefined;
  }
}

/** Remembers every decision seen, including those of claims that are gone by report time. */
export class DecisionLog {
  private readonly seen = new Map<string, Decision>();
  observe(claims: NodeClaimObject[]): void {
    for (const c of claims) {
      const d = decisionOf(c);
      if (d && c.metadata?.name) this.seen.set(c.metadata.name, d);
    }
  }
  all(): Decision[] {
    return [...this.seen.values()].sort((a, b) => a.time.localeCompare(b.time));
  }
  get(name: string): Decision | undefined {
    return this.seen.get(name);
  }
}

interface ReportInput {
  clients: KubeClients;
  catalog: Catalog;
  namespace: string;
  durationSeconds: number;
  decisions: DecisionLog;
  tunnel: ProbeResult[];
}

export async function buildReport(r: ReportInput): Promise<DemoReport> {
  const [nodes, pods, claimList, edges] = await Promise.all([
    r.clients.core.listNode(),
    r.clients.core.listNamespacedPod({ namespace: r.namespace }),
    r.clients.custom.listClusterCustomObject({
      group: 'omni.cast.ai',
      version: 'v1alpha1',
      plural: 'nodeclaims',
    }) as Promise<{ items: NodeClaimObject[] }>,
    r.clients.custom.listClusterCustomObject({
      group: 'omni.cast.ai',
      version: 'v1alpha1',
      plural: 'edgelocations',
    }) as Promise<{
      items: {
        metadata: { name: string };
        spec: { cloud: string; region: string };
        status?: { state?: string };
      }[];
    }>,
  ]);
  r.decisions.observe(claimList.items);
  const claims = new Map(claimList.items.map((c) => [c.metadata!.name!, c]));
  const byName = new Map(nodes.items.map((n) => [n.metadata!.name!, n]));
  const nodeRows = nodes.items.map((n) => nodeRow(n, claims, r.catalog));
  const costPerHour = nodeRows.reduce((s, n) => s + n.pricePerHour, 0);
  const baseCost = nodeRows.filter((n) => !claims.has(n.name)).reduce((s, n) => s + n.pricePerHour, 0);
  const mainOnly =
    baseCost +
    [...claims.values()].reduce(
      (s, c) => s + (decisionOf(c)?.mainRegionOnlyPricePerHour ?? c.spec.pricePerHour),
      0,
    );
  return {
    durationSeconds: r.durationSeconds,
    pods: pods.items.map((p: V1Pod) => ({
      namespace: p.metadata!.namespace!,
      name: p.metadata!.name!,
      phase: p.status?.phase ?? 'Unknown',
      node: p.spec?.nodeName ?? null,
      location: p.spec?.nodeName ? locationOfNode(byName.get(p.spec.nodeName)) : null,
    })),
    nodes: nodeRows,
    edgeLocations: edges.items.map((e) => ({
      name: e.metadata.name,
      cloud: e.spec.cloud,
      region: e.spec.region,
      state: e.status?.state ?? 'PendingOnboarding',
    })),
    costPerHour: round(costPerHour),
    mainRegionOnlyCostPerHour: round(mainOnly),
    decisions: r.decisions
      .all()
      .map((d) => ({ time: d.time, pods: d.pods, chosen: d.chosen, reason: d.reason })),
    tunnel: r.tunnel,
  };
}
