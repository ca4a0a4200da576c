import type { JsonObject } from '../util/json.ts';
import { ScaledClock } from '../util/clock.ts';
import { startKubeSim, type KubeSim, type KubeSimOptions, type SimController } from '../cluster.ts';
import type { ControllerContext } from '../controllers/shared/context.ts';
import { EventRecorder } from '../controllers/shared/events.ts';
import { PodIndex } from '../controllers/shared/pod-index.ts';
import { SimKubelet, type KubeletOptions } from '../controllers/kubelet/kubelet.ts';
import { simulatedLogs } from '../controllers/kubelet/logs.ts';
import { SimScheduler, type SchedulerOptions } from '../controllers/scheduler/scheduler.ts';
import { ReplicaSetController } from '../controllers/workloads/replicaset.ts';
import { DeploymentController } from '../controllers/workloads/deployment.ts';
import { JobController } from '../controllers/workloads/job.ts';
import { DaemonSetController } from '../controllers/workloads/daemonset.ts';
import { StatefulSetController } from '../controllers/workloads/statefulset.ts';
import { EndpointsController } from '../controllers/network/endpoints.ts';
import { DisruptionController } from '../controllers/disruption/disruption.ts';
import { NodeLifecycleController, type NodeLifecycleOptions } from '../controllers/nodes/node-lifecycle.ts';
import { addSimulatedNodes, pauseNode, resumeNode, type SimulatedNodeOptions } from './nodes.ts';

export interface SimulatedClusterOptions extends KubeSimOptions {
  /** Simulated seconds per real second (ignored when `clock` is given). Default 1. */
  timeScale?: number;
  /** Simulated nodes made at start: a count of default 4x16 nodes, or full options. */
  nodes?: number | SimulatedNodeOptions;
  /** Simulated seconds from binding to Running (and the longest a graceful deletion waits). */
  kubeletDelaySeconds?: number;
  kubelet?: KubeletOptions | false;
  scheduler?: SchedulerOptions | false;
  /** Heartbeat age after which a node goes Ready=Unknown and gets the unreachable taints. Default 40. */
  nodeMonitorGracePeriodSeconds?: number;
  nodeLifecycle?: NodeLifecycleOptions | false;
  /** Workload controllers to run; each defaults to on. */
  controllers?: WorkloadControllers;
}

export interface WorkloadControllers {
  deployment?: boolean;
  replicaSet?: boolean;
  job?: boolean;
  daemonSet?: boolean;
  statefulSet?: boolean;
  /** Endpoints and EndpointSlices for Services with selectors. */
  endpoints?: boolean;
  /** PodDisruptionBudget status. */
  disruption?: boolean;
}

const WORKLOADS: { key: keyof WorkloadControllers; make: (ctx: ControllerContext) => SimController }[] = [
  { key: 'replicaSet', make: (ctx) => new ReplicaSetController(ctx) },
  { key: 'deployment', make: (ctx) => new DeploymentController(ctx) },
  { key: 'job', make: (ctx) => new JobController(ctx) },
  { key: 'daemonSet', make: (ctx) => new DaemonSetController(ctx) },
  { key: 'statefulSet', make: (ctx) => new StatefulSetController(ctx) },
  { key: 'endpoints', make: (ctx) => new EndpointsController(ctx) },
  { key: 'disruption', make: (ctx) => new DisruptionController(ctx) },
];

export interface SimulatedCluster extends KubeSim {
  /** The pods informer the in-sim controllers share. */
  podIndex: PodIndex;
  addNodes(opts?: SimulatedNodeOptions): JsonObject[];
  pauseNode(name: string): JsonObject;
  resumeNode(name: string): JsonObject;
}

function indexController(pods: PodIndex): SimController {
  return { start: () => pods.start(), stop: () => pods.stop() };
}

function controllersFor(ctx: ControllerContext, opts: SimulatedClusterOptions): SimController[] {
  const out: SimController[] = [];
  if (opts.kubelet !== false) out.push(new SimKubelet(ctx, { podStartSeconds: opts.kubeletDelaySeconds, ...(opts.kubelet || {}) }));
  if (opts.scheduler !== false) out.push(new SimScheduler(ctx, opts.scheduler || {}));
  if (opts.nodeLifecycle !== false) {
    out.push(new NodeLifecycleController(ctx, { nodeMonitorGracePeriodSeconds: opts.nodeMonitorGracePeriodSeconds, ...(opts.nodeLifecycle || {}) }));
  }
  for (const w of WORKLOADS) if (opts.controllers?.[w.key] !== false) out.push(w.make(ctx));
  return out;
}

/** kube-sim as a whole cluster: API server, simulated kubelet, scheduler, node lifecycle and workload controllers. */
export async function startSimulatedCluster(opts: SimulatedClusterOptions = {}): Promise<SimulatedCluster> {
  const clock = opts.clock ?? new ScaledClock(opts.timeScale ?? 1);
  const sim = await startKubeSim({ ...opts, clock });
  const pods = new PodIndex(sim.api.store);
  sim.addController(indexController(pods));
  const ctx: ControllerContext = { api: sim.api, clock, pods, events: new EventRecorder(sim.api) };
  for (const c of controllersFor(ctx, opts)) sim.addController(c);
  sim.setLogProvider(simulatedLogs(clock));
  const cluster: SimulatedCluster = {
    ...sim,
    podIndex: pods,
    addNodes: (o) => addSimulatedNodes(sim, o),
    pauseNode: (name) => pauseNode(sim, name),
    resumeNode: (name) => resumeNode(sim, name),
  };
  if (opts.nodes !== undefined) cluster.addNodes(typeof opts.nodes === 'number' ? { count: opts.nodes } : opts.nodes);
  return cluster;
}
