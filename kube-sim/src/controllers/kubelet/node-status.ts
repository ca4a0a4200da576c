import type { JsonObject } from '../../util/json.ts';
import { rfc3339 } from '../../util/clock.ts';
import { allocatableFor, capacityFor } from '../../sim/allocatable.ts';
import { statusOf } from '../shared/pods.ts';

export const KUBELET_VERSION = 'v1.31.0';

const CONDITIONS: [string, string, string, string][] = [
  ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

/** The conditions a healthy kubelet posts; transition times kept where the status did not change. */
export function healthyConditions(old: JsonObject[], now: number): JsonObject[] {
  const ts = rfc3339(now);
  return CONDITIONS.map(([type, status, reason, message]) => {
    const prev = old.find((c) => c.type === type);
    const since = prev && prev.status === status ? prev.lastTransitionTime : ts;
    return { type, status, reason, message, lastHeartbeatTime: ts, lastTransitionTime: since };
  });
}

export function isHealthy(node: JsonObject): boolean {
  const conds = (statusOf(node).conditions as JsonObject[] | undefined) ?? [];
  return CONDITIONS.every(([type, status]) => conds.some((c) => c.type === type && c.status === status));
}

function nodeInfo(name: string, arch: string, version: string): JsonObject {
  return {
    architecture: arch,
    bootID: '',
    containerRuntimeVersion: 'containerd://1.7.22-kube-sim',
    kernelVersion: '6.1.0-kube-sim',
    kubeProxyVersion: version,
    kubeletVersion: version,
    machineID: name,
    operatingSystem: 'linux',
    osImage: 'kube-sim simulated node',
    systemUUID: name,
  };
}

/** Fills what a kubelet reports at registration, keeping whatever the Node already carries. */
export function initializedStatus(node: JsonObject, hostIP: string, now: number, version = KUBELET_VERSION): JsonObject {
  const name = String((node.metadata as JsonObject).name);
  const labels = ((node.metadata as JsonObject).labels as Record<string, string> | undefined) ?? {};
  const status = { ...statusOf(node) };
  status.capacity ??= capacityFor({ cpu: 4, memoryGiB: 16 });
  status.allocatable ??= allocatableFor(status.capacity as Record<string, string>);
  status.conditions = healthyConditions((status.conditions as JsonObject[] | undefined) ?? [], now);
  status.addresses ??= [
    { type: 'InternalIP', address: hostIP },
    { type: 'Hostname', address: name },
  ];
  status.daemonEndpoints = { kubeletEndpoint: { Port: 10250 } };
  status.nodeInfo = { ...nodeInfo(name, labels['kubernetes.io/arch'] ?? 'amd64', version), ...((status.nodeInfo as JsonObject | undefined) ?? {}), kubeletVersion: version };
  status.images ??= [];
  return status;
}

export function internalIP(node: JsonObject): string | undefined {
  const addrs = (statusOf(node).addresses as JsonObject[] | undefined) ?? [];
  return addrs.find((a) => a.type === 'InternalIP')?.address as string | undefined;
}
