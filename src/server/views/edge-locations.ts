// Edge locations with their onboarding conditions (in onboarding order), nodes, pods and cost.
import { EDGE_LOCATION_CONDITIONS } from '../../apis/index.ts';
import type { ConditionView, EdgeLocationView } from '../api-types.ts';
import type { OmniObject } from '../cluster-cache.ts';
import { isoOf, sumPrices, takeSnapshot, type ViewDeps } from './snapshot.ts';

function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}

function conditionsOf(el: OmniObject): ConditionView[] {
  const raw = Array.isArray(el.status?.conditions) ? (el.status.conditions as Record<string, unknown>[]) : [];
  const byType = new Map(raw.map((c) => [str(c.type), c]));
  const order = [...EDGE_LOCATION_CONDITIONS, ...[...byType.keys()].filter((t) => !(EDGE_LOCATION_CONDITIONS as readonly string[]).includes(t))];
  return order.map((type) => {
    const c = byType.get(type);
    return {
      type,
      status: str(c?.status, 'Unknown'),
      reason: str(c?.reason),
      message: str(c?.message, c ? '' : 'not reported yet'),
      lastTransitionTime: str(c?.lastTransitionTime) || null,
    };
  });
}

function stringMap(v: unknown): Record<string, string> {
  if (typeof v !== 'object' || v === null) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function edgeLocationsView(deps: ViewDeps): EdgeLocationView[] {
  const snap = takeSnapshot(deps);
  return snap.edgeLocations
    .map((el) => {
      const name = el.metadata?.name ?? '';
      const nodes = snap.nodes.filter((n) => n.location === name);
      return {
        ...describe(el),
        name,
        nodes: nodes.length,
        pods: nodes.reduce((s, n) => s + n.pods.length, 0),
        costPerHour: sumPrices(nodes, 'pricePerHour'),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function describe(el: OmniObject): Omit<EdgeLocationView, 'name' | 'nodes' | 'pods' | 'costPerHour'> {
  const spec = el.spec ?? {};
  const status = el.status ?? {};
  return {
    cloud: str(spec.cloud),
    region: str(spec.region),
    zones: Array.isArray(spec.zones) ? spec.zones.map(String) : [],
    state: str(status.state, 'PendingOnboarding'),
    conditions: conditionsOf(el),
    edgeClusterEndpoint: str(status.edgeClusterEndpoint) || null,
    resources: stringMap(status.resources),
    createdAt: isoOf(el.metadata?.creationTimestamp),
  };
}
