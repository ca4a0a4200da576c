// Cost over time: samples total hourly cost and the main-region-only cost every N seconds, in memory.
import type { Clock } from '../../kube/index.ts';
import type { CostSample, CostView } from '../api-types.ts';
import { sumPrices, takeSnapshot, type ViewDeps } from './snapshot.ts';

const MAX_SAMPLES = 720;

export class CostSampler {
  private readonly samples: CostSample[] = [];
  private stopped = false;

  constructor(
    private readonly deps: ViewDeps,
    private readonly intervalSeconds: number,
    private readonly onSample: (s: CostSample) => void = () => undefined,
  ) {}

  /** Samples now, then every interval (on the injected clock) until stop(). */
  start(clock: Clock): void {
    this.sample();
    const loop = async (): Promise<void> => {
      while (!this.stopped) {
        await clock.sleep(this.intervalSeconds * 1000);
        if (!this.stopped) this.sample();
      }
    };
    void loop();
  }

  stop(): void {
    this.stopped = true;
  }

  current(): CostSample {
    const snap = takeSnapshot(this.deps);
    return {
      time: new Date(snap.now).toISOString(),
      costPerHour: sumPrices(snap.nodes, 'pricePerHour'),
      mainRegionOnlyCostPerHour: sumPrices(snap.nodes, 'mainRegionPricePerHour'),
    };
  }

  sample(): CostSample {
    const s = this.current();
    this.samples.push(s);
    if (this.samples.length > MAX_SAMPLES) this.samples.shift();
    this.onSample(s);
    return s;
  }

  view(): CostView {
    const current = this.current();
    const savingsPerHour = Math.round((current.mainRegionOnlyCostPerHour - current.costPerHour) * 1e4) / 1e4;
    const savingsPercent =
      current.mainRegionOnlyCostPerHour > 0 ? Math.round((savingsPerHour / current.mainRegionOnlyCostPerHour) * 1000) / 10 : 0;
    return { intervalSeconds: this.intervalSeconds, samples: [...this.samples], current, savingsPerHour, savingsPercent };
  }
}
