// Public surface of the planner: a pure function from pods, templates, locations and offerings to a plan.
export { plan, planWithDetails, roundPrice } from './plan.ts';
export type { PlanDetails } from './plan.ts';
export type {
  DaemonSetSpec,
  ExistingNode,
  LabelSelector,
  NodeExplanation,
  NodeSelectorRequirement,
  Plan,
  PlanInput,
  PlannedNode,
  PlannerPod,
  Resources,
  SelectorOperator,
  Toleration,
  UnavailableOffering,
  UnschedulableCode,
  UnschedulablePod,
  ZoneSpread,
} from './types.ts';
export { validatePlan } from './validate.ts';
export { inputsFromManifests, type ManifestInputs } from './manifests.ts';
export {
  plannerPod,
  daemonSetSpec,
  existingNode,
  podRequests,
  resourcesFromMap,
  type PodIdentity,
  type PodSpec,
} from './kube-objects.ts';
export {
  defaultAllocatable,
  reservedCpuMillis,
  reservedMemoryBytes,
  MAX_PODS,
  NODE_DISK_BYTES,
} from './resources.ts';
export { EDGE_TAINT, NODE_TEMPLATE_LABEL, newNodeLabels, newNodeTaints } from './node-labels.ts';
export { MAIN_LOCATION, planLocations, type PlanLocation } from './locations.ts';
export { toPlanJson, type PlanJson } from './output.ts';
export { podsNothingCanHold, type Oversized } from './feasibility.ts';
