// Pieces shared by every omni kind: the API group, object metadata, quantities, taints, conditions.
import { z } from 'zod';
import { isQuantity } from './quantity.ts';

export const GROUP = 'omni.cast.ai';
export const VERSION = 'v1alpha1';
export const API_VERSION = `${GROUP}/${VERSION}`;

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Object metadata: only `name` is checked; the API server owns the rest. */
export const objectMetaSchema = z.looseObject({
  name: z
    .string({ error: 'is required' })
    .max(253, 'must be at most 253 characters')
    .regex(DNS_SUBDOMAIN, 'must be a DNS subdomain (lower-case letters, digits, "-" and ".")'),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});

/** A Kubernetes quantity: "500m", "2Gi", 4. */
export const quantitySchema = z
  .union([z.string(), z.number()])
  .refine(isQuantity, { message: 'must be a Kubernetes quantity (e.g. 500m, 2Gi, 1.5)' });

export const taintSchema = z.strictObject({
  key: z.string().min(1),
  value: z.string().optional(),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
});
export type Taint = z.infer<typeof taintSchema>;

export const conditionSchema = z.strictObject({
  type: z.string().min(1),
  status: z.enum(['True', 'False', 'Unknown']),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastTransitionTime: z.string().optional(),
  observedGeneration: z.number().int().optional(),
});
export type Condition = z.infer<typeof conditionSchema>;

export const cloudSchema = z.enum(['aws', 'gcp', 'azure', 'oci']);
export const edgeCloudSchema = z.enum(['aws', 'gcp', 'oci']);
export const lifecycleSchema = z.enum(['spot', 'on-demand']);

/** The envelope every omni object has: apiVersion, kind, metadata, spec, optional status. */
export function kindSchema<K extends string, S extends z.ZodType, T extends z.ZodType>(
  kind: K,
  spec: S,
  status: T,
) {
  return z.strictObject({
    apiVersion: z.literal(API_VERSION, { error: `must be ${API_VERSION}` }),
    kind: z.literal(kind, { error: `must be ${kind}` }),
    metadata: objectMetaSchema,
    spec,
    status: status.optional(),
  });
}
