import type { Clock } from './types.ts';

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests and the simulated world step by hand. */
export class ManualClock implements Clock {
  private t: number;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  advance(ms: number): void {
    this.t += ms;
  }
}
