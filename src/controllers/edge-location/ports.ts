// The edge-location controller's ports: how it reaches a cloud, brings up an edge cluster, and tells
// the rest of omni (autoscaler registry, virtual kubelet) that a location is ready or gone.

import type { CloudName } from '../../catalog/types.ts';
import type { Credentials } from '../../clouds/credentials.ts';
import type { CloudProvider, LaunchPlacement } from '../../clouds/types.ts';
import type { EdgeLocation } from '../../apis/index.ts';

/** Where a provider acts: the location's region and the scope (GCP project, OCI compartment, AWS account). */
export interface ProviderScope {
  region: string;
  scope?: string;
}

export interface CloudProviders {
  /**
   * A cloud account as seen with `credentials`; without credentials, the ambient ones (the SDKs'
   * default chain, or the simulated cloud's root account). Rejected credentials throw AuthenticationError.
   */
  forLocation(cloud: CloudName, credentials: Credentials | undefined, where: ProviderScope): Promise<CloudProvider>;
}

/** How machines join an edge cluster. */
export interface EdgeJoin {
  endpoint: string;
  /** Base64 PEM of the edge cluster's CA. */
  caData: string;
  token: string;
}

export interface EdgeClusterInfo extends EdgeJoin {
  kubeconfigYaml: string;
}

/** What an edge-cluster provisioner is told about the location. */
export interface EdgeClusterRequest {
  location: EdgeLocation;
  zones: string[];
  provider: CloudProvider;
  placement: LaunchPlacement;
  clusterId: string;
}

export interface EdgeClusterProvisioner {
  /** Idempotent: returns the running edge cluster, starting it if there is none. */
  ensure(request: EdgeClusterRequest): Promise<EdgeClusterInfo>;
  /** Idempotent: stops the edge cluster if there is one. */
  teardown(request: EdgeClusterRequest): Promise<void>;
}

/** A Ready edge location, shaped for `MutableLocationRegistry.setEdge` and the virtual kubelet. */
export interface ReadyEdge {
  name: string;
  cloud: CloudName;
  region: string;
  zones: string[];
  /** The cloud account as the location's own identity sees it. */
  provider: CloudProvider;
  join: EdgeJoin;
  placement: LaunchPlacement;
  kubeconfigYaml: string;
  /** Removes a Node object from the edge cluster. */
  deleteNode(name: string): Promise<void>;
}

export interface EdgeReadyListener {
  onReady(edge: ReadyEdge): void;
  onRemoved(name: string): void;
}
