// Endpoints of `namespace/name:port` from Services and EndpointSlices, as kube-proxy would pick them:
// slices labelled with the service name, the slice port whose name matches the Service port's name,
// ready endpoints only. A controller watching the API feeds `SliceResolver.update`.
import type { EndpointSlice, Service, ServicePort, SliceEndpoint } from './k8s-types.ts';
import { MANAGED_BY_LABEL, OMNI_MANAGER, SERVICE_NAME_LABEL } from './k8s-types.ts';
import type { Endpoint, EndpointResolver } from './resolver.ts';
import { serviceKey } from './service-key.ts';

export interface SliceFilter {
  /** Skip endpoints on these nodes (e.g. virtual nodes, whose pod IPs are not reachable from here). */
  skipNode?: (nodeName: string) => boolean;
}

/** Slices by `namespace/service`, minus the ones omni itself wrote (they point at a gateway, not at pods). */
function slicesByService(slices: readonly EndpointSlice[]): Map<string, EndpointSlice[]> {
  const out = new Map<string, EndpointSlice[]>();
  for (const s of slices) {
    const svc = s.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!svc || s.metadata.labels?.[MANAGED_BY_LABEL] === OMNI_MANAGER) continue;
    const key = `${s.metadata.namespace}/${svc}`;
    out.set(key, [...(out.get(key) ?? []), s]);
  }
  return out;
}

function usable(ep: SliceEndpoint, filter: SliceFilter): boolean {
  if (ep.conditions?.ready === false) return false;
  return !(ep.nodeName && filter.skipNode?.(ep.nodeName));
}

function endpointsForPort(
  port: ServicePort,
  slices: readonly EndpointSlice[],
  filter: SliceFilter,
): Endpoint[] {
  const out: Endpoint[] = [];
  for (const slice of slices) {
    const sp = (slice.ports ?? []).find((p) => (p.name ?? '') === (port.name ?? ''));
    if (slice.addressType === 'FQDN' || !sp?.port) continue;
    const target = sp.port;
    const eps = slice.endpoints.filter((ep) => usable(ep, filter));
    out.push(...eps.flatMap((ep) => ep.addresses.map((host) => ({ host, port: target }))));
  }
  return out;
}

/** `namespace/name:port` → ready endpoints, for every TCP port of every Service. */
export function endpointMap(
  services: readonly Service[],
  slices: readonly EndpointSlice[],
  filter: SliceFilter = {},
): Map<string, Endpoint[]> {
  const map = new Map<string, Endpoint[]>();
  const bySvc = slicesByService(slices);
  for (const svc of services) {
    const mine = bySvc.get(`${svc.metadata.namespace}/${svc.metadata.name}`) ?? [];
    for (const port of svc.spec.ports ?? []) {
      if ((port.protocol ?? 'TCP') !== 'TCP') continue;
      const key = serviceKey({ namespace: svc.metadata.namespace, name: svc.metadata.name, port: port.port });
      map.set(key, endpointsForPort(port, mine, filter));
    }
  }
  return map;
}

export class SliceResolver implements EndpointResolver {
  private map = new Map<string, Endpoint[]>();

  constructor(private readonly filter: SliceFilter = {}) {}

  update(services: readonly Service[], slices: readonly EndpointSlice[]): void {
    this.map = endpointMap(services, slices, this.filter);
  }

  resolve(service: string): Endpoint[] {
    return this.map.get(service) ?? [];
  }
}
