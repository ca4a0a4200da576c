// Every offering's current prices with where and when each was read; live prices merge over older ones.
import { ageSeconds } from '../clock.ts';
import type { CatalogRow, CloudName, Offering, PriceSource } from '../types.ts';
import type { LivePrice } from './types.ts';

interface PricePoint {
  price: number | null;
  /** When the price was read (ms since epoch). */
  at: number;
  source: PriceSource;
}

interface Entry {
  row: CatalogRow;
  onDemand: PricePoint;
  spot: PricePoint;
}

function point(e: Entry, p: LivePrice): PricePoint {
  return p.lifecycle === 'spot' ? e.spot : e.onDemand;
}

/** The price an offering's age and source describe: its oldest present price. */
function oldest(e: Entry): PricePoint {
  const present = [e.onDemand, e.spot].filter((p) => p.price !== null);
  if (present.length === 0) return e.onDemand;
  return present.reduce((a, b) => (b.at < a.at ? b : a));
}

export interface CloudAges {
  total: number;
  stale: number;
  oldestAgeSeconds: number;
}

export class PriceBook {
  private readonly entries: Entry[] = [];
  /** cloud|region|zone|type → entry; cloud|region|type → entries in every zone. */
  private readonly byKey = new Map<string, Entry>();
  private readonly byRegionType = new Map<string, Entry[]>();

  constructor(rows: CatalogRow[], pricedAt: (cloud: CloudName) => number) {
    for (const row of rows) {
      const at = pricedAt(row.cloud);
      const e: Entry = {
        row,
        onDemand: { price: row.onDemandPricePerHour, at, source: 'snapshot' },
        spot: { price: row.spotPricePerHour, at, source: 'snapshot' },
      };
      this.entries.push(e);
      this.byKey.set(`${row.cloud}|${row.region}|${row.zone}|${row.instanceType}`, e);
      const rk = `${row.cloud}|${row.region}|${row.instanceType}`;
      this.byRegionType.set(rk, [...(this.byRegionType.get(rk) ?? []), e]);
    }
  }

  /**
   * Applies live prices read at `at`; returns how many prices found an offering. A zone price with no
   * zone offering goes to the region-level offering, which takes its cheapest zone's price.
   */
  apply(prices: LivePrice[], at: number): number {
    let applied = 0;
    const regionLevel = new Map<string, LivePrice>();
    for (const p of prices) {
      const targets = this.targets(p);
      if (targets === null) {
        this.noteRegionLevel(regionLevel, p);
        continue;
      }
      for (const e of targets) this.set(e, p, at);
      applied += targets.length > 0 ? 1 : 0;
    }
    for (const p of regionLevel.values()) {
      const e = this.byKey.get(`${p.cloud}|${p.region}||${p.instanceType}`);
      if (e) this.set(e, p, at);
      applied += e ? 1 : 0;
    }
    return applied;
  }

  /** Entries a price applies to directly; null for a zone price with no zone offering. */
  private targets(p: LivePrice): Entry[] | null {
    if (p.zone === '') return this.byRegionType.get(`${p.cloud}|${p.region}|${p.instanceType}`) ?? [];
    const e = this.byKey.get(`${p.cloud}|${p.region}|${p.zone}|${p.instanceType}`);
    return e ? [e] : null;
  }

  private noteRegionLevel(cheapest: Map<string, LivePrice>, p: LivePrice): void {
    const key = `${p.cloud}|${p.region}|${p.instanceType}|${p.lifecycle}`;
    const prev = cheapest.get(key);
    if (!prev || p.pricePerHour < prev.pricePerHour) cheapest.set(key, p);
  }

  private set(e: Entry, p: LivePrice, at: number): void {
    const target = point(e, p);
    target.price = p.pricePerHour;
    target.at = at;
    target.source = 'live';
  }

  offerings(nowMs: number): Offering[] {
    return this.entries.map((e) => {
      const o = oldest(e);
      return {
        ...e.row,
        onDemandPricePerHour: e.onDemand.price,
        spotPricePerHour: e.spot.price,
        source: o.source,
        ageSeconds: ageSeconds(o.at, nowMs),
      };
    });
  }

  /** Per cloud: how many prices there are, how many are older than the threshold, the oldest age. */
  ages(nowMs: number, staleAfterSeconds: number): Map<CloudName, CloudAges> {
    const out = new Map<CloudName, CloudAges>();
    for (const e of this.entries) {
      let c = out.get(e.row.cloud);
      if (!c) out.set(e.row.cloud, (c = { total: 0, stale: 0, oldestAgeSeconds: 0 }));
      for (const p of [e.onDemand, e.spot]) {
        if (p.price === null) continue;
        const age = ageSeconds(p.at, nowMs);
        c.total++;
        c.stale += age > staleAfterSeconds ? 1 : 0;
        c.oldestAgeSeconds = Math.max(c.oldestAgeSeconds, age);
      }
    }
    return out;
  }
}
