// Autoscaler decisions: one per NodeClaim (its decision record, or rebuilt from its spec), plus its Events.
import type { DecisionOffering, DecisionView, DecisionsView } from '../api-types.ts';
import type { OmniObject } from '../cluster-cache.ts';
import { decisionOf, toOffering } from './decision-record.ts';
import { isAutoscalerEvent, selectEvents } from './events.ts';
import { mainRegionOf, nodeFacts } from './node-facts.ts';
import { isoOf, type ViewDeps } from './snapshot.ts';

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function specOffering(claim: OmniObject): DecisionOffering {
  const s = claim.spec ?? {};
  return {
    location: str(s.location),
    cloud: str(s.cloud),
    region: str(s.region),
    zone: str(s.zone),
    instanceType: str(s.instanceType),
    lifecycle: str(s.lifecycle),
    pricePerHour: typeof s.pricePerHour === 'number' ? s.pricePerHour : 0,
  };
}

function alternativesOf(raw: Found['record'], chosen: DecisionOffering): DecisionOffering[] {
  const listed = (raw.alternatives ?? []).map((a) => toOffering(a, chosen));
  if (listed.length > 0 || !raw.nextCheapest) return listed;
  const elsewhere = (raw.nextCheapest.location ?? chosen.location) !== chosen.location;
  const fallback = elsewhere ? { ...chosen, cloud: '', region: '' } : chosen;
  return [{ ...toOffering(raw.nextCheapest, fallback), rejected: 'next cheapest offering that could hold the same pods' }];
}

function decisionView(claim: OmniObject, createdFallback: string): DecisionView {
  const fromSpec = specOffering(claim);
  const found = decisionOf(claim);
  const base = {
    nodeClaim: claim.metadata?.name ?? '',
    nodeTemplate: str(claim.spec?.nodeTemplate),
    nodeName: str(claim.status?.nodeName) || null,
  };
  if (found) return recordedView(base, found, fromSpec, createdFallback);
  const reason = 'no decision record on this NodeClaim';
  return { ...base, time: createdFallback, pods: [], chosen: fromSpec, reason, alternatives: [], source: 'spec' };
}

type Found = NonNullable<ReturnType<typeof decisionOf>>;
type Base = Pick<DecisionView, 'nodeClaim' | 'nodeTemplate' | 'nodeName'>;

function recordedView(base: Base, found: Found, fromSpec: DecisionOffering, createdFallback: string): DecisionView {
  const chosen = toOffering(found.record.chosen, fromSpec);
  const view: DecisionView = {
    ...base,
    time: found.record.time ?? createdFallback,
    pods: found.record.pods ?? [],
    chosen,
    reason: found.record.reason ?? '',
    alternatives: alternativesOf(found.record, chosen),
    source: found.source,
  };
  if (typeof found.record.compatibleOfferings === 'number') view.compatibleOfferings = found.record.compatibleOfferings;
  return view;
}

type Places = Map<string, { cloud: string; region: string }>;

/** Where each location is: `main` from the nodes, edge locations from their specs. */
function places(deps: ViewDeps): Places {
  const out: Places = new Map([['main', mainRegionOf(deps.cache.nodes.list().map(nodeFacts))]]);
  for (const el of deps.cache.edgeLocations.list()) out.set(el.metadata?.name ?? '', { cloud: str(el.spec?.cloud), region: str(el.spec?.region) });
  return out;
}

/** Alternatives elsewhere may come without cloud and region (the planner's nextCheapest): fill them in. */
function located(o: DecisionOffering, where: Places): DecisionOffering {
  const place = where.get(o.location);
  return o.cloud || !place ? o : { ...o, cloud: place.cloud, region: o.region || place.region };
}

export function decisionsView(deps: ViewDeps): DecisionsView {
  const where = places(deps);
  const decisions = deps.cache.nodeClaims
    .list()
    .map((c) => decisionView(c, isoOf(c.metadata?.creationTimestamp) ?? ''))
    .map((d) => ({ ...d, alternatives: d.alternatives.map((a) => located(a, where)) }))
    .sort((a, b) => b.time.localeCompare(a.time) || a.nodeClaim.localeCompare(b.nodeClaim));
  return { decisions, events: selectEvents(deps.cache.events.list(), isAutoscalerEvent) };
}
