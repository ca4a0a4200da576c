export { startKubeSim, type KubeSim, type KubeSimOptions, type SimController } from './cluster.ts';
export { ClusterApi } from './api/cluster-api.ts';
export { deleteObject, deleteCollection } from './api/delete.ts';
export { patchObject } from './api/patching.ts';
export { bindPod, evictPod } from './api/subresources.ts';
export { startWatch, type WatchHandle } from './api/watch.ts';
export type { WatchEvent, ListOptions, WriteOptions, DeleteOptions } from './api/types.ts';
export { ScaledClock, rfc3339, type Clock } from './util/clock.ts';
export { ApiError } from './util/errors.ts';
export type { JsonObject } from './util/json.ts';
export type { ResourceType } from './registry/resource-type.ts';
export type { Kubeconfig } from './server/kubeconfig.ts';
export type { LogProvider } from './server/resource-handler.ts';
export {
  startSimulatedCluster,
  type SimulatedCluster,
  type SimulatedClusterOptions,
  type WorkloadControllers,
} from './sim/index.ts';
export { addSimulatedNodes, simulatedNode, pauseNode, resumeNode, parseNodeType, type SimulatedNodeOptions, type NodeTaint } from './sim/nodes.ts';
export { allocatableFor, capacityFor, reservedCpuMillis, reservedMemoryBytes, type NodeShape } from './sim/allocatable.ts';
export { SIMULATED, PAUSED, RUN_SECONDS, EXIT_CODE } from './sim/annotations.ts';
export type { KubeletOptions } from './controllers/kubelet/kubelet.ts';
export type { SchedulerOptions } from './controllers/scheduler/scheduler.ts';
export type { NodeLifecycleOptions } from './controllers/nodes/node-lifecycle.ts';
