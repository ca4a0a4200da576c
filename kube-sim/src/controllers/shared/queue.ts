import type { Clock } from '../../util/clock.ts';

const MAX_RETRIES = 15;

/**
 * A keyed work queue like client-go's: a key is processed once however often it is added, work
 * runs outside store callbacks (setImmediate), failures are retried with backoff in simulated time.
 */
export class WorkQueue {
  private readonly dirty = new Set<string>();
  private readonly timers = new Map<string, () => void>();
  private readonly failures = new Map<string, number>();
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly handler: (key: string) => void,
    private readonly onError: (key: string, err: unknown) => void = () => {},
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    this.dirty.add(key);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  /** Adds the key after `ms` of simulated time; an earlier pending timer for it is replaced. */
  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    if (ms <= 0) return this.add(key);
    this.timers.get(key)?.();
    const cancel = this.clock.setTimeout(() => {
      this.timers.delete(key);
      this.add(key);
    }, ms);
    this.timers.set(key, cancel);
  }

  get size(): number {
    return this.dirty.size;
  }

  stop(): void {
    this.stopped = true;
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    this.dirty.clear();
  }

  private drain(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const keys = [...this.dirty];
    this.dirty.clear();
    for (const key of keys) this.process(key);
  }

  private process(key: string): void {
    try {
      this.handler(key);
      this.failures.delete(key);
    } catch (err) {
      const n = (this.failures.get(key) ?? 0) + 1;
      if (n > MAX_RETRIES) {
        this.failures.delete(key);
        this.onError(key, err);
        return;
      }
      this.failures.set(key, n);
      this.addAfter(key, Math.min(5000, 50 * 2 ** n));
    }
  }
}
