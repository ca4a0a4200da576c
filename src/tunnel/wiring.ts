// Service wiring, pure: from the main cluster's Services/EndpointSlices (and which nodes are virtual, i.e.
// which edge location backs an endpoint) compute what each edge cluster and the main cluster need so that
// traffic takes the tunnel, plus the hub's allow-list and both gateways' listeners.
//  - edge E gets, for every service backed outside E, a selector-less Service of the same name and
//    namespace and an EndpointSlice pointing at E's spoke gateway (a listener port per service port);
//  - edge E gets, for every service backed by pods in E, the Service with its selector (local endpoints);
//  - main gets, for every service backed by edge pods, an EndpointSlice pointing at the hub's listeners.
import type { EndpointSlice, ObjectMeta, Service, ServicePort, SliceEndpoint } from './k8s-types.ts';
import { MANAGED_BY_LABEL, OMNI_MANAGER, SERVICE_NAME_LABEL } from './k8s-types.ts';
import type { Policy } from './policy.ts';
import { assignPorts, type PortRange } from './ports.ts';
import { serviceKey } from './service-key.ts';

export interface WiringInput {
  main: { services: readonly Service[]; endpointSlices: readonly EndpointSlice[] };
  /** Virtual node name (in main) → edge location. */
  virtualNodes: Readonly<Record<string, string>>;
  /** Edge locations and their spoke gateway's address inside the edge cluster. */
  edges: Readonly<Record<string, { gatewayAddress: string }>>;
  /** The hub gateway's address inside the main cluster. */
  hubAddress: string;
  /** Previous assignments, so listener ports stay put as services come and go. */
  previousPorts?: PortAssignments;
  portRange?: PortRange;
  excludeNamespaces?: readonly string[];
}

export interface PortAssignments {
  hub: Record<string, number>;
  spokes: Record<string, Record<string, number>>;
}

export interface GatewayListener {
  service: string;
  port: number;
}

export interface EdgeWiring {
  services: Service[];
  endpointSlices: EndpointSlice[];
  spoke: { listeners: GatewayListener[]; serves: string[] };
}

export interface WiringPlan {
  edges: Record<string, EdgeWiring>;
  main: { endpointSlices: EndpointSlice[]; hub: { listeners: GatewayListener[] } };
  policy: Policy;
  ports: PortAssignments;
  /** Service ports left out, with why (UDP/SCTP are not tunnelled). */
  skipped: string[];
}

export const DEFAULT_EXCLUDED_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease', 'castai-omni'];

/** Where a main Service's ready endpoints run. */
interface Backing {
  service: Service;
  tcpPorts: ServicePort[];
  inMain: boolean;
  locations: Set<string>;
}

function isExcluded(svc: Service, excluded: readonly string[]): boolean {
  const { namespace, name } = svc.metadata;
  return excluded.includes(namespace) || (namespace === 'default' && name === 'kubernetes') || svc.spec.type === 'ExternalName';
}

