// The one way a catalog offering becomes a LiveOffering: its key, facts, a lifecycle's price and availability.
import type { Lifecycle, Offering } from '../catalog/types.ts';
import type { LiveOffering, OfferingFilter } from './types.ts';

/** The lifecycles a listing asks for: the filter's, or both. */
export function lifecyclesOf(filter: OfferingFilter): Lifecycle[] {
  return filter.lifecycle ? [filter.lifecycle] : ['on-demand', 'spot'];
}

export function toLiveOffering(
  o: Offering,
  lifecycle: Lifecycle,
  pricePerHour: number,
  available: boolean,
): LiveOffering {
  const { cloud, region, zone, instanceType, arch, vcpus, memoryGiB, gpuName, gpuCount } = o;
  return {
    region,
    zone,
    instanceType,
    lifecycle,
    cloud,
    arch,
    vcpus,
    memoryGiB,
    gpuName,
    gpuCount,
    pricePerHour,
    available,
  };
}

/** The catalog's price for a lifecycle (null when the offering is not sold that way). */
export function catalogPrice(o: Offering, lifecycle: Lifecycle): number | null {
  return lifecycle === 'spot' ? o.spotPricePerHour : o.onDemandPricePerHour;
}
