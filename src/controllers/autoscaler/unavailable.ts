import type { CloudName, Lifecycle } from '../../catalog/types.ts';
import type { UnavailableOffering } from '../../planner/index.ts';

export interface UnavailableMark extends UnavailableOffering {
  until: number;
  reason: string;
}

/** Offerings that failed for capacity, remembered for a while so the next plans go elsewhere. */
export class UnavailableOfferings {
  private marks = new Map<string, UnavailableMark>();
  constructor(private readonly ttlMs: number) {}

  private key(o: UnavailableOffering): string {
    return `${o.cloud}/${o.region}/${o.zone ?? '*'}/${o.instanceType}/${o.lifecycle ?? '*'}`;
  }

  mark(o: { cloud: CloudName; region: string; zone?: string; instanceType: string; lifecycle?: Lifecycle }, now: number, reason: string): void {
    this.marks.set(this.key(o), { ...o, until: now + this.ttlMs, reason });
  }

  active(now: number): UnavailableMark[] {
    for (const [k, m] of this.marks) if (m.until <= now) this.marks.delete(k);
    return [...this.marks.values()];
  }
}
