// The simulated clouds' non-instance objects (networks, firewalls, identities, keys): real records
// that can be counted, so tests see every leak and every duplicate.

import type { CloudObjectRef } from '../types.ts';

export interface SimObject extends CloudObjectRef {
  /** The edge location the object belongs to (omni's tag on it). */
  location: string;
  clusterId: string;
  createdAt: number;
}

export class Inventory {
  private readonly objects = new Map<string, SimObject>();
  private seq = 0;
  private readonly order = new Map<string, number>();

  add(obj: SimObject): void {
    this.objects.set(obj.id, obj);
    this.order.set(obj.id, this.seq++);
  }

  remove(id: string): boolean {
    this.order.delete(id);
    return this.objects.delete(id);
  }

  find(kind: string, name: string, location: string): SimObject[] {
    return this.list({ location }).filter((o) => o.kind === kind && o.name === name);
  }

  /** Objects in creation order, optionally only one location's. */
  list(filter: { location?: string; kind?: string } = {}): SimObject[] {
    return [...this.objects.values()]
      .filter((o) => filter.location === undefined || o.location === filter.location)
      .filter((o) => filter.kind === undefined || o.kind === filter.kind)
      .sort((a, b) => (this.order.get(a.id) ?? 0) - (this.order.get(b.id) ?? 0));
  }

  count(filter: { location?: string; kind?: string } = {}): number {
    return this.list(filter).length;
  }

  /** Count per kind, e.g. {vpc: 1, subnet: 2}. */
  countByKind(location?: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const o of this.list({ location })) out[o.kind] = (out[o.kind] ?? 0) + 1;
    return out;
  }
}
