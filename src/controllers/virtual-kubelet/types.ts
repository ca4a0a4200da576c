import type { KubeClients } from '../../kube/index.ts';

/** One edge cluster the virtual kubelet serves. */
export interface EdgeSpec {
  /** The EdgeLocation's name. */
  name: string;
  clients: KubeClients;
  cloud: string;
  region: string;
}

/** How addresses cross the tunnel; identity by default (flat network). */
export interface AddressMapper {
  /** An edge pod's IP as the main cluster should see it (status.podIP of the main pod). */
  edgePodIPToMain(edge: string, ip: string): string;
  /** A main-side endpoint address as pods in `edge` should reach it. */
  mainEndpointToEdge(edge: string, ip: string): string;
}

export interface VirtualKubeletOptions {
  /** How long an edge cluster may fail to answer before its virtual nodes go NotReady. Default 40. */
  graceSeconds: number;
  /** How often each edge cluster is probed. Default 5. */
  probeSeconds: number;
  /** A request to an edge that takes longer than this counts as failed. Default 5000. */
  requestTimeoutMs: number;
  /** Node lease duration and renewal period. Defaults 40 and 10. */
  leaseDurationSeconds: number;
  leaseRenewSeconds: number;
  /** An unchanged node status is re-posted this often. Default 60. */
  nodeStatusSeconds: number;
  /** Every pod and reflected object is reconciled again this often. Default 300. */
  resyncSeconds: number;
  /** Concurrent pod reconciles. Default 32. */
  podWorkers: number;
  /** Mirror edge Events about offloaded pods onto the main pods. Default true. */
  reflectEvents: boolean;
  /** Reflect main Services and EndpointSlices into edges. Default true. */
  reflectServices: boolean;
  /** Main namespace → edge namespace. Default: the same name. */
  remoteNamespace(namespace: string): string;
  addresses: AddressMapper;
}

export const DEFAULT_OPTIONS: VirtualKubeletOptions = {
  graceSeconds: 40,
  probeSeconds: 5,
  requestTimeoutMs: 5000,
  leaseDurationSeconds: 40,
  leaseRenewSeconds: 10,
  nodeStatusSeconds: 60,
  resyncSeconds: 300,
  podWorkers: 32,
  reflectEvents: true,
  reflectServices: true,
  remoteNamespace: (ns) => ns,
  addresses: { edgePodIPToMain: (_e, ip) => ip, mainEndpointToEdge: (_e, ip) => ip },
};
