// Prometheus metrics of the evictor.
import { Counter, Histogram, Registry } from 'prom-client';

export class EvictorMetrics {
  readonly evictions: Counter<'kind' | 'reason'>;
  readonly wouldEvict: Counter<'kind' | 'reason'>;
  readonly skipped: Counter<'reason'>;
  readonly cordons: Counter<'action'>;
  readonly cycleSeconds: Histogram;

  constructor(readonly registry: Registry = new Registry()) {
    const registers = [registry];
    this.evictions = new Counter({
      name: 'omni_evictor_evictions_total',
      help: 'Pods evicted, by owner kind (ReplicaSet, StatefulSet, Job…) and reason (home: back to the main cluster; pack: onto fewer edge nodes).',
      labelNames: ['kind', 'reason'] as const,
      registers,
    });
    this.wouldEvict = new Counter({
      name: 'omni_evictor_dry_run_evictions_total',
      help: 'Evictions the evictor would have made in dry-run mode, by owner kind and reason.',
      labelNames: ['kind', 'reason'] as const,
      registers,
    });
    this.skipped = new Counter({
      name: 'omni_evictor_skipped_total',
      help: 'Pods on edge nodes left where they are in a cycle, by reason (bare-pod, removal-disabled, local-storage, pvc, local-only-namespace, not-running, pdb, cool-down, cap, refused, error).',
      labelNames: ['reason'] as const,
      registers,
    });
    this.cordons = new Counter({
      name: 'omni_evictor_node_cordons_total',
      help: 'Edge nodes cordoned to be emptied (action=cordon) or released because they can no longer be emptied (action=uncordon).',
      labelNames: ['action'] as const,
      registers,
    });
    this.cycleSeconds = new Histogram({
      name: 'omni_evictor_cycle_duration_seconds',
      help: 'Duration of one evictor cycle (policy and the evictions it makes).',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
  }
}
