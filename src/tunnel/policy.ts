// Who may reach what: per edge location, the services its spoke may open (allow) and the services backed
// by pods in that location (serves), which the hub routes to its spoke.
import { z } from 'zod';
import { isServiceKey } from './service-key.ts';

const key = z.string().refine(isServiceKey, { message: 'expected namespace/name:port' });
const locationSchema = z.object({
  allow: z.array(key).default([]),
  serves: z.array(key).default([]),
});
export const policySchema = z.object({ locations: z.record(z.string(), locationSchema) });

export type LocationPolicy = z.infer<typeof locationSchema>;
export type Policy = z.infer<typeof policySchema>;

export function parsePolicy(value: unknown): Policy {
  return policySchema.parse(value);
}

/** Lookups over a policy, built once per policy change. */
export class PolicyIndex {
  private readonly allow = new Map<string, Set<string>>();
  private readonly servedBy = new Map<string, string[]>();

  constructor(readonly policy: Policy) {
    for (const [loc, p] of Object.entries(policy.locations)) {
      this.allow.set(loc, new Set(p.allow));
      for (const svc of p.serves) this.servedBy.set(svc, [...(this.servedBy.get(svc) ?? []), loc]);
    }
  }

  knows(location: string): boolean {
    return this.allow.has(location);
  }

  allows(location: string, service: string): boolean {
    return this.allow.get(location)?.has(service) ?? false;
  }

  /** Edge locations whose pods back `service`. */
  servers(service: string): readonly string[] {
    return this.servedBy.get(service) ?? [];
  }
}
