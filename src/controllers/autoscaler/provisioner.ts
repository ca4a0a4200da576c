import type { V1Pod } from '@kubernetes/client-node';
import { planWithDetails, plan as planOnly, type Plan, type PlanInput, type PlannedNode } from '../../planner/index.ts';
import type { Catalog, CloudName } from '../../catalog/types.ts';
import type { Clock, EventRecorder, Logger } from '../../kube/index.ts';
import { ClaimStore } from './claims.ts';
import { decisionOf, isCapacityError, launchPlannedNode, type LaunchContext } from './launcher.ts';
import type { AutoscalerMetrics } from './metrics.ts';
import { isUnschedulable, podKey } from './pending.ts';
import { buildPlanInput, parseTemplates, readyEdgeLocations } from './plan-input.ts';
import type { MutableLocationRegistry } from './targets.ts';
import type { UnavailableOfferings } from './unavailable.ts';
import type { ClusterView } from './view.ts';

export interface ProvisionerDeps {
  view: ClusterView;
  claims: ClaimStore;
  catalog: Catalog;
  locations: MutableLocationRegistry;
  unavailable: UnavailableOfferings;
  events: EventRecorder;
  metrics: AutoscalerMetrics;
  clock: Clock;
  log: Logger;
  clusterId: string;
  main: { cloud: CloudName; region: string };
  /** Pods that must stay in the main region for now (the evictor's cool-down). */
  homeOnly?: (pod: V1Pod) => boolean;
  /** Extra pods to plan for (Spot replacements), consulted once per pass. */
  extraPods?: () => V1Pod[];
}

export interface ProvisioningPass {
  plan: Plan;
  launched: string[];
  capacityErrors: number;
}

/** What the same pods would cost with the main region alone, capacity permitting (for savings and decisions). */
function mainRegionOnlyCost(input: PlanInput): number | undefined {
  const templates = input.nodeTemplates.map((t) => ({ ...t, spec: { ...t.spec, mainRegion: true, edgeLocations: [] } }));
  try {
    return planOnly({ ...input, edgeLocations: [], nodeTemplates: templates, unavailable: [] }).totalPricePerHour;
  } catch {
    return undefined;
  }
}

/** One provisioning pass: plan for the unschedulable pods and launch what the plan asks for. */
export class Provisioner {
  private readonly reported = new Map<string, string>();

  constructor(private readonly d: ProvisionerDeps) {}

  pending(): V1Pod[] {
    return this.d.view.pods.list().filter(isUnschedulable);
  }

  async runOnce(): Promise<ProvisioningPass> {
    const pending = [...this.pending(), ...(this.d.extraPods?.() ?? [])];
    this.d.metrics.pendingPods.set(pending.length);
    this.d.metrics.unavailableOfferings.set(this.d.unavailable.active(this.d.clock.now()).length);
    if (pending.length === 0) return { plan: { nodes: [], existing: [], unschedulable: [], totalPricePerHour: 0 }, launched: [], capacityErrors: 0 };
    const input = buildPlanInput({
      catalog: this.d.catalog,
      main: this.d.main,
      pending,
      templates: this.d.view.templates.list(),
      edgeLocations: this.d.view.edgeLocations.list().filter((e) => this.d.locations.edge(e.metadata?.name ?? '')),
      claims: this.d.view.claims.list(),
      daemonSets: this.d.view.daemonSets.list(),
      unavailable: this.d.unavailable.active(this.d.clock.now()),
      nodes: this.d.view.nodes.list(),
      boundPods: this.d.view.pods.list(),
      homeOnly: this.d.homeOnly,
    });
    const { plan } = planWithDetails(input);
    await this.reportUnschedulable(plan, pending);
    const mainOnly = plan.nodes.length ? mainRegionOnlyCost({ ...input, pods: input.pods.filter((p) => plan.nodes.some((n) => n.pods.includes(`${p.namespace}/${p.name}`))), existingNodes: [] }) : undefined;
    return { plan, ...(await this.launchAll(plan, mainOnly)) };
  }

