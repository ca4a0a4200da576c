// Memory against ping-pong: which pods were evicted and which owners were moved home, and when.
import type { CoolDownView, Move } from './types.ts';

export interface CoolDownState {
  /** `<ownerUid>/<podName>` → eviction time (ms). */
  evictions: Record<string, number>;
  /** owner uid → time (ms) a pod of it was last moved home. */
  movedHome: Record<string, number>;
}

export class CoolDownLedger implements CoolDownView {
  private readonly evictions = new Map<string, number>();
  private readonly movedHome = new Map<string, number>();

  constructor(private readonly coolDownMs: number, state?: CoolDownState) {
    for (const [k, v] of Object.entries(state?.evictions ?? {})) this.evictions.set(k, v);
    for (const [k, v] of Object.entries(state?.movedHome ?? {})) this.movedHome.set(k, v);
  }

  record(move: Move, at: number): void {
    this.evictions.set(`${move.owner.uid}/${move.pod.name}`, at);
    if (move.kind === 'home') this.movedHome.set(move.owner.uid, at);
  }

  evictedRecently(ownerUid: string, podName: string, now: number): boolean {
    return this.within(this.evictions.get(`${ownerUid}/${podName}`), now);
  }

  /** True while pods of this owner (ReplicaSet, StatefulSet, Job… uid) moved home are cooling down. */
  recentlyMovedHome(ownerUid: string, now: number): boolean {
    return this.within(this.movedHome.get(ownerUid), now);
  }

  prune(now: number): void {
    for (const m of [this.evictions, this.movedHome]) {
      for (const [k, at] of m) if (!this.within(at, now)) m.delete(k);
    }
  }

  toState(): CoolDownState {
    return { evictions: Object.fromEntries(this.evictions), movedHome: Object.fromEntries(this.movedHome) };
  }

  private within(at: number | undefined, now: number): boolean {
    return at !== undefined && now - at < this.coolDownMs;
  }
}
