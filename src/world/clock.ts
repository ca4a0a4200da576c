import { ScaledClock } from '../../kube-sim/src/index.ts';
import type { Clock } from '../kube/index.ts';

/** One simulated clock for the whole embedded world: kube-sim, the clouds and omni's controllers. */
export interface WorldClock extends Clock {
  sim: ScaledClock;
}

export function worldClock(timeScale: number): WorldClock {
  const sim = new ScaledClock(timeScale);
  return {
    sim,
    now: () => sim.now(),
    sleep: (ms) => new Promise<void>((resolve) => sim.setTimeout(resolve, ms)),
  };
}
