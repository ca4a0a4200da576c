// The cloud interface: what the autoscaler and the EdgeLocation controller see of a cloud account.
// Implemented by the simulated clouds (sim/) and by the SDK adapters (aws/, gcp/, oci/).

import type { Arch, CloudName, Lifecycle, Offering } from '../catalog/types.ts';
import type { Credentials } from './credentials.ts';
import type { CapacityError, OfferingKey } from './errors.ts';

export type { CloudName, Lifecycle, Offering } from '../catalog/types.ts';
export type { OfferingKey } from './errors.ts';
export {
  AllOfferingsUnavailableError,
  AuthenticationError,
  CapacityError,
  CloudError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  ThrottlingError,
  TransientError,
  isRetryable,
} from './errors.ts';
export { Credentials } from './credentials.ts';

/** Milliseconds since the epoch; injected so tests and the simulated world can step time. */
export interface Clock {
  now(): number;
}

/** A seeded pseudo-random source: `next()` is uniform in [0, 1). */
export interface Random {
  next(): number;
}

/** omni's ownership marks on every cloud object it makes; each cloud spells the keys its own way. */
export interface OmniTags {
  clusterId: string;
  nodeClaim?: string;
  edgeLocation?: string;
  nodeTemplate?: string;
}

/** An offering as the cloud sees it right now: price for one lifecycle and whether it has capacity. */
export interface LiveOffering extends OfferingKey {
  cloud: CloudName;
  arch: Arch;
  vcpus: number;
  memoryGiB: number;
  gpuName: string;
  gpuCount: number;
  pricePerHour: number;
  available: boolean;
}

export interface OfferingFilter {
  region: string;
  zones?: string[];
  lifecycle?: Lifecycle;
  instanceTypes?: string[];
}

/** Where in an onboarded location an instance goes (ids from onboarding); empty for a main region. */
export interface LaunchPlacement {
  subnetIds?: Record<string, string>;
  securityGroupIds?: string[];
  networkName?: string;
  networkTags?: string[];
  imageId?: string;
  bootDiskSizeGiB?: number;
}

export interface LaunchRequest {
  /** Tried in order; the next one is tried only after a capacity error. */
  offerings: OfferingKey[];
  userData: string;
  tags: OmniTags;
  placement?: LaunchPlacement;
}

export type InstanceState = 'pending' | 'running' | 'terminating' | 'terminated';

export interface CloudInstance extends OfferingKey {
  id: string;
  cloud: CloudName;
  state: InstanceState;
  launchedAt: number;
  tags: OmniTags;
  privateIp?: string;
}

export interface LaunchResult {
  instance: CloudInstance;
  /** The offering that had capacity. */
  offering: OfferingKey;
  /** Capacity errors met on offerings ranked above it, so the caller can mark them unavailable. */
  capacityErrors: CapacityError[];
}

export interface InstanceFilter {
  clusterId: string;
  edgeLocation?: string;
  nodeClaim?: string;
  region?: string;
}

export interface SpotInterruptionNotice {
  instanceId: string;
  /** When the cloud issued the notice (ms since epoch). */
  noticeTime: number;
  /** When the cloud will reclaim the instance (ms since epoch). */
  terminateAt: number;
}

/** Instances and prices in one cloud account. */
export interface CloudCompute {
  readonly cloud: CloudName;
  listOfferings(filter: OfferingFilter): Promise<LiveOffering[]>;
  launch(request: LaunchRequest): Promise<LaunchResult>;
  /** Idempotent: terminating a terminated or unknown instance resolves. */
  terminate(region: string, instanceId: string): Promise<void>;
  listInstances(filter: InstanceFilter): Promise<CloudInstance[]>;
  /** Notices for omni's Spot instances that are still pending termination. */
  pollInterruptions(filter: InstanceFilter): Promise<SpotInterruptionNotice[]>;
}

/** What onboarding needs to know of an edge location. */
export interface EdgeLocationTarget {
  /** EdgeLocation name; short, used in cloud object names (castai-omni-<name>). */
  name: string;
  clusterId: string;
  region: string;
  zones: string[];
  /** CIDR for a network omni creates; default 10.0.0.0/16. */
  networkCidr?: string;
  /** Source range allowed by the firewall for 443/6443/51840; default 0.0.0.0/0. */
  ingressSourceCidr?: string;
  /** GCP project, OCI compartment, AWS account: the scope objects are created in. */
  scope?: string;
}

/** One cloud object omni made (or found already made) for an edge location. */
export interface CloudObjectRef {
  kind: string;
  id: string;
  name: string;
}

export interface StepResult<T> {
  ids: T;
  /** Objects this call created; empty when everything already existed. */
  created: CloudObjectRef[];
  /** Every object the step owns, created now or before. */
  objects: CloudObjectRef[];
}

export interface NetworkIds {
  networkId: string;
  subnetIds: Record<string, string>;
  gatewayId: string;
  routeTableId: string;
}

export interface FirewallIds {
  firewallIds: string[];
}

export interface IdentityIds {
  identityId: string;
  policyIds: string[];
  keyId: string;
  /** Present only when this call created the key: store it now, the cloud never shows it again. */
  credentials?: Credentials;
}

export interface PreflightResult {
  ok: boolean;
  /** Permission names (cloud spelling) the caller's credentials lack. */
  missing: string[];
  checked: string[];
}

/**
 * Onboarding as explicit steps. Each step first looks its objects up by omni's name and tags and
 * creates only what is missing, so it can be repeated and resumed after a crash without duplicates.
 */
export interface EdgeLocationOnboarding {
  preflight(target: EdgeLocationTarget): Promise<PreflightResult>;
  ensureNetwork(target: EdgeLocationTarget): Promise<StepResult<NetworkIds>>;
  ensureFirewall(target: EdgeLocationTarget, network: NetworkIds): Promise<StepResult<FirewallIds>>;
  /**
   * `knownKeyId` is the key whose secret the caller already stores; any other omni key of the
   * identity is deleted and a fresh one made, so there is always exactly one key.
   */
  ensureIdentity(target: EdgeLocationTarget, knownKeyId?: string): Promise<StepResult<IdentityIds>>;
  /** Deletes every object of the location, found by name and tags, in reverse order of creation. */
  teardown(target: EdgeLocationTarget): Promise<CloudObjectRef[]>;
}

export const ONBOARDING_STEPS = ['preflight', 'network', 'firewall', 'identity'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** One cloud account: compute plus edge-location onboarding. */
export interface CloudProvider extends CloudCompute {
  readonly onboarding: EdgeLocationOnboarding;
}

export function offeringKeyOf(o: Offering, lifecycle: Lifecycle): OfferingKey {
  return { region: o.region, zone: o.zone, instanceType: o.instanceType, lifecycle };
}

export function offeringKeyString(k: OfferingKey): string {
  return `${k.region}/${k.zone}/${k.instanceType}/${k.lifecycle}`;
}

/** omni's name for an edge location's cloud objects. */
export function omniObjectName(location: string, suffix = ''): string {
  return suffix ? `castai-omni-${location}-${suffix}` : `castai-omni-${location}`;
}
