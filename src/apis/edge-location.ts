// EdgeLocation: a cloud region where edge nodes may be made.
import { z } from 'zod';
import { conditionSchema, edgeCloudSchema, kindSchema } from './meta.ts';
import { parseWith } from './errors.ts';

export const EDGE_LOCATION_KIND = 'EdgeLocation';

const awsSchema = z.strictObject({
  accountId: z.string().optional(),
  networking: z
    .strictObject({
      vpcId: z.string().optional(),
      vpcCidr: z.string().optional(),
      subnetIds: z.record(z.string(), z.string()).optional(),
      securityGroupId: z.string().optional(),
    })
    .optional(),
});

const gcpSchema = z.strictObject({
  projectId: z.string().optional(),
  networking: z
    .strictObject({
      networkName: z.string().optional(),
      subnetName: z.string().optional(),
      subnetCidr: z.string().optional(),
      tags: z.array(z.string()).optional(),
    })
    .optional(),
});

const ociSchema = z.strictObject({
  tenancyId: z.string().optional(),
  compartmentId: z.string().optional(),
  networking: z
    .strictObject({
      vcnId: z.string().optional(),
      vcnCidr: z.string().optional(),
      subnetId: z.string().optional(),
      securityGroupId: z.string().optional(),
    })
    .optional(),
});

const edgeClusterSchema = z.strictObject({
  addons: z.array(z.strictObject({ name: z.string().min(1) })).default([]),
  tunneledCidrs: z.array(z.string()).default([]),
});

export const edgeLocationSpecSchema = z
  .strictObject({
    cloud: edgeCloudSchema,
    region: z.string().min(1, 'must be set'),
    zones: z.array(z.string().min(1)).optional(),
    credentialsSecretRef: z.strictObject({ name: z.string().min(1) }).optional(),
    aws: awsSchema.optional(),
    gcp: gcpSchema.optional(),
    oci: ociSchema.optional(),
    edgeCluster: edgeClusterSchema.prefault({}),
  })
  .superRefine((spec, ctx) => {
    for (const cloud of ['aws', 'gcp', 'oci'] as const) {
      if (spec[cloud] !== undefined && spec.cloud !== cloud) {
        ctx.addIssue({ code: 'custom', path: [cloud], message: `is set but cloud is ${spec.cloud}` });
      }
    }
  });

export const edgeLocationStateSchema = z.enum([
  'PendingOnboarding',
  'Initializing',
  'Ready',
  'Offboarding',
  'Failed',
]);

export const edgeLocationStatusSchema = z.strictObject({
  state: edgeLocationStateSchema.optional(),
  conditions: z.array(conditionSchema).optional(),
  resources: z.record(z.string(), z.string()).optional(),
  edgeClusterEndpoint: z.string().optional(),
  observedGeneration: z.number().int().optional(),
});

export const edgeLocationSchema = kindSchema(
  EDGE_LOCATION_KIND,
  edgeLocationSpecSchema,
  edgeLocationStatusSchema,
);

export type EdgeLocation = z.output<typeof edgeLocationSchema>;
export type EdgeLocationSpec = z.output<typeof edgeLocationSpecSchema>;
export type EdgeLocationState = z.output<typeof edgeLocationStateSchema>;

/** The condition types an EdgeLocation reports. */
export const EDGE_LOCATION_CONDITIONS = [
  'PermissionsOK',
  'NetworkReady',
  'IdentityReady',
  'EdgeClusterReady',
  'TunnelReady',
] as const;

export function parseEdgeLocation(input: unknown): EdgeLocation {
  return parseWith(EDGE_LOCATION_KIND, edgeLocationSchema, input);
}
