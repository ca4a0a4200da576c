// The OCI calls the adapter makes (Core: compute + virtual network; Identity), in the documented
// REST shape. The real port (sdk.ts) wraps oci-core and oci-identity; errors keep OCI's
// statusCode/serviceCode/message.

export interface OciApiError {
  statusCode: number;
  serviceCode: string;
  message: string;
}

export type FreeformTags = Record<string, string>;

export interface OciLaunchDetails {
  compartmentId: string;
  availabilityDomain: string;
  shape: string;
  shapeConfig?: { ocpus: number; memoryInGBs: number };
  displayName: string;
  freeformTags: FreeformTags;
  metadata: { user_data: string };
  createVnicDetails: { subnetId: string; assignPublicIp: boolean; nsgIds?: string[] };
  sourceDetails: { sourceType: 'image'; imageId: string; bootVolumeSizeInGBs: number };
  preemptibleInstanceConfig?: { preemptionAction: { type: 'TERMINATE'; preserveBootVolume: boolean } };
}

export interface OciInstance {
  id: string;
  displayName?: string;
  availabilityDomain: string;
  shape: string;
  region: string;
  lifecycleState: string;
  timeCreated?: string;
  freeformTags?: FreeformTags;
  preemptible?: boolean;
}

/** A VCN, subnet, internet gateway, route table or security list. */
export interface OciNetObject {
  id: string;
  displayName: string;
  lifecycleState?: string;
}

export interface OciNetworkPort {
  listVcns(req: { compartmentId: string; displayName: string }): Promise<OciNetObject[]>;
  createVcn(d: {
    compartmentId: string;
    cidrBlocks: string[];
    displayName: string;
    dnsLabel: string;
    freeformTags: FreeformTags;
  }): Promise<OciNetObject>;
  deleteVcn(vcnId: string): Promise<void>;
  listInternetGateways(req: {
    compartmentId: string;
    vcnId: string;
    displayName: string;
  }): Promise<OciNetObject[]>;
  createInternetGateway(d: {
    compartmentId: string;
    vcnId: string;
    isEnabled: boolean;
    displayName: string;
    freeformTags: FreeformTags;
  }): Promise<OciNetObject>;
  deleteInternetGateway(igId: string): Promise<void>;
  listRouteTables(req: {
    compartmentId: string;
    vcnId: string;
    displayName: string;
  }): Promise<OciNetObject[]>;
  createRouteTable(d: {
    compartmentId: string;
    vcnId: string;
    displayName: string;
    routeRules: { destination: string; destinationType: 'CIDR_BLOCK'; networkEntityId: string }[];
    freeformTags: FreeformTags;
  }): Promise<OciNetObject>;
  deleteRouteTable(rtId: string): Promise<void>;
  listSecurityLists(req: {
    compartmentId: string;
    vcnId: string;
    displayName: string;
  }): Promise<OciNetObject[]>;
  createSecurityList(d: {
    compartmentId: string;
    vcnId: string;
    displayName: string;
    ingressSecurityRules: OciIngressRule[];
    egressSecurityRules: { destination: string; protocol: string }[];
    freeformTags: FreeformTags;
  }): Promise<OciNetObject>;
  deleteSecurityList(slId: string): Promise<void>;
  listSubnets(req: {
    compartmentId: string;
    vcnId: string;
    displayName: string;
  }): Promise<(OciNetObject & { securityListIds?: string[] })[]>;
  createSubnet(d: {
    compartmentId: string;
    vcnId: string;
    cidrBlock: string;
    displayName: string;
    routeTableId: string;
    freeformTags: FreeformTags;
  }): Promise<OciNetObject>;
  updateSubnetSecurityLists(req: { subnetId: string; securityListIds: string[] }): Promise<void>;
  deleteSubnet(subnetId: string): Promise<void>;
}

export interface OciIngressRule {
  source: string;
  protocol: '6' | '17';
  tcpOptions?: { destinationPortRange: { min: number; max: number } };
  udpOptions?: { destinationPortRange: { min: number; max: number } };
}

export interface OciComputePort {
  launchInstance(d: OciLaunchDetails, retryToken: string): Promise<OciInstance>;
  terminateInstance(instanceId: string): Promise<void>;
  /** Every instance of the compartment (all pages). */
  listInstances(req: { compartmentId: string }): Promise<OciInstance[]>;
  listShapes(req: { compartmentId: string; availabilityDomain: string }): Promise<string[]>;
}

export interface OciIdentityObject {
  id: string;
  name: string;
  lifecycleState?: string;
}

export interface OciIdentityPort {
  listUsers(req: { compartmentId: string; name: string }): Promise<OciIdentityObject[]>;
  createUser(d: {
    compartmentId: string;
    name: string;
    description: string;
    freeformTags: FreeformTags;
  }): Promise<OciIdentityObject>;
  deleteUser(userId: string): Promise<void>;
  listGroups(req: { compartmentId: string; name: string }): Promise<OciIdentityObject[]>;
  createGroup(d: {
    compartmentId: string;
    name: string;
    description: string;
    freeformTags: FreeformTags;
  }): Promise<OciIdentityObject>;
  deleteGroup(groupId: string): Promise<void>;
  listUserGroupMemberships(req: {
    compartmentId: string;
    userId: string;
    groupId: string;
  }): Promise<OciIdentityObject[]>;
  addUserToGroup(d: { userId: string; groupId: string }): Promise<OciIdentityObject>;
  removeUserFromGroup(membershipId: string): Promise<void>;
  listPolicies(req: { compartmentId: string; name: string }): Promise<OciIdentityObject[]>;
  createPolicy(d: {
    compartmentId: string;
    name: string;
    description: string;
    statements: string[];
    freeformTags: FreeformTags;
  }): Promise<OciIdentityObject>;
  deletePolicy(policyId: string): Promise<void>;
  /** API keys of a user; `id` is the key's fingerprint. */
  listApiKeys(userId: string): Promise<OciIdentityObject[]>;
  uploadApiKey(req: { userId: string; publicKeyPem: string }): Promise<OciIdentityObject>;
  deleteApiKey(req: { userId: string; fingerprint: string }): Promise<void>;
}

export interface OciPorts {
  compute: OciComputePort;
  network: OciNetworkPort;
  identity: OciIdentityPort;
}
