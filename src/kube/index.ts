export {
  makeClients,
  reuseConnections,
  loadKubeConfig,
  statusOf,
  isNotFound,
  isConflict,
  type KubeClients,
} from './clients.ts';
export { watchCollection, type WatchedCollection } from './informer.ts';
export { makeEventRecorder, type EventRecorder, type EventType } from './events.ts';
export { electLeader, type LeaderElector, type LeaderElectionOptions, type LeaseApi } from './leader.ts';
export { holdLease, type HeldLease } from './lease-holder.ts';
export { makeLogger, type Logger } from './logger.ts';
export { systemClock, scaledClock, type Clock } from './clock.ts';
export { requestJson, RawApiError } from './raw.ts';
export { installCrds, waitForCrds } from './crds.ts';
