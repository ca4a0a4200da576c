// What the controller tells each gateway, as stored in a ConfigMap (or a file): the hub gets the allow-list
// per edge location plus its listeners for edge-backed services; a spoke gets its listeners for services
// backed elsewhere and the services it serves. Both are written from one wiring plan (wiring.ts).
import { parse as parseYaml, stringify } from 'yaml';
import { z } from 'zod';
import { policySchema, type Policy } from './policy.ts';
import { isServiceKey } from './service-key.ts';
import type { GatewayListener, WiringPlan } from './wiring.ts';

/** Where the gateways find their configuration in a cluster (namespace castai-omni). */
export const GATEWAY_NAMESPACE = 'castai-omni';
export const HUB_CONFIG = { configMap: 'omni-hub-policy', key: 'policy.yaml' } as const;
export const SPOKE_CONFIG = { configMap: 'omni-spoke-config', key: 'config.yaml' } as const;
export const REVOCATIONS = { configMap: 'omni-tunnel-revocations', key: 'revocations.json' } as const;

const key = z.string().refine(isServiceKey, { message: 'expected namespace/name:port' });
const listenerMap = z.record(key, z.number().int().min(1).max(65535));

export const hubConfigSchema = policySchema.extend({ listeners: listenerMap.default({}) });
export const spokeConfigSchema = z.object({
  listeners: listenerMap.default({}),
  serves: z.array(key).default([]),
});

export type HubConfig = z.infer<typeof hubConfigSchema>;
export type SpokeConfig = z.infer<typeof spokeConfigSchema>;

/** A config that does not parse, with where it came from and which field is wrong. */
export class GatewayConfigError extends Error {
  constructor(source: string, issues: readonly z.core.$ZodIssue[]) {
    const first = issues[0];
    const where = first?.path.map(String).join('.') || '(top level)';
    super(`${source}: ${where}: ${first?.message ?? 'invalid'}`);
    this.name = 'GatewayConfigError';
  }
}

function parseWith<S extends z.ZodType>(schema: S, text: string, source: string): z.output<S> {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (err) {
    throw new Error(`${source}: not YAML/JSON: ${(err as Error).message}`);
  }
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw new GatewayConfigError(source, r.error.issues);
  return r.data;
}

export function parseHubConfig(text: string, source: string): HubConfig {
  return parseWith(hubConfigSchema, text, source);
}

export function parseSpokeConfig(text: string, source: string): SpokeConfig {
  return parseWith(spokeConfigSchema, text, source);
}

export function policyOf(config: HubConfig): Policy {
  return { locations: config.locations };
}

const toMap = (listeners: readonly GatewayListener[]): Record<string, number> =>
  Object.fromEntries(
    [...listeners].sort((a, b) => a.service.localeCompare(b.service)).map((l) => [l.service, l.port]),
  );

/** The hub's config text for a plan (stable: same plan, same text). */
export function hubConfigText(plan: WiringPlan): string {
  const config: HubConfig = { locations: plan.policy.locations, listeners: toMap(plan.main.hub.listeners) };
  return stringify(config, { sortMapEntries: true });
}

/** Each edge location's spoke config text for a plan. */
export function spokeConfigTexts(plan: WiringPlan): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [location, edge] of Object.entries(plan.edges)) {
    const config: SpokeConfig = {
      listeners: toMap(edge.spoke.listeners),
      serves: [...edge.spoke.serves].sort(),
    };
    out[location] = stringify(config, { sortMapEntries: true });
  }
  return out;
}
