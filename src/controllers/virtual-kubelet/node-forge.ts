import type { V1Node, V1NodeCondition, V1Taint } from '@kubernetes/client-node';
import { APPLIED_LABELS_ANNOTATION, LABELS, MIRRORED_LABEL_PREFIXES, MIRRORED_LABELS, PROVIDER_ID_SCHEME, VIRTUAL_NODE, VIRTUAL_NODE_TAINT } from './constants.ts';
import type { EdgeSpec } from './types.ts';

/** The edge cluster's health as the node mirror sees it. */
export interface Reachability {
  reachable: boolean;
  silentSeconds: number;
  error: string;
}

const PRESSURE = ['MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;

/** The instance id behind an edge node: its label, else the last segment of its providerID, else its name. */
export function instanceIdOf(node: V1Node): string {
  const label = node.metadata?.labels?.[LABELS.instanceId];
  if (label) return label;
  const pid = node.spec?.providerID ?? '';
  const last = pid.split('/').filter(Boolean).pop();
  return last && pid.includes('://') ? last : (node.metadata?.name ?? 'unknown');
}

export function providerIdFor(edge: string, node: V1Node): string {
  return `${PROVIDER_ID_SCHEME}${edge}/${instanceIdOf(node)}`;
}

function mirrored(key: string): boolean {
  return (MIRRORED_LABELS as readonly string[]).includes(key) || MIRRORED_LABEL_PREFIXES.some((p) => key.startsWith(p));
}

/** The labels omni owns on a virtual node (DESIGN.md's contract plus the edge node's topology). */
export function virtualNodeLabels(edgeNode: V1Node, edge: EdgeSpec): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(edgeNode.metadata?.labels ?? {})) if (mirrored(k)) out[k] = v;
  out['topology.kubernetes.io/region'] ??= edge.region;
  out['kubernetes.io/arch'] ??= 'amd64';
  out['kubernetes.io/os'] ??= 'linux';
  return {
    ...out,
    'kubernetes.io/hostname': edgeNode.metadata?.name ?? '',
    [LABELS.liqoType]: VIRTUAL_NODE,
    [LABELS.omniType]: VIRTUAL_NODE,
    [LABELS.edgeNode]: 'true',
    [LABELS.edgeLocation]: edge.name,
    [LABELS.cloud]: edge.cloud,
  };
}

function condition(edgeNode: V1Node, type: string): V1NodeCondition | undefined {
  return edgeNode.status?.conditions?.find((c) => c.type === type);
}

/** Ready as a real kubelet's node would show it: Unknown when the edge is silent, the edge's own verdict otherwise. */
export function readyCondition(edgeNode: V1Node | undefined, r: Reachability): Omit<V1NodeCondition, 'lastHeartbeatTime' | 'lastTransitionTime'> {
  if (!r.reachable) {
    const why = r.error ? `: ${r.error}` : '';
    return { type: 'Ready', status: 'Unknown', reason: 'EdgeClusterUnreachable', message: `the edge cluster stopped answering${why}` };
  }
  const ready: V1NodeCondition = (edgeNode && condition(edgeNode, 'Ready')) || { type: 'Ready', status: 'Unknown', reason: 'no Ready condition' };
  if (ready.status === 'True') return { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'edge node is ready and its edge cluster answers' };
  return { type: 'Ready', status: ready.status === 'False' ? 'False' : 'Unknown', reason: 'EdgeNodeNotReady', message: `edge node is not ready: ${[ready.reason, ready.message].filter(Boolean).join(' ')}` };
}

function pressure(edgeNode: V1Node | undefined, type: string, r: Reachability): Omit<V1NodeCondition, 'lastHeartbeatTime' | 'lastTransitionTime'> {
  if (!r.reachable) return { type, status: 'Unknown', reason: 'EdgeClusterUnreachable', message: 'the edge cluster does not answer' };
  const c = edgeNode && condition(edgeNode, type);
  return { type, status: c?.status ?? 'False', reason: c?.reason ?? 'EdgeNodeReported', message: c?.message ?? '' };
}

/** Conditions with heartbeat now and transition times kept from the current node when unchanged. */
export function nodeConditions(edgeNode: V1Node | undefined, current: V1Node | undefined, r: Reachability, now: Date): V1NodeCondition[] {
  const wanted = [...PRESSURE.map((t) => pressure(edgeNode, t, r)), readyCondition(edgeNode, r)];
  return wanted.map((c) => {
    const prev = current?.status?.conditions?.find((x) => x.type === c.type);
    const lastTransitionTime = prev && prev.status === c.status && prev.lastTransitionTime ? prev.lastTransitionTime : now;
    return { ...c, lastHeartbeatTime: now, lastTransitionTime };
  });
}

/** The status of a virtual node: the edge node's capacity, allocatable, node info and addresses. */
export function virtualNodeStatus(edgeNode: V1Node | undefined, current: V1Node | undefined, r: Reachability, now: Date): V1Node['status'] {
  const src = edgeNode?.status ?? current?.status ?? {};
  return {
    capacity: src.capacity,
    allocatable: src.allocatable,
    nodeInfo: src.nodeInfo,
    addresses: src.addresses,
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    conditions: nodeConditions(edgeNode, current, r, now),
  };
}

export function hasVirtualTaint(taints: V1Taint[] | undefined): boolean {
  return (taints ?? []).some((t) => t.key === VIRTUAL_NODE_TAINT.key && t.effect === VIRTUAL_NODE_TAINT.effect);
}

/** A new virtual node for `edgeNode`. */
export function newVirtualNode(edgeNode: V1Node, edge: EdgeSpec): V1Node {
  const labels = virtualNodeLabels(edgeNode, edge);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: edgeNode.metadata?.name, labels, annotations: { [APPLIED_LABELS_ANNOTATION]: Object.keys(labels).sort().join(',') } },
    spec: { providerID: providerIdFor(edge.name, edgeNode), taints: [{ ...VIRTUAL_NODE_TAINT }] },
  };
}

/** Condition identity without timestamps: what decides whether a status write is needed. */
export function statusFingerprint(status: V1Node['status'] | undefined): string {
  const conditions = (status?.conditions ?? []).map((c) => [c.type, c.status, c.reason, c.message]).sort();
  return JSON.stringify([status?.capacity, status?.allocatable, status?.nodeInfo, status?.addresses, conditions]);
}