function backingOf(svc: Service, slices: readonly EndpointSlice[], virtualNodes: WiringInput['virtualNodes']): Backing {
  const b: Backing = { service: svc, tcpPorts: [], inMain: false, locations: new Set() };
  b.tcpPorts = (svc.spec.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP');
  const eps = slices
    .filter((s) => s.metadata.namespace === svc.metadata.namespace && s.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name)
    .filter((s) => s.metadata.labels?.[MANAGED_BY_LABEL] !== OMNI_MANAGER)
    .flatMap((s) => s.endpoints);
  for (const ep of eps) {
    if (ep.conditions?.ready === false) continue;
    const loc = ep.nodeName ? virtualNodes[ep.nodeName] : undefined;
    if (loc) b.locations.add(loc);
    else b.inMain = true;
  }
  return b;
}

const keysOf = (b: Backing): string[] =>
  b.tcpPorts.map((p) => serviceKey({ namespace: b.service.metadata.namespace, name: b.service.metadata.name, port: p.port }));

function meta(svc: Service, suffix?: string): ObjectMeta {
  const name = suffix ? `${svc.metadata.name}-${suffix}` : svc.metadata.name;
  const labels: Record<string, string> = { 'app.kubernetes.io/managed-by': 'omni' };
  if (suffix) Object.assign(labels, { [SERVICE_NAME_LABEL]: svc.metadata.name, [MANAGED_BY_LABEL]: OMNI_MANAGER });
  return { namespace: svc.metadata.namespace, name, labels };
}

/** Selector-less (endpoints come from omni's slice) unless the pods behind it are local. */
function mirrorService(b: Backing, keepSelector: boolean): Service {
  const spec: Service['spec'] = { ports: b.tcpPorts.map(({ targetPort: _t, ...p }) => ({ ...p })) };
  if (keepSelector && b.service.spec.selector) {
    spec.selector = { ...b.service.spec.selector };
    spec.ports = b.tcpPorts.map((p) => ({ ...p }));
  }
  return { apiVersion: 'v1', kind: 'Service', metadata: meta(b.service), spec };
}

/** An EndpointSlice sending every port of `b` to one gateway address, at that gateway's listener ports. */
function gatewaySlice(b: Backing, address: string, ports: Record<string, number>, suffix: string): EndpointSlice {
  const keys = keysOf(b);
  const endpoint: SliceEndpoint = { addresses: [address], conditions: { ready: true } };
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta(b.service, suffix),
    addressType: address.includes(':') ? 'IPv6' : 'IPv4',
    endpoints: [endpoint],
    ports: b.tcpPorts.map((p, i) => ({ name: p.name ?? '', port: ports[keys[i]], protocol: 'TCP' as const })),
  };
}

function skippedPorts(services: readonly Service[]): string[] {
  return services.flatMap((s) =>
    (s.spec.ports ?? [])
      .filter((p) => (p.protocol ?? 'TCP') !== 'TCP')
      .map((p) => `${s.metadata.namespace}/${s.metadata.name}:${p.port}/${p.protocol}: only TCP is tunnelled`),
  );
}

interface EdgeSpec {
  location: string;
  address: string;
  previous: Record<string, number>;
  range?: PortRange;
}

function wireEdge({ location, address, previous, range }: EdgeSpec, backings: readonly Backing[]): EdgeWiring & { ports: Record<string, number> } {
  const remote = backings.filter((b) => !b.locations.has(location) && (b.inMain || b.locations.size > 0));
  const local = backings.filter((b) => b.locations.has(location));
  const ports = assignPorts(remote.flatMap(keysOf), previous, range);
  return {
    services: [...remote.map((b) => mirrorService(b, false)), ...local.map((b) => mirrorService(b, true))],
    endpointSlices: remote.map((b) => gatewaySlice(b, address, ports, 'omni-spoke')),
    spoke: {
      listeners: Object.entries(ports).map(([service, port]) => ({ service, port })),
      serves: local.flatMap(keysOf).sort(),
    },
    ports,
  };
}

export function planWiring(input: WiringInput): WiringPlan {
  const excluded = input.excludeNamespaces ?? DEFAULT_EXCLUDED_NAMESPACES;
  const services = input.main.services.filter((s) => !isExcluded(s, excluded));
  const backings = services
    .map((s) => backingOf(s, input.main.endpointSlices, input.virtualNodes))
    .filter((b) => b.tcpPorts.length > 0);
  const edgeBacked = backings.filter((b) => b.locations.size > 0);
  const hubPorts = assignPorts(edgeBacked.flatMap(keysOf), input.previousPorts?.hub, input.portRange);
  const plan: WiringPlan = {
    edges: {},
    main: {
      endpointSlices: edgeBacked.map((b) => gatewaySlice(b, input.hubAddress, hubPorts, 'omni-hub')),
      hub: { listeners: Object.entries(hubPorts).map(([service, port]) => ({ service, port })) },
    },
    policy: { locations: {} },
    ports: { hub: hubPorts, spokes: {} },
    skipped: skippedPorts(services),
  };
  for (const [location, { gatewayAddress }] of Object.entries(input.edges).sort(([a], [b]) => a.localeCompare(b))) {
    const previous = input.previousPorts?.spokes[location] ?? {};
    const { ports, ...edge } = wireEdge({ location, address: gatewayAddress, previous, range: input.portRange }, backings);
    plan.edges[location] = edge;
    plan.ports.spokes[location] = ports;
    plan.policy.locations[location] = { allow: Object.keys(ports).sort(), serves: edge.spoke.serves };
  }
  return plan;
}
