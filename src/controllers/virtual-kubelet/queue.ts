import type { Clock } from '../../kube/index.ts';
import type { Logger } from '../../kube/index.ts';

/** What a handler may ask for: nothing, or to be called again after `requeueAfterMs`. */
export type HandlerResult = void | { requeueAfterMs: number };

export interface QueueOptions {
  workers: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * A keyed work queue like client-go's: a key is queued at most once, never handled by two workers at
 * once (a key added while it is being handled runs again afterwards), and failures retry with
 * exponential backoff. Informer callbacks only add keys; all writes happen in handlers.
 */
export class WorkQueue {
  private readonly pending: string[] = [];
  private readonly queued = new Set<string>();
  private readonly active = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly idleWaiters: (() => void)[] = [];
  private running = 0;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly handler: (key: string) => Promise<HandlerResult>,
    private readonly deps: { clock: Clock; log: Logger },
    private readonly opts: QueueOptions,
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    if (this.active.has(key)) {
      this.dirty.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.pending.push(key);
    this.pump();
  }

  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    void this.deps.clock.sleep(ms).then(() => this.add(key));
  }

  get length(): number {
    return this.pending.length + this.active.size;
  }

  /** Resolves when nothing is queued or running (tests and benches). */
  idle(): Promise<void> {
    if (this.length === 0) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  stop(): void {
    this.stopped = true;
    this.pending.length = 0;
    this.queued.clear();
  }

  private pump(): void {
    while (!this.stopped && this.running < this.opts.workers && this.pending.length > 0) {
      const key = this.pending.shift()!;
      this.queued.delete(key);
      this.active.add(key);
      this.running++;
      void this.run(key);
    }
    if (this.length === 0) for (const w of this.idleWaiters.splice(0)) w();
  }

  private async run(key: string): Promise<void> {
    try {
      const res = await this.handler(key);
      this.failures.delete(key);
      if (res) this.addAfter(key, res.requeueAfterMs);
    } catch (err) {
      this.retry(key, err);
    } finally {
      this.active.delete(key);
      this.running--;
      if (this.dirty.delete(key)) this.add(key);
      this.pump();
    }
  }

  private retry(key: string, err: unknown): void {
    const n = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, n);
    const delay = Math.min(this.opts.maxDelayMs ?? 10_000, (this.opts.baseDelayMs ?? 50) * 2 ** (n - 1));
    this.deps.log.debug({ queue: this.name, key, attempt: n, delay, err: errorText(err) }, 'reconcile failed; retrying');
    this.addAfter(key, delay);
  }
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message.slice(0, 300);
  return String(err).slice(0, 300);
}
