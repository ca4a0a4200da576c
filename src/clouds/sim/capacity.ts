// Finite capacity per offering (region, zone, instance type, lifecycle): configurable limits, with
// default scarcity rules for GPUs in some regions.

import type { Offering } from '../../catalog/types.ts';
import type { OfferingKey } from '../errors.ts';
import { offeringKeyString } from '../types.ts';

export interface CapacityRule {
  region?: string;
  zone?: string;
  instanceType?: string;
  lifecycle?: OfferingKey['lifecycle'];
  /** Applies to offerings with one of these GPUs (catalog names, upper case). */
  gpuNames?: string[];
  capacity: number;
}

/** GPUs the main region lacks: the headline use of edge locations. */
export const DEFAULT_SCARCITY: Record<string, CapacityRule[]> = {
  aws: [{ region: 'us-east-1', gpuNames: ['A100', 'A100-80GB', 'H100', 'H200'], capacity: 0 }],
  gcp: [{ region: 'us-central1', gpuNames: ['H100', 'H200'], capacity: 0 }],
  oci: [],
  azure: [{ region: 'eastus', gpuNames: ['A100', 'A100-80GB', 'H100'], capacity: 0 }],
};

function ruleMatches(rule: CapacityRule, key: OfferingKey, gpuName: string): boolean {
  if (rule.region !== undefined && rule.region !== key.region) return false;
  if (rule.zone !== undefined && rule.zone !== key.zone) return false;
  if (rule.instanceType !== undefined && rule.instanceType !== key.instanceType) return false;
  if (rule.lifecycle !== undefined && rule.lifecycle !== key.lifecycle) return false;
  return rule.gpuNames === undefined || rule.gpuNames.includes(gpuName);
}

export class CapacityBook {
  private readonly used = new Map<string, number>();
  /** Later rules win, so `setCapacity` overrides the defaults. */
  private readonly rules: CapacityRule[];

  constructor(
    private readonly defaultCapacity: number,
    rules: CapacityRule[],
  ) {
    this.rules = [...rules];
  }

  setCapacity(rule: CapacityRule): void {
    this.rules.push(rule);
  }

  limit(key: OfferingKey, offering: Pick<Offering, 'gpuName'>): number {
    for (let i = this.rules.length - 1; i >= 0; i--) {
      if (ruleMatches(this.rules[i], key, offering.gpuName)) return this.rules[i].capacity;
    }
    return this.defaultCapacity;
  }

  inUse(key: OfferingKey): number {
    return this.used.get(offeringKeyString(key)) ?? 0;
  }

  remaining(key: OfferingKey, offering: Pick<Offering, 'gpuName'>): number {
    return Math.max(0, this.limit(key, offering) - this.inUse(key));
  }

  take(key: OfferingKey): void {
    this.used.set(offeringKeyString(key), this.inUse(key) + 1);
  }

  release(key: OfferingKey): void {
    this.used.set(offeringKeyString(key), Math.max(0, this.inUse(key) - 1));
  }
}
