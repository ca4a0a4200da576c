// Plain Kubernetes objects for the evictor's tests.
import type { V1Namespace, V1Node, V1ObjectMeta, V1Pod, V1PodStatus, V1PodDisruptionBudget, V1Taint, V1Toleration, V1Volume } from '@kubernetes/client-node';
import { CoolDownLedger } from '../../src/controllers/evictor/cool-down.ts';
import type { PolicyInput } from '../../src/controllers/evictor/types.ts';

export const EDGE_TAINT: V1Taint = { key: 'virtual-node.omni.cast.ai/not-allowed', value: 'true', effect: 'NoExecute' };
export const EDGE_TOLERATION: V1Toleration = { key: 'virtual-node.omni.cast.ai/not-allowed', operator: 'Equal', value: 'true', effect: 'NoExecute' };

export interface NodeOpts {
  edge?: string;
  cpu?: string;
  memory?: string;
  unschedulable?: boolean;
  ready?: boolean;
  taints?: V1Taint[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export function node(name: string, o: NodeOpts = {}): V1Node {
  const labels: Record<string, string> = { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) };
  const taints = [...(o.taints ?? [])];
  if (o.edge) {
    labels['omni.cast.ai/edge-node'] = 'true';
    labels['omni.cast.ai/edge-location-name'] = o.edge;
    taints.push(EDGE_TAINT);
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, labels, annotations: o.annotations ?? {} },
    spec: { taints, unschedulable: o.unschedulable },
    status: {
      allocatable: { cpu: o.cpu ?? '4', memory: o.memory ?? '16Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }],
    },
  };
}

export interface PodOpts {
  node?: string;
  cpu?: string;
  memory?: string;
  namespace?: string;
  owner?: { kind: string; name: string } | null;
  tolerate?: boolean;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  volumes?: V1Volume[];
  phase?: string;
  ready?: boolean;
  deleting?: boolean;
  nodeSelector?: Record<string, string>;
}

function podMeta(name: string, o: PodOpts): V1ObjectMeta {
  const owner = o.owner === undefined ? { kind: 'ReplicaSet', name: 'web-abc' } : o.owner;
  return {
    name,
    namespace: o.namespace ?? 'default',
    uid: `uid-${name}`,
    labels: o.labels ?? { app: 'web' },
    annotations: o.annotations ?? {},
    ownerReferences: owner ? [{ apiVersion: 'apps/v1', kind: owner.kind, name: owner.name, uid: `uid-${owner.name}`, controller: true }] : [],
    deletionTimestamp: o.deleting ? new Date() : undefined,
  };
}

function podStatus(o: PodOpts): V1PodStatus {
  const phase = o.phase ?? (o.node ? 'Running' : 'Pending');
  const ready = o.ready ?? phase === 'Running';
  return { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] };
}

export function pod(name: string, o: PodOpts = {}): V1Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: podMeta(name, o),
    spec: {
      nodeName: o.node,
      containers: [{ name: 'c', resources: { requests: { cpu: o.cpu ?? '500m', memory: o.memory ?? '512Mi' } } }],
      tolerations: o.tolerate === false ? [] : [EDGE_TOLERATION],
      volumes: o.volumes,
      nodeSelector: o.nodeSelector,
    },
    status: podStatus(o),
  };
}

export function pdb(name: string, spec: { minAvailable?: number | string; maxUnavailable?: number | string; app?: string }): V1PodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace: 'default' },
    spec: { minAvailable: spec.minAvailable, maxUnavailable: spec.maxUnavailable, selector: { matchLabels: { app: spec.app ?? 'web' } } },
  };
}

export function namespace(name: string, labels: Record<string, string> = {}): V1Namespace {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export function input(nodes: V1Node[], pods: V1Pod[], more: Partial<PolicyInput> = {}): PolicyInput {
  return {
    nodes,
    pods,
    pdbs: [],
    namespaces: [namespace('default')],
    now: 1_000_000,
    coolDown: new CoolDownLedger(600_000),
    options: { maxEvictionsPerCycle: 100, coolDownSeconds: 600 },
    ...more,
  };
}

/** `count` pods of `cpu` each on `nodeName`, named `<prefix>-<i>`. */
export function podsOn(nodeName: string, count: number, o: PodOpts & { prefix?: string } = {}): V1Pod[] {
  return Array.from({ length: count }, (_, i) => pod(`${o.prefix ?? nodeName}-p${i}`, { ...o, node: nodeName }));
}
