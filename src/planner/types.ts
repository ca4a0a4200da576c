// The planner's inputs and outputs. Everything here is plain data: the planner does no I/O.
import type { Catalog, CloudName, Lifecycle } from '../catalog/types.ts';
import type { EdgeLocation, NodeTemplate, Taint } from '../apis/index.ts';

/** Requests or capacity: cpu in millicores, memory and ephemeral storage in bytes, GPUs, pod slots. */
export interface Resources {
  cpu: number;
  memory: number;
  ephemeral: number;
  gpu: number;
  pods: number;
}

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

export interface NodeSelectorRequirement {
  key: string;
  operator: SelectorOperator;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: {
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }[];
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: '' | 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface ZoneSpread {
  maxSkew: number;
  selector: LabelSelector;
}

/** A pod as the planner sees it (see `podFromManifest` for the Kubernetes form). */
export interface PlannerPod {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  requests: Resources;
  nodeSelector: Record<string, string>;
  /** Required node affinity: OR of terms, each an AND of requirements. Empty: no constraint. */
  affinityTerms: NodeSelectorRequirement[][];
  tolerations: Toleration[];
  usesPvc: boolean;
  /** Required pod anti-affinity on kubernetes.io/hostname (same namespace). */
  antiAffinity: LabelSelector[];
  /** Required topology spread on topology.kubernetes.io/zone (whenUnsatisfiable: DoNotSchedule). */
  zoneSpread: ZoneSpread[];
}

/** A node that exists or is being made, with the pods already bound to it. */
export interface ExistingNode {
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
  allocatable: Resources;
  pods: PlannerPod[];
}

/** What a DaemonSet puts on every node it runs on. */
export interface DaemonSetSpec {
  namespace: string;
  name: string;
  requests: Resources;
  nodeSelector: Record<string, string>;
  affinityTerms: NodeSelectorRequirement[][];
  tolerations: Toleration[];
}

/** An offering known to be out of capacity. `instanceType` may be `*`; no zone/lifecycle = all. */
export interface UnavailableOffering {
  cloud: CloudName;
  region: string;
  zone?: string;
  instanceType: string;
  lifecycle?: Lifecycle;
}

export interface PlanInput {
  pods: PlannerPod[];
  nodeTemplates: NodeTemplate[];
  edgeLocations: EdgeLocation[];
  main: { cloud: CloudName; region: string };
  catalog: Catalog;
  unavailable?: UnavailableOffering[];
  existingNodes?: ExistingNode[];
  daemonSets?: DaemonSetSpec[];
}

/** Why an offering was chosen for a node. */
export interface NodeExplanation {
  /** Offerings (template × location × zone × type × lifecycle) that could hold this node's pods. */
  compatibleOfferings: number;
  nextCheapest?: {
    instanceType: string;
    location: string;
    zone: string;
    lifecycle: Lifecycle;
    pricePerHour: number;
  };
}

export interface PlannedNode {
  name: string;
  nodeTemplate: string;
  /** `main` or the EdgeLocation name. */
  location: string;
  cloud: CloudName;
  region: string;
  zone: string;
  instanceType: string;
  lifecycle: Lifecycle;
  pricePerHour: number;
  /** `<namespace>/<name>` */
  pods: string[];
  explanation: NodeExplanation;
}

export type UnschedulableCode =
  'no-template' | 'location' | 'selector' | 'too-large' | 'gpu' | 'topology' | 'unavailable' | 'limits';

export interface UnschedulablePod {
  pod: string;
  code: UnschedulableCode;
  reason: string;
}

export interface Plan {
  nodes: PlannedNode[];
  existing: { node: string; pods: string[] }[];
  unschedulable: UnschedulablePod[];
  totalPricePerHour: number;
}
