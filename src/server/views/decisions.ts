// Autoscaler decisions: one per NodeClaim (its decision record, or rebuilt from its spec), plus its Events.
import type { DecisionOffering, DecisionView, DecisionsView } from '../api-types.ts';
import type { OmniObject } from '../cluster-cache.ts';
import { decisionOf, toOffering } from './decision-record.ts';
import { isAutoscalerEvent, selectEvents } from './events.ts';
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

export function decisionsView(deps: ViewDeps): DecisionsView {
  const decisions = deps.cache.nodeClaims
    .list()
    .map((c) => decisionView(c, isoOf(c.metadata?.creationTimestamp) ?? ''))
    .sort((a, b) => b.time.localeCompare(a.time) || a.nodeClaim.localeCompare(b.nodeClaim));
  return { decisions, events: selectEvents(deps.cache.events.list(), isAutoscalerEvent) };
}
