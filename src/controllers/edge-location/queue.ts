// A keyed work queue: one pass per key at a time, a key queued while running runs once more after,
// delayed re-queues, and a growing delay per key after retryable errors.
import type { Clock } from '../../kube/index.ts';

export interface QueueOptions {
  clock: Clock;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  /** One pass; resolves to a delay (ms) for the next pass, 'backoff', or undefined for none. */
  work(key: string): Promise<number | 'backoff' | undefined>;
  onError(key: string, err: unknown): void;
}

export class KeyedQueue {
  private readonly running = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly scheduled = new Map<string, number>();
  private stopped = false;

  constructor(private readonly o: QueueOptions) {}

  add(key: string, delayMs = 0): void {
    if (this.stopped) return;
    if (delayMs > 0) {
      this.later(key, delayMs);
      return;
    }
    if (this.running.has(key)) {
      this.dirty.add(key);
      return;
    }
    this.running.add(key);
    const p = this.run(key).finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }

  /** At most one timer per key: the earliest wins. */
  private later(key: string, delayMs: number): void {
    const due = this.o.clock.now() + delayMs;
    const pending = this.scheduled.get(key);
    if (pending !== undefined && pending <= due) return;
    this.scheduled.set(key, due);
    void this.o.clock.sleep(delayMs).then(() => {
      if (this.scheduled.get(key) !== due) return;
      this.scheduled.delete(key);
      this.add(key);
    });
  }

  stop(): void {
    this.stopped = true;
  }

  /** Resolves when no pass is running (tests). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight]);
  }

  private async run(key: string): Promise<void> {
    let next: number | 'backoff' | undefined;
    try {
      next = await this.o.work(key);
      if (next !== 'backoff') this.failures.delete(key);
    } catch (err) {
      this.o.onError(key, err);
      next = 'backoff';
    }
    this.running.delete(key);
    if (this.stopped) return;
    if (this.dirty.delete(key)) this.add(key);
    else if (next === 'backoff') this.add(key, this.backoff(key));
    else if (next !== undefined) this.add(key, next);
  }

  private backoff(key: string): number {
    const n = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, n);
    return Math.min(this.o.retryDelayMs * 2 ** (n - 1), this.o.maxRetryDelayMs);
  }
}
