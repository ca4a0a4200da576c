import { Registry } from 'prom-client';
import type { V1Pod } from '@kubernetes/client-node';
import type { Catalog, CloudName } from '../../catalog/types.ts';
import { makeEventRecorder, type Clock, type KubeClients, type Logger } from '../../kube/index.ts';
import { ClaimStore, DECISION_ANNOTATION, type Decision, type NodeClaimObject } from './claims.ts';
import { Deprovisioner } from './deprovisioner.ts';
import { GarbageCollector } from './garbage.ts';
import { InterruptionHandler } from './interruptions.ts';
import { ClaimLifecycle } from './lifecycle.ts';
import { AutoscalerMetrics } from './metrics.ts';
import { NodeTemplateController } from './node-templates.ts';
import { isUnschedulable } from './pending.ts';
import { Provisioner, type ProvisioningPass } from './provisioner.ts';
import type { MutableLocationRegistry } from './targets.ts';
import { UnavailableOfferings } from './unavailable.ts';
import { watchCluster, type ClusterView } from './view.ts';

export { MutableLocationRegistry, type LocationTarget, type LocationRegistry, type JoinTarget } from './targets.ts';
export { NODE_CLAIM_LABEL, DECISION_ANNOTATION, PLANNED_PODS_ANNOTATION, type Decision, type NodeClaimObject } from './claims.ts';
export { REMOVAL_DISABLED } from './deprovisioner.ts';

export interface AutoscalerOptions {
  /** Seconds of quiet after a pod goes Unschedulable before planning (batching). Default 1. */
  batchSeconds?: number;
  /** Seconds between reconcile passes. Default 2. */
  tickSeconds?: number;
  /** Seconds a node stays empty before it is removed. Default 60. */
  emptyGraceSeconds?: number;
  /** Seconds an offering stays unavailable after a capacity error. Default 180. */
  unavailableTtlSeconds?: number;
  /** Seconds between garbage collection passes. Default 30. */
  gcEverySeconds?: number;
  /** Instances younger than this are never garbage (their claim may still be on its way). Default 60. */
  gcMinAgeSeconds?: number;
  /** A NodeClaim never launched (the controller stopped in between) is dropped after this. Default 120. */
  launchTimeoutSeconds?: number;
  /** No background loop: the caller drives passes with reconcileOnce() (tests). */
  manual?: boolean;
}

export interface AutoscalerDeps {
  clients: KubeClients;
  catalog: Catalog;
  locations: MutableLocationRegistry;
  clusterId: string;
  main: { cloud: CloudName; region: string };
  clock: Clock;
  log: Logger;
  registry?: Registry;
  options?: AutoscalerOptions;
  /** The evictor's cool-down: pods of an owner it just brought home are planned for the main region only. */
  recentlyMovedHome?: (ownerUid: string) => boolean;
}

export interface Autoscaler {
  metrics: AutoscalerMetrics;
  view: ClusterView;
  /** One full pass now (tests call it instead of waiting for timers). */
  reconcileOnce(): Promise<ProvisioningPass>;
  stop(): Promise<void>;
}

interface Parts {
  provisioner: Provisioner;
  lifecycle: ClaimLifecycle;
  deprovisioner: Deprovisioner;
  interruptions: InterruptionHandler;
  garbage: GarbageCollector;
  templates: NodeTemplateController;
}

