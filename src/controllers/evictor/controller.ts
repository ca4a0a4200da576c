// The evictor's loop: every interval, read the cluster from informers, run the policy, act on it.
import type { Registry } from 'prom-client';
import { makeEventRecorder, type Clock, type KubeClients, type Logger } from '../../kube/index.ts';
import { COMPONENT, cordon, evict, explain, uncordon, type ActionDeps } from './actions.ts';
import { CoolDownLedger } from './cool-down.ts';
import { EvictorMetrics } from './metrics.ts';
import { planMoves } from './policy.ts';
import { stopSources, synced, watchSources, type Sources } from './sources.ts';
import { loadCoolDown, saveCoolDown } from './state.ts';
import type { Move, PolicyResult } from './types.ts';

export interface EvictorOptions {
  /** Seconds between cycles (default 60). */
  intervalSeconds: number;
  /** Evictions per cycle at most (default 10). */
  maxEvictionsPerCycle: number;
  /** Report (log + EvictorWouldMove Events) instead of evicting (default false). */
  dryRun: boolean;
  /** A pod is not evicted twice, and an owner moved home is not offloaded again, within this (default 600). */
  coolDownSeconds: number;
}

export const DEFAULT_OPTIONS: EvictorOptions = { intervalSeconds: 60, maxEvictionsPerCycle: 10, dryRun: false, coolDownSeconds: 600 };

export interface EvictorDeps {
  clients: KubeClients;
  clock: Clock;
  log: Logger;
  options?: Partial<EvictorOptions>;
  registry?: Registry;
}

export interface Evictor {
  /** One cycle now; resolves to the evictions made (or, in dry run, that would be made). */
  runOnce(): Promise<Move[]>;
  /** For the autoscaler: pods of this owner (controller uid) were moved home within the cool-down. */
  recentlyMovedHome(ownerUid: string): boolean;
  readonly metrics: EvictorMetrics;
  stop(): Promise<void>;
}

class EvictorController {
  private readonly sources: Sources;
  private readonly act: ActionDeps;
  private ledger: CoolDownLedger;
  private readonly loaded: Promise<void>;
  private running: Promise<Move[]> = Promise.resolve([]);

  constructor(
    private readonly d: EvictorDeps,
    readonly opts: EvictorOptions,
    readonly metrics: EvictorMetrics,
  ) {
    this.sources = watchSources(d.clients, d.log);
    this.act = { clients: d.clients, events: makeEventRecorder(d.clients.core, COMPONENT, d.clock), metrics, log: d.log };
    this.ledger = new CoolDownLedger(opts.coolDownSeconds * 1000);
    this.loaded = loadCoolDown(d.clients.core).then((state) => {
      if (state) this.ledger = new CoolDownLedger(opts.coolDownSeconds * 1000, state);
    });
  }

  recentlyMovedHome(ownerUid: string): boolean {
    return this.ledger.recentlyMovedHome(ownerUid, this.d.clock.now());
  }

  /** Cycles never overlap: a call made during a cycle runs after it. */
  runOnce(): Promise<Move[]> {
    this.running = this.running.catch(() => []).then(() => this.cycle());
    return this.running;
  }

  stop(): Promise<void> {
    return stopSources(this.sources);
  }

  private async cycle(): Promise<Move[]> {
    const started = performance.now();
    try {
      await Promise.all([synced(this.sources), this.loaded]);
      const plan = this.plan();
      for (const s of plan.skipped) this.metrics.skipped.inc({ reason: s.reason });
      return this.opts.dryRun ? await this.report(plan) : await this.apply(plan);
    } finally {
      this.metrics.cycleSeconds.observe((performance.now() - started) / 1000);
    }
  }

  private plan(): PolicyResult {
    const now = this.d.clock.now();
    this.ledger.prune(now);
    const s = this.sources;
    return planMoves({
      nodes: s.nodes.list(),
      pods: s.pods.list(),
      pdbs: s.pdbs.list(),
      namespaces: s.namespaces.list(),
      now,
      coolDown: this.ledger,
      options: { maxEvictionsPerCycle: this.opts.maxEvictionsPerCycle, coolDownSeconds: this.opts.coolDownSeconds },
    });
  }

  private async report(plan: PolicyResult): Promise<Move[]> {
    for (const move of plan.moves) {
      this.d.log.info({ move, dryRun: true }, `would evict ${move.pod.namespace}/${move.pod.name}: ${move.reason}`);
      this.metrics.wouldEvict.inc({ kind: move.owner.kind, reason: move.kind });
      await explain(this.act, move, true);
    }
    return plan.moves;
  }

  private async apply(plan: PolicyResult): Promise<Move[]> {
    await this.setCordons(plan);
    const done: Move[] = [];
    for (const move of plan.moves) if (await this.move(move)) done.push(move);
    if (done.length > 0) await this.save();
    return done;
  }

  /** Cordon first, so the pods' replacements cannot land back on the nodes being emptied. */
  private async setCordons(plan: PolicyResult): Promise<void> {
    const at = new Date(this.d.clock.now()).toISOString();
    for (const name of plan.cordon) await cordon(this.act, name, at).catch((err: unknown) => this.d.log.warn({ node: name, err: String(err) }, 'cordon failed'));
    for (const name of plan.uncordon) await uncordon(this.act, name).catch((err: unknown) => this.d.log.warn({ node: name, err: String(err) }, 'uncordon failed'));
  }

  private async move(move: Move): Promise<boolean> {
    const result = await evict(this.act, move);
    if (result !== 'evicted') {
      this.metrics.skipped.inc({ reason: result === 'refused' ? 'pdb' : result });
      this.d.log.info({ pod: `${move.pod.namespace}/${move.pod.name}`, result }, 'eviction not made; retrying next cycle');
      return false;
    }
    this.ledger.record(move, this.d.clock.now());
    this.metrics.evictions.inc({ kind: move.owner.kind, reason: move.kind });
    this.d.log.info({ move }, `evicted ${move.pod.namespace}/${move.pod.name}: ${move.reason}`);
    await explain(this.act, move, false);
    return true;
  }

  private async save(): Promise<void> {
    await saveCoolDown(this.d.clients.core, this.ledger.toState()).catch((err: unknown) => this.d.log.debug({ err: String(err) }, 'saving the cool-down ledger failed'));
  }
}

/** Starts the evictor: informers now, a cycle every `intervalSeconds` (tests call runOnce instead). */
export function startEvictor(deps: EvictorDeps): Evictor {
  const opts: EvictorOptions = { ...DEFAULT_OPTIONS, ...(deps.options ?? {}) };
  const metrics = new EvictorMetrics(deps.registry);
  const c = new EvictorController(deps, opts, metrics);
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      await deps.clock.sleep(opts.intervalSeconds * 1000);
      if (stopped) break;
      await c.runOnce().catch((err: unknown) => deps.log.warn({ err: String(err) }, 'evictor cycle failed'));
    }
  };
  void loop();
  return {
    runOnce: () => c.runOnce(),
    recentlyMovedHome: (uid) => c.recentlyMovedHome(uid),
    metrics,
    async stop() {
      stopped = true;
      await c.stop();
    },
  };
}
