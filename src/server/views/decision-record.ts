// Reads the decision record a NodeClaim carries (docs/api/decisions.md): status.decision, else the annotation.
import type { DecisionOffering } from '../api-types.ts';
import type { OmniObject } from '../cluster-cache.ts';

export const DECISION_ANNOTATION = 'omni.cast.ai/decision';

/** The record as written by the autoscaler; every field but `chosen` and `reason` is optional. */
export interface RawDecision {
  time?: string;
  pods?: string[];
  chosen?: Partial<DecisionOffering>;
  reason?: string;
  alternatives?: Partial<DecisionOffering>[];
  nextCheapest?: Partial<DecisionOffering>;
  compatibleOfferings?: number;
  mainRegionOnlyPricePerHour?: number;
}

function isRecord(v: unknown): v is RawDecision {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fromAnnotation(claim: OmniObject): RawDecision | undefined {
  const text = claim.metadata?.annotations?.[DECISION_ANNOTATION];
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function decisionOf(claim: OmniObject): { record: RawDecision; source: 'status' | 'annotation' } | undefined {
  const status = claim.status?.decision;
  if (isRecord(status)) return { record: status, source: 'status' };
  const annotated = fromAnnotation(claim);
  return annotated ? { record: annotated, source: 'annotation' } : undefined;
}

const OFFERING_KEYS = ['location', 'cloud', 'region', 'zone', 'instanceType', 'lifecycle', 'rejected'] as const;

/** The offering with every field it lacks taken from `fallback` (the NodeClaim's spec). */
export function toOffering(o: Partial<DecisionOffering> | undefined, fallback: DecisionOffering): DecisionOffering {
  const out: DecisionOffering = { ...fallback };
  delete out.rejected;
  for (const k of OFFERING_KEYS) {
    const v = o?.[k];
    if (typeof v === 'string') out[k] = v;
  }
  if (typeof o?.pricePerHour === 'number') out.pricePerHour = o.pricePerHour;
  return out;
}
