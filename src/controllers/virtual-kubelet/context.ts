import type { Clock, EventRecorder, KubeClients, Logger } from '../../kube/index.ts';
import type { EdgeRuntime } from './edge.ts';
import type { MainCaches } from './main-caches.ts';
import type { VirtualKubeletOptions } from './types.ts';

/** What every part of the virtual kubelet shares. */
export interface VkContext {
  main: KubeClients;
  caches: MainCaches;
  edges: Map<string, EdgeRuntime>;
  clock: Clock;
  log: Logger;
  opts: VirtualKubeletOptions;
  /** Events on main objects, as the virtual kubelet. */
  recorder: EventRecorder;
  state: {
    /** Main caches have listed once. */
    mainSynced: boolean;
  };
}
