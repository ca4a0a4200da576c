import type { ClusterApi } from '../../api/cluster-api.ts';
import type { Clock } from '../../util/clock.ts';
import type { EventRecorder } from './events.ts';
import type { PodIndex } from './pod-index.ts';

/** What every in-sim controller gets: the API, simulated time, the shared pod index, events. */
export interface ControllerContext {
  api: ClusterApi;
  clock: Clock;
  pods: PodIndex;
  events: EventRecorder;
}
