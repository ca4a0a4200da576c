// Hourly prices of nodes: the NodeClaim's recorded offering price first, else the catalog's price.
import { CLOUDS, instanceFamily, type Catalog, type CloudName, type Offering } from '../../catalog/index.ts';
import type { NodeFacts } from './node-facts.ts';

export interface NodePrice {
  pricePerHour: number | null;
  source: 'nodeclaim' | 'catalog' | null;
}

function asCloud(cloud: string): CloudName | undefined {
  return (CLOUDS as readonly string[]).includes(cloud) ? (cloud as CloudName) : undefined;
}

function priceFor(o: Offering, lifecycle: NodeFacts['lifecycle']): number | null {
  return lifecycle === 'spot' ? (o.spotPricePerHour ?? o.onDemandPricePerHour) : o.onDemandPricePerHour;
}

/** Catalog look-ups, memoised: the catalog is large and the same few offerings are asked for again and again. */
export class Pricer {
  private readonly offerings = new Map<string, Offering | null>();
  private readonly mainOnly = new Map<string, number | null>();

  constructor(private readonly catalog: Catalog) {}

  /** The catalog offering of a node's instance type in its region (its zone's row when there is one). */
  offeringOf(f: NodeFacts): Offering | null {
    const key = `${f.cloud}|${f.region}|${f.zone}|${f.instanceType}`;
    if (!this.offerings.has(key)) this.offerings.set(key, this.lookup(f));
    return this.offerings.get(key) ?? null;
  }

  catalogPrice(f: NodeFacts): number | null {
    const o = this.offeringOf(f);
    return o ? priceFor(o, f.lifecycle) : null;
  }

  /**
   * What a node like this would cost in the main region: the cheapest main-region offering with at
   * least its vCPUs, memory and GPUs (same GPU model), same lifecycle. Null when the main region has none.
   */
  mainRegionPrice(f: NodeFacts, main: { cloud: string; region: string }): number | null {
    const o = this.offeringOf(f);
    const cloud = asCloud(main.cloud);
    if (!o || !cloud) return null;
    const key = `${main.cloud}|${main.region}|${o.vcpus}|${o.memoryGiB}|${o.gpuName}|${o.gpuCount}|${f.lifecycle}`;
    if (!this.mainOnly.has(key)) this.mainOnly.set(key, this.cheapestLike(o, cloud, main.region, f.lifecycle));
    return this.mainOnly.get(key) ?? null;
  }

  private lookup(f: NodeFacts): Offering | null {
    const cloud = asCloud(f.cloud);
    if (!cloud || f.instanceType === '' || f.region === '') return null;
    try {
      const rows = this.catalog
        .query({ cloud, region: f.region, instanceFamilies: { include: [instanceFamily(cloud, f.instanceType)] } })
        .filter((o) => o.instanceType === f.instanceType);
      return rows.find((o) => o.zone === f.zone) ?? rows[0] ?? null;
    } catch {
      return null;
    }
  }

  private cheapestLike(o: Offering, cloud: CloudName, region: string, lifecycle: NodeFacts['lifecycle']): number | null {
    try {
      const [best] = this.catalog.query({
        cloud,
        region,
        arch: o.arch,
        minCpu: o.vcpus,
        minMemoryGiB: o.memoryGiB,
        gpuName: o.gpuName === '' ? undefined : o.gpuName,
        minGpuCount: o.gpuCount > 0 ? o.gpuCount : undefined,
        lifecycle,
        limit: 1,
      });
      if (!best) return null;
      if (o.gpuCount === 0 && best.gpuCount > 0) return null;
      return priceFor(best, lifecycle);
    } catch {
      return null;
    }
  }
}
