import type { JsonObject } from '../../util/json.ts';
import { isDeleting, isPodReady, isTerminal, labelsOf, metaOf, nameOf, namespaceOf, specOf, statusOf, type Labels } from '../shared/pods.ts';

export interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  targetPort?: number | string;
  appProtocol?: string;
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
}

export interface PodEndpoint {
  pod: JsonObject;
  ip: string;
  ready: boolean;
  terminating: boolean;
  ports: EndpointPort[];
}

export function selectorOf(svc: JsonObject): Labels | undefined {
  const sel = specOf(svc).selector as Labels | undefined;
  return sel && Object.keys(sel).length > 0 ? sel : undefined;
}

export function selects(selector: Labels, pod: JsonObject): boolean {
  const labels = labelsOf(pod);
  for (const [k, v] of Object.entries(selector)) if (labels[k] !== v) return false;
  return true;
}

function containerPort(pod: JsonObject, name: string, protocol: string): number | undefined {
  for (const c of (specOf(pod).containers as JsonObject[] | undefined) ?? []) {
    const p = ((c.ports as JsonObject[] | undefined) ?? []).find((x) => x.name === name && (x.protocol ?? 'TCP') === protocol);
    if (p) return Number(p.containerPort);
  }
  return undefined;
}

/** Service ports resolved against one pod (named targetPorts looked up in its containers). */
export function resolvePorts(svc: JsonObject, pod: JsonObject): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of (specOf(svc).ports as ServicePort[] | undefined) ?? []) {
    const protocol = sp.protocol ?? 'TCP';
    const target = sp.targetPort ?? sp.port;
    const port = typeof target === 'number' ? target : /^\d+$/.test(target) ? Number(target) : containerPort(pod, target, protocol);
    if (port === undefined) continue;
    const ep: EndpointPort = { port, protocol };
    if (sp.name) ep.name = sp.name;
    out.push(ep);
  }
  return out;
}

/** The pods behind a Service: selected, with an IP, not finished; terminating ones flagged. */
export function podEndpoints(svc: JsonObject, pods: JsonObject[]): PodEndpoint[] {
  const selector = selectorOf(svc);
  if (!selector) return [];
  const publishNotReady = specOf(svc).publishNotReadyAddresses === true;
  return pods
    .filter((p) => selects(selector, p) && statusOf(p).podIP && !isTerminal(p))
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)))
    .map((p) => ({
      pod: p,
      ip: String(statusOf(p).podIP),
      ready: publishNotReady || (isPodReady(p) && !isDeleting(p)),
      terminating: isDeleting(p),
      ports: resolvePorts(svc, p),
    }));
}

export function targetRef(pod: JsonObject): JsonObject {
  return { kind: 'Pod', namespace: namespaceOf(pod), name: nameOf(pod), uid: metaOf(pod).uid };
}

function address(e: PodEndpoint): JsonObject {
  const a: JsonObject = { ip: e.ip, targetRef: targetRef(e.pod) };
  const node = specOf(e.pod).nodeName;
  if (node) a.nodeName = node;
  return a;
}

/** core/v1 Endpoints subsets: pods grouped by their resolved ports; terminating pods left out. */
export function endpointSubsets(eps: PodEndpoint[]): JsonObject[] {
  const groups = new Map<string, { ports: EndpointPort[]; ready: JsonObject[]; notReady: JsonObject[] }>();
  for (const e of eps) {
    if (e.terminating || e.ports.length === 0) continue;
    const key = JSON.stringify(e.ports);
    const g = groups.get(key) ?? { ports: e.ports, ready: [], notReady: [] };
    (e.ready ? g.ready : g.notReady).push(address(e));
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => {
    const subset: JsonObject = { ports: g.ports };
    if (g.ready.length) subset.addresses = g.ready;
    if (g.notReady.length) subset.notReadyAddresses = g.notReady;
    return subset;
  });
}

/** discovery.k8s.io/v1 endpoints of one slice. */
export function sliceEndpoints(eps: PodEndpoint[], zoneOf: (node: string) => string | undefined): JsonObject[] {
  return eps.map((e) => {
    const out: JsonObject = {
      addresses: [e.ip],
      conditions: { ready: e.ready && !e.terminating, serving: e.ready, terminating: e.terminating },
      targetRef: targetRef(e.pod),
    };
    const node = specOf(e.pod).nodeName as string | undefined;
    if (node) out.nodeName = node;
    const zone = node ? zoneOf(node) : undefined;
    if (zone) out.zone = zone;
    return out;
  });
}
