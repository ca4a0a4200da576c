import type { JsonObject } from '../util/json.ts';
import type { ClusterApi } from '../api/cluster-api.ts';
import { PAUSED, SIMULATED } from './annotations.ts';
import { allocatableFor, capacityFor, type NodeShape } from './allocatable.ts';

export interface NodeTaint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface SimulatedNodeOptions extends Partial<NodeShape> {
  /** How many nodes (default 1). */
  count?: number;
  /** Names are `<prefix><n>` with the lowest free n (default "sim-node-"). */
  namePrefix?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  taints?: NodeTaint[];
  /** Zones given round-robin to the nodes (label topology.kubernetes.io/zone). */
  zones?: string[];
  region?: string;
  instanceType?: string;
  arch?: string;
  /** Start with the kubelet paused (no heartbeats). */
  paused?: boolean;
}

interface HasApi {
  api: ClusterApi;
}

function nodeLabels(name: string, opts: SimulatedNodeOptions, index: number): Record<string, string> {
  const arch = opts.arch ?? 'amd64';
  const labels: Record<string, string> = {
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': arch,
    'beta.kubernetes.io/os': 'linux',
    'beta.kubernetes.io/arch': arch,
    'node.kubernetes.io/instance-type': opts.instanceType ?? `sim-${opts.cpu ?? 4}x${opts.memoryGiB ?? 16}`,
    type: 'kube-sim',
  };
  if (opts.region) labels['topology.kubernetes.io/region'] = opts.region;
  if (opts.zones?.length) labels['topology.kubernetes.io/zone'] = opts.zones[index % opts.zones.length];
  return { ...labels, ...(opts.labels ?? {}) };
}

/** The Node object of a simulated node: labels, taints, capacity and allocatable (DESIGN.md's model). */
export function simulatedNode(name: string, opts: SimulatedNodeOptions = {}, index = 0): JsonObject {
  const capacity = capacityFor({
    cpu: opts.cpu ?? 4,
    memoryGiB: opts.memoryGiB ?? 16,
    maxPods: opts.maxPods,
    ephemeralStorageGiB: opts.ephemeralStorageGiB,
    extended: opts.extended,
  });
  const annotations: Record<string, string> = {
    ...(opts.annotations ?? {}),
    [SIMULATED]: 'true',
    'node.alpha.kubernetes.io/ttl': '0',
  };
  if (opts.paused) annotations[PAUSED] = 'true';
  const spec: JsonObject = {};
  if (opts.taints?.length) spec.taints = opts.taints.map((t) => ({ ...t }));
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: nodeLabels(name, opts, index), annotations },
    spec,
    status: { capacity, allocatable: allocatableFor(capacity) },
  };
}

/** Creates simulated nodes; the simulated kubelet initializes them and keeps them Ready. */
export function addSimulatedNodes(sim: HasApi, opts: SimulatedNodeOptions = {}): JsonObject[] {
  const t = sim.api.resolve('', 'v1', 'nodes');
  const prefix = opts.namePrefix ?? 'sim-node-';
  const out: JsonObject[] = [];
  let n = 0;
  for (let i = 0; i < (opts.count ?? 1); i++) {
    while (sim.api.tryGet(t, undefined, `${prefix}${n}`)) n++;
    out.push(sim.api.create(t, undefined, simulatedNode(`${prefix}${n}`, opts, i)));
  }
  return out;
}

function setPaused(sim: HasApi, name: string, paused: boolean): JsonObject {
  const t = sim.api.resolve('', 'v1', 'nodes');
  return sim.api.mutate(t, { name }, (draft) => {
    const m = draft.metadata as JsonObject;
    const annotations = { ...((m.annotations as Record<string, string> | undefined) ?? {}) };
    if (paused) annotations[PAUSED] = 'true';
    else delete annotations[PAUSED];
    m.annotations = annotations;
  });
}

/** Stops a simulated node's kubelet: no more heartbeats, its pods are left as they are. */
export function pauseNode(sim: HasApi, name: string): JsonObject {
  return setPaused(sim, name, true);
}

export function resumeNode(sim: HasApi, name: string): JsonObject {
  return setPaused(sim, name, false);
}

/** Parses `--node-type 4x16` (vCPUs x GiB). */
export function parseNodeType(s: string): { cpu: number; memoryGiB: number } {
  const m = /^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)$/.exec(s.trim());
  if (!m) throw new Error(`node type must look like <cpu>x<memoryGiB>, such as 4x16; got "${s}"`);
  return { cpu: Number(m[1]), memoryGiB: Number(m[2]) };
}
