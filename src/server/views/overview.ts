// The overview: main cluster and each edge location with their nodes, pods and hourly cost.
import type { LocationSummary, NodeView, OverviewView, PendingPodView } from '../api-types.ts';
import { ageSeconds, isoOf, sumPrices, takeSnapshot, type ClusterSnapshot, type PricedNode, type ViewDeps } from './snapshot.ts';
import { pendingPods } from './pending.ts';

function summarize(name: string, nodes: PricedNode[], head: { cloud: string; region: string; state: string }): LocationSummary {
  return {
    name,
    ...head,
    nodes: nodes.length,
    virtualNodes: nodes.filter((n) => n.virtual).length,
    pods: nodes.reduce((s, n) => s + n.pods.length, 0),
    costPerHour: sumPrices(nodes, 'pricePerHour'),
  };
}

function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}

export function edgeSummaries(snap: ClusterSnapshot): LocationSummary[] {
  return snap.edgeLocations.map((el) => {
    const name = el.metadata?.name ?? '';
    return summarize(
      name,
      snap.nodes.filter((n) => n.location === name),
      { cloud: str(el.spec?.cloud), region: str(el.spec?.region), state: str(el.status?.state, 'PendingOnboarding') },
    );
  });
}

export function overviewView(deps: ViewDeps): OverviewView {
  const snap = takeSnapshot(deps);
  const main = summarize('main', snap.nodes.filter((n) => n.location === 'main'), { ...snap.main, state: 'Ready' });
  return {
    main,
    edgeLocations: edgeSummaries(snap),
    totals: {
      nodes: snap.nodes.length,
      pods: snap.nodes.reduce((s, n) => s + n.pods.length, 0),
      pendingPods: pendingPods(snap).length,
      costPerHour: sumPrices(snap.nodes, 'pricePerHour'),
      mainRegionOnlyCostPerHour: sumPrices(snap.nodes, 'mainRegionPricePerHour'),
    },
  };
}

function capacityOf(n: PricedNode): NodeView['capacity'] {
  const cap = n.node.status?.capacity ?? {};
  return { cpu: cap.cpu ?? '', memory: cap.memory ?? '', gpu: Number(cap['nvidia.com/gpu'] ?? 0) };
}

export function nodesView(deps: ViewDeps): NodeView[] {
  const snap = takeSnapshot(deps);
  return snap.nodes.map((n) => ({
    name: n.name,
    virtual: n.virtual,
    location: n.location,
    cloud: n.cloud,
    region: n.region,
    zone: n.zone,
    instanceType: n.instanceType,
    lifecycle: n.lifecycle,
    nodeTemplate: n.nodeTemplate,
    pricePerHour: n.pricePerHour,
    priceSource: n.priceSource,
    ready: n.ready,
    createdAt: isoOf(n.node.metadata?.creationTimestamp),
    ageSeconds: ageSeconds(n.node.metadata?.creationTimestamp, snap.now),
    pods: n.pods.length,
    capacity: capacityOf(n),
  }));
}

export function pendingView(deps: ViewDeps): PendingPodView[] {
  return pendingPods(takeSnapshot(deps));
}
