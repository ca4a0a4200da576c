// Time and randomness as interfaces so certificate lifetimes and reconnect backoff are testable.
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export type RandomSource = () => number;
