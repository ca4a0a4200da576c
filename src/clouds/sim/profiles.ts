// What differs between the simulated clouds: Spot notice period, price behaviour, error codes,
// id formats, and which objects onboarding makes.

import type { CloudName } from '../../catalog/types.ts';
import type { SeededRandom } from '../random.ts';

export type ObjectStep = 'network' | 'firewall' | 'identity';

/** One object onboarding makes; `perZone` objects are made once per zone, `key` is the credential. */
export interface BlueprintObject {
  step: ObjectStep;
  kind: string;
  suffix: string;
  perZone?: boolean;
  role?: 'network' | 'subnet' | 'gateway' | 'routeTable' | 'firewall' | 'identity' | 'policy' | 'key';
}

export interface SimErrorCodes {
  capacity: string;
  throttling: string;
  transient: string;
  permission: string;
}

export interface SimCloudProfile {
  cloud: CloudName;
  /** Time from the Spot/preemption notice to the reclaim. */
  spotNoticeMs: number;
  /** OCI preemptible capacity is always half the On-Demand price; the others drift. */
  spotPriceDrifts: boolean;
  errors: SimErrorCodes;
  blueprint: BlueprintObject[];
  idPrefix: Record<string, string>;
  instanceId(rng: SeededRandom, region: string): string;
}

const AWS: SimCloudProfile = {
  cloud: 'aws',
  spotNoticeMs: 120_000,
  spotPriceDrifts: true,
  errors: {
    capacity: 'InsufficientInstanceCapacity',
    throttling: 'RequestLimitExceeded',
    transient: 'InternalError',
    permission: 'UnauthorizedOperation',
  },
  blueprint: [
    { step: 'network', kind: 'vpc', suffix: '', role: 'network' },
    { step: 'network', kind: 'subnet', suffix: '', perZone: true, role: 'subnet' },
    { step: 'network', kind: 'internet-gateway', suffix: 'igw', role: 'gateway' },
    { step: 'network', kind: 'route-table', suffix: 'rt', role: 'routeTable' },
    { step: 'firewall', kind: 'security-group', suffix: 'sg', role: 'firewall' },
    { step: 'identity', kind: 'iam-user', suffix: '', role: 'identity' },
    { step: 'identity', kind: 'iam-user-policy', suffix: 'policy', role: 'policy' },
    { step: 'identity', kind: 'access-key', suffix: 'key', role: 'key' },
  ],
  idPrefix: {
    vpc: 'vpc-',
    subnet: 'subnet-',
    'internet-gateway': 'igw-',
    'route-table': 'rtb-',
    'security-group': 'sg-',
    'iam-user': 'AIDA',
    'iam-user-policy': 'policy-',
    'access-key': 'AKIA',
  },
  instanceId: (rng) => `i-${rng.hex(17)}`,
};

const GCP: SimCloudProfile = {
  cloud: 'gcp',
  spotNoticeMs: 30_000,
  spotPriceDrifts: true,
  errors: {
    capacity: 'ZONE_RESOURCE_POOL_EXHAUSTED',
    throttling: 'RATE_LIMIT_EXCEEDED',
    transient: 'INTERNAL_ERROR',
    permission: 'PERMISSION_DENIED',
  },
  blueprint: [
    { step: 'network', kind: 'network', suffix: '', role: 'network' },
    { step: 'network', kind: 'subnetwork', suffix: '', role: 'subnet' },
    { step: 'firewall', kind: 'firewall', suffix: 'allow', role: 'firewall' },
    { step: 'firewall', kind: 'firewall', suffix: 'internal', role: 'firewall' },
    { step: 'identity', kind: 'service-account', suffix: '', role: 'identity' },
    { step: 'identity', kind: 'role-binding', suffix: 'compute-instance-admin', role: 'policy' },
    { step: 'identity', kind: 'role-binding', suffix: 'service-account-user', role: 'policy' },
    { step: 'identity', kind: 'service-account-key', suffix: 'key', role: 'key' },
  ],
  idPrefix: {},
  instanceId: (rng) => String(1e18 + Math.floor(rng.next() * 8e18)).slice(0, 19),
};

