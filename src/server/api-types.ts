// The JSON the console API returns: one type per view. The browser code imports these as types only.

export type Location = string; // `main` or an EdgeLocation name

export interface NodeView {
  name: string;
  virtual: boolean;
  location: Location;
  cloud: string;
  region: string;
  zone: string;
  instanceType: string;
  lifecycle: 'spot' | 'on-demand';
  nodeTemplate: string | null;
  /** USD per hour; null when neither a NodeClaim nor the catalog knows the offering. */
  pricePerHour: number | null;
  priceSource: 'nodeclaim' | 'catalog' | null;
  ready: boolean;
  createdAt: string | null;
  ageSeconds: number | null;
  pods: number;
  capacity: { cpu: string; memory: string; gpu: number };
}

export interface LocationSummary {
  name: Location;
  cloud: string;
  region: string;
  state: string;
  nodes: number;
  virtualNodes: number;
  pods: number;
  costPerHour: number;
}

export interface OverviewView {
  main: LocationSummary;
  edgeLocations: LocationSummary[];
  totals: {
    nodes: number;
    pods: number;
    pendingPods: number;
    costPerHour: number;
    mainRegionOnlyCostPerHour: number;
  };
}

export interface PendingPodView {
  namespace: string;
  name: string;
  createdAt: string | null;
  ageSeconds: number | null;
  reason: string;
  message: string;
  requests: { cpu: string; memory: string; gpu: number };
}

/** One offering as a decision names it (chosen or compared). */
export interface DecisionOffering {
  location: Location;
  cloud: string;
  region: string;
  zone: string;
  instanceType: string;
  lifecycle: string;
  pricePerHour: number;
  /** Why an alternative was not taken (alternatives only). */
  rejected?: string;
}

/** The decision record an autoscaler writes on a NodeClaim (docs/api/decisions.md). */
export interface DecisionRecord {
  time?: string;
  pods: string[];
  chosen: DecisionOffering;
  reason: string;
  alternatives: DecisionOffering[];
  compatibleOfferings?: number;
}

export interface DecisionView extends DecisionRecord {
  nodeClaim: string;
  nodeTemplate: string;
  nodeName: string | null;
  time: string;
  /** Where the record came from: the NodeClaim's decision, or rebuilt from its spec and events. */
  source: 'status' | 'annotation' | 'spec';
}

export interface EventView {
  time: string;
  type: string;
  reason: string;
  component: string;
  object: string;
  message: string;
  count: number;
}

export interface DecisionsView {
  decisions: DecisionView[];
  events: EventView[];
}

export interface ConditionView {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastTransitionTime: string | null;
}

export interface EdgeLocationView {
  name: string;
  cloud: string;
  region: string;
  zones: string[];
  state: string;
  conditions: ConditionView[];
  edgeClusterEndpoint: string | null;
  resources: Record<string, string>;
  nodes: number;
  pods: number;
  costPerHour: number;
  createdAt: string | null;
}

export interface PriceByLocation {
  cloud: string;
  region: string;
  instanceType: string;
  gpuName: string;
  gpuCount: number;
  pricePerGpuHour: number;
}

export interface CostSample {
  time: string;
  costPerHour: number;
  mainRegionOnlyCostPerHour: number;
}

export interface CostView {
  intervalSeconds: number;
  samples: CostSample[];
  current: CostSample;
  savingsPerHour: number;
  savingsPercent: number;
}

export interface TunnelLocationView {
  location: string;
  bytesIn: number;
  bytesOut: number;
  bytesInPerSecond: number;
  bytesOutPerSecond: number;
  openStreams: number;
  sessions: number;
  streamsByRoute: Record<string, number>;
  connectErrors: number;
}

export interface TunnelView {
  available: boolean;
  locations: TunnelLocationView[];
}

export interface NodeTemplateView {
  name: string;
  spec: Record<string, unknown>;
  status: Record<string, unknown>;
  createdAt: string | null;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface ErrorBody {
  error: string;
  message: string;
  fields?: FieldError[];
}
