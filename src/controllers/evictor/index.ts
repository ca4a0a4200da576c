// Public surface of the evictor: moves pods from edge nodes home to the main cluster and packs edge locations.
export { startEvictor, DEFAULT_OPTIONS, type Evictor, type EvictorDeps, type EvictorOptions } from './controller.ts';
export { planMoves } from './policy.ts';
export { CoolDownLedger, type CoolDownState } from './cool-down.ts';
export { EvictorMetrics } from './metrics.ts';
export { COMPONENT, REASON_MOVED, REASON_WOULD_MOVE } from './actions.ts';
export { STATE_CONFIGMAP, STATE_NAMESPACE } from './state.ts';
export {
  DRAINING_ANNOTATION,
  EDGE_LOCATION_LABEL,
  EDGE_NODE_LABEL,
  LOCAL_ONLY_NAMESPACE_LABEL,
  REMOVAL_DISABLED,
  type Move,
  type MoveKind,
  type OwnerRef,
  type PolicyInput,
  type PolicyOptions,
  type PolicyResult,
  type Skip,
  type SkipReason,
} from './types.ts';
