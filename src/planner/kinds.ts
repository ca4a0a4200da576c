// Node kinds: every (template, location, offering, lifecycle) a new node could be, with its price,
// labels, taints and what it offers pods once the system reserve and daemonsets are taken.
import type { Catalog, Lifecycle, Offering } from '../catalog/types.ts';
import type { NodeTemplate, Taint } from '../apis/index.ts';
import type { DaemonSetSpec, Resources, UnavailableOffering } from './types.ts';
import type { PlanLocation } from './locations.ts';
import { compareStrings } from './locations.ts';
import { newNodeLabels, newNodeTaints } from './node-labels.ts';
import { templateFilter } from './template-filter.ts';
import { add, defaultAllocatable, subtract, zero } from './resources.ts';
import { matchesNodeConstraints, toleratesAll } from './labels.ts';

export interface NodeKind {
  index: number;
  template: NodeTemplate;
  location: PlanLocation;
  locationOrder: number;
  offering: Offering;
  lifecycle: Lifecycle;
  price: number;
  labels: Record<string, string>;
  taints: Taint[];
  /** Allocatable left for pending pods: default model minus daemonset requests. */
  capacity: Resources;
  /** Whole-machine size, counted against template limits. */
  size: { cpu: number; memory: number; gpu: number };
  unavailable: boolean;
  /** Same number for kinds with the same template, location and zone-presence (rules that depend only on those). */
  placeId: number;
}

export interface KindSet {
  /** Every kind, including unavailable ones, sorted by price then a stable identity. */
  all: NodeKind[];
  locations: PlanLocation[];
}

interface BuildContext {
  daemonSets: readonly DaemonSetSpec[];
  unavailable: readonly UnavailableOffering[];
}

export function buildKinds(
  catalog: Catalog,
  templates: readonly NodeTemplate[],
  locations: readonly PlanLocation[],
  ctx: BuildContext,
): KindSet {
  const kinds: NodeKind[] = [];
  locations.forEach((location, locationOrder) => {
    const offerings = catalog.query({
      locations: [
        {
          cloud: location.cloud,
          region: location.region,
          ...(location.zones ? { zones: location.zones } : {}),
        },
      ],
    });
    for (const template of templates) {
      if (!templateUsesLocation(template, location)) continue;
      const allowed = templateFilter(template);
      for (const offering of offerings) {
        if (!allowed(offering, location.edge)) continue;
        for (const lifecycle of lifecyclesFor(template, offering, ctx.unavailable)) {
          kinds.push(makeKind({ template, location, locationOrder, offering, lifecycle }, ctx));
        }
      }
    }
  });
  kinds.sort(compareKinds);
  const placeIds = new Map<string, number>();
  kinds.forEach((k, i) => {
    k.index = i;
    const key = `${k.template.metadata.name}|${k.location.name}|${k.offering.zone === ''}`;
    if (!placeIds.has(key)) placeIds.set(key, placeIds.size);
    k.placeId = placeIds.get(key) ?? 0;
  });
  return { all: kinds, locations: [...locations] };
}

function templateUsesLocation(template: NodeTemplate, location: PlanLocation): boolean {
  return location.edge ? template.spec.edgeLocations.includes(location.name) : template.spec.mainRegion;
}

/** Allowed lifecycles with a price. With useSpotFallbacks, On-Demand stands in where Spot is unavailable. */
function lifecyclesFor(
  template: NodeTemplate,
  offering: Offering,
  unavailable: readonly UnavailableOffering[],
): Lifecycle[] {
  const c = template.spec.constraints;
  const out: Lifecycle[] = [];
  const spotPossible = c.spot && offering.spotPricePerHour !== null;
  if (spotPossible) out.push('spot');
  const fallback = spotPossible && c.useSpotFallbacks && isUnavailable(offering, 'spot', unavailable);
  if ((c.onDemand || fallback) && offering.onDemandPricePerHour !== null) out.push('on-demand');
  return out;
}

export function isUnavailable(
  offering: Offering,
  lifecycle: Lifecycle,
  marks: readonly UnavailableOffering[],
): boolean {
  return marks.some(
    (m) =>
      m.cloud === offering.cloud &&
      m.region === offering.region &&
      (m.zone === undefined || m.zone === offering.zone) &&
      (m.instanceType === '*' || m.instanceType === offering.instanceType) &&
      (m.lifecycle === undefined || m.lifecycle === lifecycle),
  );
}

interface KindParts {
  template: NodeTemplate;
  location: PlanLocation;
  locationOrder: number;
  offering: Offering;
  lifecycle: Lifecycle;
}

function makeKind(parts: KindParts, ctx: BuildContext): NodeKind {
  const { template, location, offering, lifecycle } = parts;
  const labels = newNodeLabels(template, location, offering, lifecycle);
  const taints = newNodeTaints(template, location);
  const allocatable = defaultAllocatable(offering.vcpus, offering.memoryGiB, offering.gpuCount);
  const price = (lifecycle === 'spot' ? offering.spotPricePerHour : offering.onDemandPricePerHour) ?? 0;
  return {
    index: 0,
    template,
    location,
    locationOrder: parts.locationOrder,
    offering,
    lifecycle,
    placeId: 0,
    price,
    labels,
    taints,
    capacity: subtract(allocatable, daemonSetOverhead(ctx.daemonSets, labels, taints)),
    size: {
      cpu: Math.round(offering.vcpus * 1000),
      memory: Math.round(offering.memoryGiB * 2 ** 30),
      gpu: allocatable.gpu,
    },
    unavailable: isUnavailable(offering, lifecycle, ctx.unavailable),
  };
}

/** Requests of the daemonsets that would run on a node with these labels and taints. */
export function daemonSetOverhead(
  daemonSets: readonly DaemonSetSpec[],
  labels: Record<string, string>,
  taints: readonly Taint[],
): Resources {
  let total = zero();
  for (const ds of daemonSets) {
    if (!matchesNodeConstraints(labels, ds.nodeSelector, ds.affinityTerms)) continue;
    if (!toleratesAll(ds.tolerations, taints)) continue;
    total = add(total, ds.requests);
  }
  return total;
}

/** Price, then higher template weight, then a stable identity. */
function compareKinds(a: NodeKind, b: NodeKind): number {
  return (
    a.price - b.price ||
    b.template.spec.weight - a.template.spec.weight ||
    compareStrings(a.template.metadata.name, b.template.metadata.name) ||
    a.locationOrder - b.locationOrder ||
    compareStrings(a.offering.instanceType, b.offering.instanceType) ||
    compareStrings(a.offering.zone, b.offering.zone) ||
    compareStrings(a.lifecycle, b.lifecycle)
  );
}
