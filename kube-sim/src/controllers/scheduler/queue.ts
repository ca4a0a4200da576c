import type { Clock } from '../../util/clock.ts';

interface Attempt {
  attempts: number;
  lastTry: number;
}

const INITIAL_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 10_000;

/**
 * kube-scheduler's queues in small: active pods in arrival order, unschedulable pods parked until a
 * cluster change moves them back, with per-pod exponential backoff (1 s doubling to 10 s).
 */
export class SchedulingQueue {
  private readonly active = new Set<string>();
  private readonly unschedulable = new Set<string>();
  /** Failed attempts per pod, kept until it is scheduled or gone so that backoff grows. */
  private readonly attempts = new Map<string, Attempt>();
  private readonly waiting = new Map<string, () => void>();

  constructor(
    private readonly clock: Clock,
    private readonly onReady: () => void,
  ) {}

  add(key: string): void {
    if (this.unschedulable.has(key)) return;
    this.active.add(key);
    this.onReady();
  }

  /** Takes up to `n` pods in arrival order. */
  pop(n: number): string[] {
    const out: string[] = [];
    for (const key of this.active) {
      if (out.length >= n) break;
      out.push(key);
      this.active.delete(key);
    }
    return out;
  }

  get pending(): number {
    return this.active.size;
  }

  isUnschedulable(key: string): boolean {
    return this.unschedulable.has(key);
  }

  markUnschedulable(key: string): void {
    const prev = this.attempts.get(key);
    this.attempts.set(key, { attempts: (prev?.attempts ?? 0) + 1, lastTry: this.clock.now() });
    this.unschedulable.add(key);
  }

  /** Scheduled, deleted or no longer ours. */
  forget(key: string): void {
    this.active.delete(key);
    this.unschedulable.delete(key);
    this.attempts.delete(key);
    this.waiting.get(key)?.();
    this.waiting.delete(key);
  }

  /** A pod's own spec or labels changed: try it again (after its backoff). */
  retry(key: string): void {
    const a = this.attempts.get(key);
    if (a && this.unschedulable.has(key)) this.activate(key, a);
  }

  /** A cluster change may have made room: every parked pod goes back once its backoff has passed. */
  moveAll(): void {
    for (const key of this.unschedulable) this.activate(key, this.attempts.get(key) ?? { attempts: 1, lastTry: 0 });
  }

  private activate(key: string, a: Attempt): void {
    if (this.waiting.has(key)) return;
    const backoff = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** (a.attempts - 1));
    const wait = a.lastTry + backoff - this.clock.now();
    if (wait <= 0) return this.promote(key);
    const cancel = this.clock.setTimeout(() => {
      this.waiting.delete(key);
      this.promote(key);
    }, wait);
    this.waiting.set(key, cancel);
  }

  private promote(key: string): void {
    if (!this.unschedulable.has(key)) return;
    this.unschedulable.delete(key);
    this.active.add(key);
    this.onReady();
  }

  stop(): void {
    for (const cancel of this.waiting.values()) cancel();
    this.waiting.clear();
  }
}