function buildParts(d: AutoscalerDeps, view: ClusterView, metrics: AutoscalerMetrics): Parts {
  const o = d.options ?? {};
  const claims = new ClaimStore(d.clients.custom);
  const events = makeEventRecorder(d.clients.core, 'omni-autoscaler', d.clock);
  const unavailable = new UnavailableOfferings((o.unavailableTtlSeconds ?? 180) * 1000);
  let extra: V1Pod[] = [];
  const provisioner = new Provisioner({ view, claims, catalog: d.catalog, locations: d.locations, unavailable, events, metrics, clock: d.clock, log: d.log, clusterId: d.clusterId, main: d.main, extraPods: () => extra,
    homeOnly: (pod) => (pod.metadata?.ownerReferences ?? []).some((o) => o.controller && d.recentlyMovedHome?.(o.uid)),
  });
  const deprovisioner = new Deprovisioner({ view, claims, clients: d.clients, events, metrics, clock: d.clock, log: d.log, emptyGraceSeconds: o.emptyGraceSeconds ?? 60 });
  const interruptions = new InterruptionHandler({
    view, clients: d.clients, locations: d.locations, unavailable, events, metrics, clock: d.clock, log: d.log, clusterId: d.clusterId,
    replace: async (pods) => {
      extra = pods;
      try {
        await provisioner.runOnce();
      } finally {
        extra = [];
      }
    },
    drain: (node) => deprovisioner.drain(node),
  });
  return {
    provisioner,
    lifecycle: new ClaimLifecycle({ view, claims, clients: d.clients, locations: d.locations, events, metrics, clock: d.clock, log: d.log }),
    deprovisioner,
    interruptions,
    garbage: new GarbageCollector({ view, claims, locations: d.locations, metrics, clock: d.clock, log: d.log, clusterId: d.clusterId, minAgeSeconds: o.gcMinAgeSeconds ?? 60, launchTimeoutSeconds: o.launchTimeoutSeconds ?? 120 }),
    templates: new NodeTemplateController({ view, clients: d.clients, events, clock: d.clock, log: d.log }),
  };
}

function decisionOf(c: NodeClaimObject): Decision | undefined {
  try {
    return JSON.parse(c.metadata?.annotations?.[DECISION_ANNOTATION] ?? '') as Decision;
  } catch {
    return undefined;
  }
}

function updateCostMetrics(view: ClusterView, metrics: AutoscalerMetrics): void {
  metrics.hourlyCost.reset();
  let total = 0;
  let mainOnly = 0;
  for (const c of view.claims.list()) {
    if (c.metadata?.deletionTimestamp) continue;
    metrics.hourlyCost.inc({ location: c.spec.location, lifecycle: c.spec.lifecycle }, c.spec.pricePerHour);
    total += c.spec.pricePerHour;
    mainOnly += decisionOf(c)?.mainRegionOnlyPricePerHour ?? c.spec.pricePerHour;
  }
  metrics.mainRegionOnlyCost.set(mainOnly);
  metrics.savings.set(mainOnly - total);
}

/** Starts the autoscaler: provisioner, claim lifecycle, deprovisioner, Spot interruptions and GC. */
export async function startAutoscaler(d: AutoscalerDeps): Promise<Autoscaler> {
  const o = d.options ?? {};
  const metrics = new AutoscalerMetrics(d.registry ?? new Registry());
  const view = watchCluster(d.clients, d.log);
  await view.synced();
  const parts = buildParts(d, view, metrics);
  let stopped = false;
  let lastGc = 0;
  let wake: (() => void) | undefined;
  view.pods.onChange((pod) => {
    if (isUnschedulable(pod)) wake?.();
  });

  const pass = async (): Promise<ProvisioningPass> => {
    await parts.templates.runOnce();
    const result = await parts.provisioner.runOnce();
    await parts.lifecycle.runOnce();
    await parts.deprovisioner.runOnce();
    await parts.interruptions.runOnce();
    if (d.clock.now() - lastGc > (o.gcEverySeconds ?? 30) * 1000) {
      lastGc = d.clock.now();
      await parts.garbage.runOnce();
    }
    updateCostMetrics(view, metrics);
    return result;
  };
  const sleep = (ms: number) => new Promise<void>((resolve) => {
    wake = resolve;
    void d.clock.sleep(ms).then(resolve);
  });
  const loop = async () => {
    // Leader election is the caller's (omni controller holds the Lease before it starts anything).
    while (!stopped) {
      try {
        await pass();
      } catch (err) {
        d.log.warn({ err: String(err) }, 'autoscaler pass failed');
      }
      await sleep((o.tickSeconds ?? 2) * 1000);
      if (!stopped && parts.provisioner.pending().length) await d.clock.sleep((o.batchSeconds ?? 1) * 1000);
    }
  };
  const running = o.manual ? Promise.resolve() : loop();
  return {
    metrics,
    view,
    reconcileOnce: pass,
    async stop() {
      stopped = true;
      wake?.();
      await running;
      await view.stop();
    },
  };
}
