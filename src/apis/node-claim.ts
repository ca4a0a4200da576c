// NodeClaim: one node being made or running, with the offering chosen for it.
import { z } from 'zod';
import { cloudSchema, conditionSchema, kindSchema, lifecycleSchema } from './meta.ts';
import { parseWith } from './errors.ts';

export const NODE_CLAIM_KIND = 'NodeClaim';

/** Finalizer that makes deleting a NodeClaim terminate its cloud instance first. */
export const NODE_CLAIM_FINALIZER = 'omni.cast.ai/terminate-instance';

/** The condition types a NodeClaim reports, in the order they become true. */
export const NODE_CLAIM_CONDITIONS = ['Launched', 'Registered', 'Ready'] as const;

export const nodeClaimSpecSchema = z.strictObject({
  nodeTemplate: z.string().min(1, 'must name the NodeTemplate'),
  /** `main`, or the EdgeLocation name. */
  location: z.string().min(1, 'must be main or an EdgeLocation name'),
  cloud: cloudSchema,
  region: z.string().min(1),
  zone: z.string().default(''),
  instanceType: z.string().min(1),
  lifecycle: lifecycleSchema,
  pricePerHour: z.number().min(0),
});

export const nodeClaimStatusSchema = z.strictObject({
  instanceId: z.string().optional(),
  providerID: z.string().optional(),
  nodeName: z.string().optional(),
  conditions: z.array(conditionSchema).optional(),
});

export const nodeClaimSchema = kindSchema(NODE_CLAIM_KIND, nodeClaimSpecSchema, nodeClaimStatusSchema);

export type NodeClaim = z.output<typeof nodeClaimSchema>;
export type NodeClaimSpec = z.output<typeof nodeClaimSpecSchema>;

export function parseNodeClaim(input: unknown): NodeClaim {
  return parseWith(NODE_CLAIM_KIND, nodeClaimSchema, input);
}
