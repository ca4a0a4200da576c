// The cloud layer's public API: the interface, errors, join contract, registrar, and factories.
// Importing this module loads no cloud SDK; the create*Cloud factories import theirs on demand.

export * from './types.ts';
export { redact } from './credentials.ts';
export { launchWithFallback } from './launch.ts';
export { encodeUserData, parseUserData } from './join.ts';
export type { JoinContract, NodeTaint, ParsedUserData } from './join.ts';
export { KubeNodeRegistrar, RecordingNodeRegistrar, kubeConfigForJoin } from './registrar.ts';
export type { NodeApi, NodeRegistrar, NodeSpecForRegistration } from './registrar.ts';
export { buildNode, providerIdOf, SIMULATED_ANNOTATION } from './node-object.ts';
export { nodeAllocatable, nodeCapacity, reservedCpuMillis, reservedMemoryBytes } from './allocatable.ts';
export {
  ONBOARDING_PERMISSIONS,
  AWS_EDGE_NODE_ACTIONS,
  GCP_EDGE_NODE_ROLES,
  ociEdgeNodePolicyStatements,
} from './permissions.ts';
export { toCloudTags, fromCloudTags, tagKey } from './tags.ts';
export { SeededRandom } from './random.ts';
export { ManualClock, systemClock } from './clock.ts';
export { SimCloud, createSimClouds, tickAll, DEFAULT_SCARCITY, PROFILES } from './sim/index.ts';
export type { SimCloudOptions, SimClouds, SimWorldOptions, CapacityRule, FaultRule } from './sim/index.ts';
export { AwsCloud, createAwsCloud } from './aws/index.ts';
export { GcpCloud, createGcpCloud } from './gcp/index.ts';
export { OciCloud, createOciCloud } from './oci/index.ts';
export { simConnector, sdkConnector } from './connector.ts';
export type { CloudConnector, ConnectRequest } from './connector.ts';