  private async launchAll(plan: Plan, mainOnly: number | undefined): Promise<{ launched: string[]; capacityErrors: number }> {
    const ctx: LaunchContext = {
      claims: this.d.claims,
      catalog: this.d.catalog,
      locations: this.d.locations,
      templates: parseTemplates(this.d.view.templates.list()).ok,
      edgeLocations: readyEdgeLocations(this.d.view.edgeLocations.list()),
      clusterId: this.d.clusterId,
      clock: this.d.clock,
    };
    const share = mainOnly !== undefined && plan.totalPricePerHour > 0 ? mainOnly / plan.totalPricePerHour : undefined;
    const outcomes = await Promise.all(
      plan.nodes.map((node) => launchPlannedNode(node, decisionOf(node, this.d.clock.now(), share !== undefined ? node.pricePerHour * share : undefined), ctx)),
    );
    const launched: string[] = [];
    let capacityErrors = 0;
    for (const [i, o] of outcomes.entries()) {
      const node = plan.nodes[i];
      if (o.result) {
        launched.push(o.claim.metadata!.name!);
        this.d.metrics.decisions.inc({ location: o.claim.spec.location, lifecycle: o.claim.spec.lifecycle });
        for (const ce of o.result.capacityErrors) this.markUnavailable(o.claim.spec.cloud, ce.offering, ce.message);
        await this.d.events.record(o.claim, 'Normal', 'Launched', `launched ${node.instanceType} (${node.lifecycle}) in ${node.location} for ${node.pods.length} pod(s)`);
        await this.eventOnPods(o.claim.metadata!.name!, node);
      } else if (isCapacityError(o.error)) {
        capacityErrors++;
        const s = o.claim.spec;
        this.markUnavailable(s.cloud, { region: s.region, zone: s.zone, instanceType: s.instanceType, lifecycle: s.lifecycle }, o.error.message);
        await this.d.events.record(o.claim, 'Warning', 'CapacityError', `${s.cloud}/${s.region}/${s.zone || '-'}/${s.instanceType} ${s.lifecycle}: ${o.error.message}; marked unavailable, planning again`);
      } else {
        this.d.log.warn({ claim: o.claim.metadata?.name, err: String(o.error) }, 'launch failed');
        await this.d.events.record(o.claim, 'Warning', 'LaunchFailed', String(o.error instanceof Error ? o.error.message : o.error));
      }
    }
    return { launched, capacityErrors };
  }

  private markUnavailable(cloud: CloudName, key: { region: string; zone: string; instanceType: string; lifecycle: 'spot' | 'on-demand' } | undefined, reason: string): void {
    if (!key) return;
    this.d.unavailable.mark({ cloud, ...key }, this.d.clock.now(), reason);
    this.d.metrics.capacityErrors.inc({ cloud, region: key.region, instance_type: key.instanceType, lifecycle: key.lifecycle });
  }

  private async eventOnPods(claim: string, node: PlannedNode): Promise<void> {
    for (const key of node.pods.slice(0, 50)) {
      const pod = this.d.view.pods.list().find((p) => podKey(p) === key);
      if (pod) await this.d.events.record(pod, 'Normal', 'Nominated', `omni is making node ${claim}: ${node.instanceType} ${node.lifecycle} in ${node.location} ($${node.pricePerHour.toFixed(4)}/h)`);
    }
  }

  private async reportUnschedulable(plan: Plan, pending: V1Pod[]): Promise<void> {
    for (const u of plan.unschedulable) {
      if (this.reported.get(u.pod) === u.reason) continue;
      this.reported.set(u.pod, u.reason);
      const pod = pending.find((p) => podKey(p) === u.pod);
      if (pod) await this.d.events.record(pod, 'Warning', 'NotProvisioned', u.reason);
    }
  }
}
