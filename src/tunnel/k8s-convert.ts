import type { V1EndpointSlice, V1Service } from '@kubernetes/client-node';
import type { EndpointSlice, Service, ServicePort, SlicePort } from './k8s-types.ts';

type Protocol = ServicePort['protocol'];

/** client-node's Service as the tunnel's wiring model reads it. */
export function toWiringService(s: V1Service): Service {
  const spec = s.spec ?? {};
  return {
    metadata: {
      namespace: s.metadata?.namespace ?? '',
      name: s.metadata?.name ?? '',
      labels: s.metadata?.labels,
    },
    spec: {
      type: spec.type,
      selector: spec.selector,
      clusterIP: spec.clusterIP,
      ports: spec.ports?.map((p) => ({
        name: p.name,
        port: p.port,
        protocol: p.protocol as Protocol,
        targetPort: p.targetPort,
        appProtocol: p.appProtocol,
      })),
    },
  };
}

export function toWiringSlice(s: V1EndpointSlice): EndpointSlice {
  return {
    metadata: {
      namespace: s.metadata?.namespace ?? '',
      name: s.metadata?.name ?? '',
      labels: s.metadata?.labels,
    },
    addressType: s.addressType as EndpointSlice['addressType'],
    endpoints: (s.endpoints ?? []).map((e) => ({
      addresses: e.addresses,
      conditions: e.conditions,
      nodeName: e.nodeName,
    })),
    ports: s.ports?.map((p) => ({
      name: p.name,
      port: p.port,
      protocol: p.protocol as SlicePort['protocol'],
      appProtocol: p.appProtocol,
    })),
  };
}
