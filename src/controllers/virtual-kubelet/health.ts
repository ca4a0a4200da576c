import type { Clock, KubeClients, Logger } from '../../kube/index.ts';
import { errorText } from './queue.ts';

/** Rejects when `p` has not settled within `ms` (a hung edge API counts as a failed request). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export interface HealthOptions {
  graceMs: number;
  probeMs: number;
  timeoutMs: number;
}

/**
 * Whether an edge cluster answers. It is probed every `probeMs`; it counts as unreachable once no
 * request has succeeded for `graceMs` (so one slow answer or a dropped connection never flips it).
 */
export class EdgeHealth {
  private lastOk: number;
  private lastError = '';
  private stopped = false;
  private wasReachable = true;

  constructor(
    private readonly name: string,
    private readonly clients: KubeClients,
    private readonly deps: { clock: Clock; log: Logger; onChange: (reachable: boolean) => void },
    private readonly opts: HealthOptions,
  ) {
    this.lastOk = deps.clock.now();
  }

  start(): void {
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      await this.probe();
      if (this.stopped) return;
      this.evaluate();
      await this.deps.clock.sleep(this.opts.probeMs);
    }
  }

  /** Any successful request to the edge proves it answers. */
  ok(): void {
    this.lastOk = this.deps.clock.now();
  }

  reachable(): boolean {
    return this.deps.clock.now() - this.lastOk <= this.opts.graceMs;
  }

  silentForMs(): number {
    return Math.max(0, this.deps.clock.now() - this.lastOk);
  }

  reason(): string {
    return this.lastError;
  }

  private async probe(): Promise<void> {
    try {
      await withTimeout(this.clients.core.listNamespace({ limit: 1 }), this.opts.timeoutMs, `edge ${this.name}`);
      this.ok();
      this.lastError = '';
    } catch (err) {
      this.lastError = errorText(err);
    }
  }

  private evaluate(): void {
    const now = this.reachable();
    if (now === this.wasReachable) return;
    this.wasReachable = now;
    this.deps.log.info({ edge: this.name, reachable: now, error: this.lastError || undefined }, now ? 'edge cluster answers again' : 'edge cluster stopped answering');
    this.deps.onChange(now);
  }
}
