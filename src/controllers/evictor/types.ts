// The evictor's vocabulary: what the policy reads, the moves it proposes and why pods stay put.
import type { V1Namespace, V1Node, V1Pod, V1PodDisruptionBudget } from '@kubernetes/client-node';

export const EDGE_NODE_LABEL = 'omni.cast.ai/edge-node';
export const EDGE_LOCATION_LABEL = 'omni.cast.ai/edge-location-name';
export const REMOVAL_DISABLED = 'autoscaling.cast.ai/removal-disabled';
export const LOCAL_ONLY_NAMESPACE_LABEL = 'omni.cast.ai/enable-scheduling-local-only';
/** Put by the evictor on edge nodes it cordoned to drain them (value: when the drain started). */
export const DRAINING_ANNOTATION = 'omni.cast.ai/evictor-draining';

/** `home`: edge node → main cluster. `pack`: edge node → a fuller edge node of the same location. */
export type MoveKind = 'home' | 'pack';

export interface OwnerRef {
  kind: string;
  name: string;
  uid: string;
}

export interface Move {
  kind: MoveKind;
  pod: { namespace: string; name: string; uid: string };
  owner: OwnerRef;
  fromNode: string;
  /** The edge location of `fromNode`. */
  location: string;
  /** Where the placement check found room; the scheduler makes the final choice. */
  toNode: string;
  reason: string;
}

export type SkipReason =
  | 'bare-pod'
  | 'removal-disabled'
  | 'local-storage'
  | 'pvc'
  | 'local-only-namespace'
  | 'not-running'
  | 'pdb'
  | 'cool-down'
  | 'cap';

export interface Skip {
  pod: string;
  node: string;
  reason: SkipReason;
  message: string;
}

export interface PolicyOptions {
  maxEvictionsPerCycle: number;
  coolDownSeconds: number;
}

/** What the evictor remembers between cycles (see cool-down.ts). */
export interface CoolDownView {
  evictedRecently(ownerUid: string, podName: string, now: number): boolean;
}

export interface PolicyInput {
  nodes: readonly V1Node[];
  pods: readonly V1Pod[];
  pdbs: readonly V1PodDisruptionBudget[];
  namespaces: readonly V1Namespace[];
  now: number;
  coolDown: CoolDownView;
  options: PolicyOptions;
}

export interface PolicyResult {
  /** Evictions to make now, in order (capped, PDB- and cool-down-checked). */
  moves: Move[];
  /** Pods left where they are this cycle, and why. */
  skipped: Skip[];
  /** Edge nodes to cordon because the plan empties them. */
  cordon: string[];
  /** Edge nodes the evictor cordoned earlier that the plan no longer empties. */
  uncordon: string[];
}
