import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The autoscaler's Prometheus metrics (omni_autoscaler_*). */
export class AutoscalerMetrics {
  readonly pendingPods: Gauge;
  readonly decisions: Counter;
  readonly launchSeconds: Histogram;
  readonly capacityErrors: Counter;
  readonly unavailableOfferings: Gauge;
  readonly hourlyCost: Gauge;
  readonly mainRegionOnlyCost: Gauge;
  readonly savings: Gauge;
  readonly interruptions: Counter;
  readonly podsLostToInterruptions: Counter;
  readonly nodesRemoved: Counter;
  readonly garbageCollected: Counter;

  constructor(readonly registry: Registry = new Registry()) {
    const r = [registry];
    this.pendingPods = new Gauge({ name: 'omni_autoscaler_pending_pods', help: 'Pods the scheduler marked Unschedulable', registers: r });
    this.decisions = new Counter({ name: 'omni_autoscaler_decisions_total', help: 'Nodes the autoscaler decided to make', labelNames: ['location', 'lifecycle'], registers: r });
    this.launchSeconds = new Histogram({ name: 'omni_autoscaler_launch_seconds', help: 'From NodeClaim created to node Ready', buckets: [1, 5, 15, 30, 60, 120, 300, 600], registers: r });
    this.capacityErrors = new Counter({ name: 'omni_autoscaler_capacity_errors_total', help: 'Launches refused for capacity', labelNames: ['cloud', 'region', 'instance_type', 'lifecycle'], registers: r });
    this.unavailableOfferings = new Gauge({ name: 'omni_autoscaler_unavailable_offerings', help: 'Offerings marked unavailable after capacity errors', registers: r });
    this.hourlyCost = new Gauge({ name: 'omni_autoscaler_hourly_cost_dollars', help: 'Hourly price of omni-made nodes', labelNames: ['location', 'lifecycle'], registers: r });
    this.mainRegionOnlyCost = new Gauge({ name: 'omni_autoscaler_main_region_only_hourly_cost_dollars', help: 'What the same nodes would cost in the main region alone', registers: r });
    this.savings = new Gauge({ name: 'omni_autoscaler_savings_hourly_dollars', help: 'Main-region-only cost minus actual cost', registers: r });
    this.interruptions = new Counter({ name: 'omni_autoscaler_spot_interruptions_total', help: 'Spot interruption notices handled', labelNames: ['cloud'], registers: r });
    this.podsLostToInterruptions = new Counter({ name: 'omni_autoscaler_pods_lost_to_interruptions_total', help: 'Pods still on a Spot node when it was reclaimed', registers: r });
    this.nodesRemoved = new Counter({ name: 'omni_autoscaler_nodes_removed_total', help: 'Nodes removed', labelNames: ['reason'], registers: r });
    this.garbageCollected = new Counter({ name: 'omni_autoscaler_garbage_collected_total', help: 'Instances or NodeClaims cleaned up', labelNames: ['kind'], registers: r });
  }
}
