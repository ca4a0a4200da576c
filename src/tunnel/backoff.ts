// Reconnect delays: exponential with "equal jitter" (half fixed, half random), capped.
import type { RandomSource } from './clock.ts';

export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
}

export function backoffDelay(attempt: number, random: RandomSource, opts: BackoffOptions = {}): number {
  const initial = opts.initialMs ?? 200;
  const max = opts.maxMs ?? 30_000;
  const base = Math.min(max, initial * 2 ** Math.min(attempt, 30));
  return Math.round(base / 2 + random() * (base / 2));
}
