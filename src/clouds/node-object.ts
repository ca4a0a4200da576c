// The Node object a booted instance registers: labels from the join contract plus the facts of
// the instance, capacity/allocatable per the default allocatable model.

import type { V1Node } from '@kubernetes/client-node';
import { instanceTypeLabel } from '../apis/labels.ts';
import type { Arch, CloudName, Lifecycle } from '../catalog/types.ts';
import { nodeAllocatable, nodeCapacity } from './allocatable.ts';
import type { JoinContract } from './join.ts';

export const SIMULATED_ANNOTATION = 'kube-sim.omni.cast.ai/simulated';
const DEFAULT_DISK_GIB = 100;

export interface NodeSpecForRegistration {
  cloud: CloudName;
  instanceId: string;
  instanceType: string;
  region: string;
  zone: string;
  arch: Arch;
  vcpus: number;
  memoryGiB: number;
  gpuName: string;
  gpuCount: number;
  lifecycle: Lifecycle;
  edgeLocation?: string;
  diskGiB?: number;
}

export function providerIdOf(spec: NodeSpecForRegistration): string {
  if (spec.edgeLocation) return `castai-omni://${spec.edgeLocation}/${spec.instanceId}`;
  return `${spec.cloud}://${spec.region}/${spec.zone}/${spec.instanceId}`;
}

function labelsOf(join: JoinContract, spec: NodeSpecForRegistration, gpu: boolean): Record<string, string> {
  const labels: Record<string, string> = {
    ...join.labels,
    'kubernetes.io/hostname': join.nodeName,
    'kubernetes.io/arch': spec.arch,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': instanceTypeLabel(spec.instanceType),
    'topology.kubernetes.io/region': spec.region,
    'topology.kubernetes.io/zone': spec.zone,
    'omni.cast.ai/cloud': spec.cloud,
    'omni.cast.ai/lifecycle': spec.lifecycle,
  };
  if (spec.lifecycle === 'spot') labels['scheduling.cast.ai/spot'] = 'true';
  if (spec.edgeLocation) {
    labels['omni.cast.ai/edge-node'] = 'true';
    labels['omni.cast.ai/edge-location-name'] = spec.edgeLocation;
  }
  if (gpu) labels['nvidia.com/gpu.product'] = spec.gpuName;
  return labels;
}

/** GPU resources appear only when the node has GPUs and its user data installed the driver. */
export function buildNode(join: JoinContract, spec: NodeSpecForRegistration): V1Node {
  const gpu = spec.gpuCount > 0 && join.installGpuDriver;
  const disk = spec.diskGiB ?? DEFAULT_DISK_GIB;
  const capacity: Record<string, string> = { ...nodeCapacity(spec.vcpus, spec.memoryGiB, disk) };
  const allocatable: Record<string, string> = { ...nodeAllocatable(spec.vcpus, spec.memoryGiB, disk) };
  if (gpu) {
    capacity['nvidia.com/gpu'] = String(spec.gpuCount);
    allocatable['nvidia.com/gpu'] = String(spec.gpuCount);
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: join.nodeName,
      labels: labelsOf(join, spec, gpu),
      annotations: { [SIMULATED_ANNOTATION]: 'true' },
    },
    spec: {
      providerID: providerIdOf(spec),
      taints: join.taints.map((t) => ({ key: t.key, value: t.value, effect: t.effect })),
    },
    status: { capacity, allocatable },
  };
}
