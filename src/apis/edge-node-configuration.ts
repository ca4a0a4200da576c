// EdgeNodeConfiguration: how edge nodes of one EdgeLocation boot. Made and owned by omni.
import { z } from 'zod';
import { kindSchema } from './meta.ts';
import { parseWith } from './errors.ts';

export const EDGE_NODE_CONFIGURATION_KIND = 'EdgeNodeConfiguration';

export const edgeNodeConfigurationSpecSchema = z.strictObject({
  edgeLocation: z.string().min(1, 'must name the EdgeLocation'),
  image: z.string().min(1, 'must be set'),
  bootDiskSizeGiB: z.number().int().min(10, 'must be at least 10').default(100),
  k3sAgentFlags: z.array(z.string()).default([]),
  userData: z.string().default(''),
});

export const edgeNodeConfigurationStatusSchema = z.strictObject({
  observedGeneration: z.number().int().optional(),
});

export const edgeNodeConfigurationSchema = kindSchema(
  EDGE_NODE_CONFIGURATION_KIND,
  edgeNodeConfigurationSpecSchema,
  edgeNodeConfigurationStatusSchema,
);

export type EdgeNodeConfiguration = z.output<typeof edgeNodeConfigurationSchema>;

export function parseEdgeNodeConfiguration(input: unknown): EdgeNodeConfiguration {
  return parseWith(EDGE_NODE_CONFIGURATION_KIND, edgeNodeConfigurationSchema, input);
}
