/** Time enters kube-sim only through a Clock, so tests and demos can speed it up. */
export interface Clock {
  /** Milliseconds since the epoch, in simulated time. */
  now(): number;
  /** Runs `fn` after `ms` of simulated time. Returns a cancel function. */
  setTimeout(fn: () => void, ms: number): () => void;
  /** Runs `fn` every `ms` of simulated time. Returns a cancel function. */
  setInterval(fn: () => void, ms: number): () => void;
}

/** Real time, optionally sped up: `timeScale` 10 makes one real second ten simulated seconds. */
export class ScaledClock implements Clock {
  private readonly startReal = Date.now();
  constructor(
    private readonly timeScale = 1,
    private readonly startSim = Date.now(),
  ) {}

  now(): number {
    return this.startSim + (Date.now() - this.startReal) * this.timeScale;
  }

  setTimeout(fn: () => void, ms: number): () => void {
    const t = setTimeout(fn, ms / this.timeScale);
    t.unref?.();
    return () => clearTimeout(t);
  }

  setInterval(fn: () => void, ms: number): () => void {
    const t = setInterval(fn, Math.max(1, ms / this.timeScale));
    t.unref?.();
    return () => clearInterval(t);
  }
}

/** RFC 3339 with second precision, as Kubernetes writes metav1.Time. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** RFC 3339 with microseconds, as Kubernetes writes metav1.MicroTime. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000Z');
}
