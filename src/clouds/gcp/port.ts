// The GCP calls the adapter makes (Compute Engine, IAM, Resource Manager), in the REST shape of the
// documented API. The real port (sdk.ts) waits for long-running operations and throws GcpApiError.

export interface GcpApiError {
  /** HTTP status (the real port converts gRPC codes). */
  status: number;
  /** The API's reason / error code, e.g. ZONE_RESOURCE_POOL_EXHAUSTED, QUOTA_EXCEEDED, notFound. */
  reason: string;
  message: string;
}

export interface GcpInstanceResource {
  name: string;
  machineType: string;
  labels: Record<string, string>;
  tags: { items: string[] };
  metadata: { items: { key: string; value: string }[] };
  disks: {
    boot: boolean;
    autoDelete: boolean;
    initializeParams: { sourceImage: string; diskSizeGb: string };
  }[];
  networkInterfaces: {
    network?: string;
    subnetwork?: string;
    accessConfigs: { name: string; type: string }[];
  }[];
  scheduling: {
    provisioningModel: 'SPOT' | 'STANDARD';
    instanceTerminationAction?: 'DELETE' | 'STOP';
    onHostMaintenance: 'MIGRATE' | 'TERMINATE';
    automaticRestart: boolean;
  };
}

export interface GcpInstance {
  id?: string;
  name?: string;
  zone?: string;
  machineType?: string;
  status?: string;
  labels?: Record<string, string>;
  creationTimestamp?: string;
  networkInterfaces?: { networkIP?: string }[];
  scheduling?: { provisioningModel?: string };
}

export interface GcpOperation {
  operationType?: string;
  targetLink?: string;
  targetId?: string;
  insertTime?: string;
}

export interface GcpNetwork {
  name: string;
  id?: string;
  selfLink?: string;
  description?: string;
  autoCreateSubnetworks?: boolean;
}

export interface GcpSubnetwork {
  name: string;
  id?: string;
  selfLink?: string;
  network: string;
  region: string;
  ipCidrRange: string;
  privateIpGoogleAccess?: boolean;
  description?: string;
}

export interface GcpFirewall {
  name: string;
  id?: string;
  selfLink?: string;
  network: string;
  direction: 'INGRESS' | 'EGRESS';
  priority: number;
  sourceRanges?: string[];
  sourceTags?: string[];
  targetTags?: string[];
  allowed: { IPProtocol: string; ports?: string[] }[];
  description?: string;
}

export interface GcpComputePort {
  /** Inserts and waits for the zone operation; rejects with the operation's error. */
  insertInstance(req: {
    project: string;
    zone: string;
    instanceResource: GcpInstanceResource;
  }): Promise<void>;
  deleteInstance(req: { project: string; zone: string; instance: string }): Promise<void>;
  /** Aggregated over every zone of the project. */
  listInstances(req: { project: string; filter: string }): Promise<GcpInstance[]>;
  listMachineTypes(req: { project: string; zone: string }): Promise<string[]>;
  /** Aggregated zone operations (used with operationType="compute.instances.preempted"). */
  listOperations(req: { project: string; filter: string }): Promise<GcpOperation[]>;
  getNetwork(req: { project: string; network: string }): Promise<GcpNetwork>;
  insertNetwork(req: { project: string; networkResource: GcpNetwork }): Promise<void>;
  deleteNetwork(req: { project: string; network: string }): Promise<void>;
  getSubnetwork(req: { project: string; region: string; subnetwork: string }): Promise<GcpSubnetwork>;
  insertSubnetwork(req: {
    project: string;
    region: string;
    subnetworkResource: GcpSubnetwork;
  }): Promise<void>;
  deleteSubnetwork(req: { project: string; region: string; subnetwork: string }): Promise<void>;
  getFirewall(req: { project: string; firewall: string }): Promise<GcpFirewall>;
  insertFirewall(req: { project: string; firewallResource: GcpFirewall }): Promise<void>;
  deleteFirewall(req: { project: string; firewall: string }): Promise<void>;
}

export interface GcpServiceAccount {
  name: string;
  email: string;
  uniqueId?: string;
}

export interface GcpIamPort {
  /** `name` is projects/<project>/serviceAccounts/<email>. */
  getServiceAccount(name: string): Promise<GcpServiceAccount>;
  createServiceAccount(req: {
    project: string;
    accountId: string;
    displayName: string;
    description: string;
  }): Promise<GcpServiceAccount>;
  deleteServiceAccount(name: string): Promise<void>;
  /** User-managed keys only; each `name` ends in the key id. */
  listServiceAccountKeys(name: string): Promise<{ name: string }[]>;
  createServiceAccountKey(name: string): Promise<{ name: string; privateKeyData: string }>;
  deleteServiceAccountKey(keyName: string): Promise<void>;
}

export interface GcpPolicy {
  etag?: string;
  version?: number;
  bindings?: { role: string; members: string[] }[];
}

export interface GcpProjectIamPort {
  getIamPolicy(project: string): Promise<GcpPolicy>;
  setIamPolicy(project: string, policy: GcpPolicy): Promise<GcpPolicy>;
  /** The subset of `permissions` the caller holds. */
  testIamPermissions(project: string, permissions: string[]): Promise<string[]>;
}

export interface GcpPorts {
  compute: GcpComputePort;
  iam: GcpIamPort;
  projects: GcpProjectIamPort;
}