const OCI: SimCloudProfile = {
  cloud: 'oci',
  // OCI documents no fixed figure ("reclaimed after a short notice", delivered through the Events
  // service); 30 s is the simulation's default and is configurable.
  spotNoticeMs: 30_000,
  spotPriceDrifts: false,
  errors: {
    capacity: 'InternalError',
    throttling: 'TooManyRequests',
    transient: 'InternalServerError',
    permission: 'NotAuthorizedOrNotFound',
  },
  blueprint: [
    { step: 'network', kind: 'vcn', suffix: '', role: 'network' },
    { step: 'network', kind: 'subnet', suffix: '', role: 'subnet' },
    { step: 'network', kind: 'internet-gateway', suffix: 'igw', role: 'gateway' },
    { step: 'network', kind: 'route-table', suffix: 'rt', role: 'routeTable' },
    { step: 'firewall', kind: 'security-list', suffix: 'sl', role: 'firewall' },
    { step: 'identity', kind: 'user', suffix: '', role: 'identity' },
    { step: 'identity', kind: 'group', suffix: 'group' },
    { step: 'identity', kind: 'group-membership', suffix: 'membership' },
    { step: 'identity', kind: 'policy', suffix: 'policy', role: 'policy' },
    { step: 'identity', kind: 'api-key', suffix: 'key', role: 'key' },
  ],
  idPrefix: {},
  instanceId: (rng, region) => `ocid1.instance.oc1.${region}.${rng.hex(60)}`,
};

const AZURE: SimCloudProfile = {
  cloud: 'azure',
  // Azure Scheduled Events give Spot VMs at least 30 s notice before eviction.
  spotNoticeMs: 30_000,
  spotPriceDrifts: true,
  errors: {
    capacity: 'AllocationFailed',
    throttling: 'TooManyRequests',
    transient: 'InternalServerError',
    permission: 'AuthorizationFailed',
  },
  blueprint: [
    { step: 'network', kind: 'virtual-network', suffix: '', role: 'network' },
    { step: 'network', kind: 'subnet', suffix: '', role: 'subnet' },
    { step: 'network', kind: 'route-table', suffix: 'rt', role: 'routeTable' },
    { step: 'firewall', kind: 'network-security-group', suffix: 'nsg', role: 'firewall' },
    { step: 'identity', kind: 'service-principal', suffix: '', role: 'identity' },
    { step: 'identity', kind: 'role-assignment', suffix: 'vm-contributor', role: 'policy' },
    { step: 'identity', kind: 'client-secret', suffix: 'key', role: 'key' },
  ],
  idPrefix: {},
  instanceId: (rng) => `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
};

export const PROFILES: Record<CloudName, SimCloudProfile> = { aws: AWS, gcp: GCP, oci: OCI, azure: AZURE };

export function objectId(profile: SimCloudProfile, kind: string, rng: SeededRandom, region: string): string {
  const prefix = profile.idPrefix[kind];
  if (prefix !== undefined) return `${prefix}${rng.hex(17)}`;
  if (profile.cloud === 'oci') return `ocid1.${kind.replace(/-/g, '')}.oc1.${region}.${rng.hex(60)}`;
  return `${kind}-${rng.hex(16)}`;
}

/** Zones for a region the catalog knows without zones (its AWS and Azure rows are regional). */
export function defaultZones(cloud: CloudName, region: string): string[] {
  switch (cloud) {
    case 'aws':
      return ['a', 'b', 'c'].map((z) => `${region}${z}`);
    case 'gcp':
      return ['a', 'b', 'c'].map((z) => `${region}-${z}`);
    case 'azure':
      return ['1', '2', '3'].map((z) => `${region}-${z}`);
    case 'oci':
      return [`${region.toUpperCase()}-AD-1`];
  }
}
