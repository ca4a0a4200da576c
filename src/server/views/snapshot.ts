// One consistent read of the caches per request: nodes with facts and prices, pods by node, the main region.
import type { V1Node, V1Pod } from '@kubernetes/client-node';
import type { Catalog } from '../../catalog/index.ts';
import type { Clock } from '../../kube/index.ts';
import type { ClusterCache, OmniObject } from '../cluster-cache.ts';
import { isNodeReady, mainRegionOf, nodeFacts, type NodeFacts } from './node-facts.ts';
import { Pricer } from './pricing.ts';
import { decisionOf } from './decision-record.ts';

export interface PricedNode extends NodeFacts {
  node: V1Node;
  ready: boolean;
  pricePerHour: number | null;
  priceSource: 'nodeclaim' | 'catalog' | null;
  /** What this node would cost in the main region (its own price for main-region nodes). */
  mainRegionPricePerHour: number | null;
  pods: V1Pod[];
  claim: OmniObject | undefined;
}

export interface ClusterSnapshot {
  now: number;
  main: { cloud: string; region: string };
  nodes: PricedNode[];
  pods: V1Pod[];
  edgeLocations: OmniObject[];
}

/** Everything a view needs to build itself; the Pricer lives as long as the server (memoised look-ups). */
export interface ViewDeps {
  cache: ClusterCache;
  catalog: Catalog;
  clock: Clock;
  pricer: Pricer;
}

export function makeViewDeps(cache: ClusterCache, catalog: Catalog, clock: Clock): ViewDeps {
  return { cache, catalog, clock, pricer: new Pricer(catalog) };
}

function claimsByNode(claims: OmniObject[]): Map<string, OmniObject> {
  const out = new Map<string, OmniObject>();
  for (const c of claims) {
    const nodeName = c.status?.nodeName;
    out.set(typeof nodeName === 'string' ? nodeName : (c.metadata?.name ?? ''), c);
  }
  return out;
}

function podsByNode(pods: V1Pod[]): Map<string, V1Pod[]> {
  const out = new Map<string, V1Pod[]>();
  for (const p of pods) {
    const n = p.spec?.nodeName;
    if (!n || isFinished(p)) continue;
    out.set(n, [...(out.get(n) ?? []), p]);
  }
  return out;
}

export function isFinished(p: V1Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

function claimPrice(claim: OmniObject | undefined): number | null {
  const price = claim?.spec?.pricePerHour;
  return typeof price === 'number' ? price : null;
}

function priceNode(deps: ViewDeps, node: V1Node, claim: OmniObject | undefined, main: ClusterSnapshot['main']): Omit<PricedNode, 'pods'> {
  const facts = nodeFacts(node);
  const fromClaim = claimPrice(claim);
  const fromCatalog = fromClaim === null ? deps.pricer.catalogPrice(facts) : null;
  const pricePerHour = fromClaim ?? fromCatalog;
  const recorded = claim ? decisionOf(claim)?.record.mainRegionOnlyPricePerHour : undefined;
  const mainRegionPricePerHour = facts.virtual
    ? (recorded ?? deps.pricer.mainRegionPrice(facts, main) ?? pricePerHour)
    : pricePerHour;
  return {
    ...facts,
    node,
    ready: isNodeReady(node),
    pricePerHour,
    priceSource: fromClaim !== null ? 'nodeclaim' : fromCatalog !== null ? 'catalog' : null,
    mainRegionPricePerHour,
    claim,
  };
}

export function takeSnapshot(deps: ViewDeps): ClusterSnapshot {
  const nodes = deps.cache.nodes.list();
  const pods = deps.cache.pods.list();
  const claims = claimsByNode(deps.cache.nodeClaims.list());
  const byNode = podsByNode(pods);
  const main = mainRegionOf(nodes.map(nodeFacts));
  const priced = nodes
    .map((n) => ({ ...priceNode(deps, n, claims.get(n.metadata?.name ?? ''), main), pods: byNode.get(n.metadata?.name ?? '') ?? [] }))
    .sort((a, b) => a.location.localeCompare(b.location) || a.name.localeCompare(b.name));
  return { now: deps.clock.now(), main, nodes: priced, pods, edgeLocations: deps.cache.edgeLocations.list() };
}

export function sumPrices(nodes: readonly PricedNode[], key: 'pricePerHour' | 'mainRegionPricePerHour'): number {
  return Math.round(nodes.reduce((s, n) => s + (n[key] ?? 0), 0) * 1e4) / 1e4;
}

export function ageSeconds(created: Date | string | undefined, now: number): number | null {
  if (!created) return null;
  const t = new Date(created).getTime();
  return Number.isFinite(t) ? Math.max(0, Math.round((now - t) / 1000)) : null;
}

export function isoOf(created: Date | string | undefined): string | null {
  if (!created) return null;
  const d = new Date(created);
  return Number.isFinite(d.getTime()) ? d.toISOString() : null;
}
