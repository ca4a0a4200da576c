/** Time enters omni's controllers only through a Clock, so tests and the demo can step or speed it. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms).unref?.()),
};

/** Real time sped up by `scale` (the demo's --time-scale). */
export function scaledClock(scale: number, start = Date.now()): Clock {
  const realStart = Date.now();
  return {
    now: () => start + (Date.now() - realStart) * scale,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms / scale)),
  };
}
