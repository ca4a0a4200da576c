// Resource vectors and DESIGN.md's default allocatable model.
import type { Resources } from './types.ts';

export const RESOURCE_NAMES = ['cpu', 'memory', 'ephemeral', 'gpu', 'pods'] as const;
export type ResourceName = (typeof RESOURCE_NAMES)[number];

const GIB = 2 ** 30;
const MIB = 2 ** 20;

export const MAX_PODS = 110;
/** Boot disk assumed for every new node (the catalog has no disk sizes). */
export const NODE_DISK_BYTES = 100 * GIB;
/** Share of the disk kept free by the kubelet's nodefs eviction threshold. */
export const DISK_EVICTION_SHARE = 0.1;

export function zero(): Resources {
  return { cpu: 0, memory: 0, ephemeral: 0, gpu: 0, pods: 0 };
}

export function add(a: Resources, b: Resources): Resources {
  return {
    cpu: a.cpu + b.cpu,
    memory: a.memory + b.memory,
    ephemeral: a.ephemeral + b.ephemeral,
    gpu: a.gpu + b.gpu,
    pods: a.pods + b.pods,
  };
}

export function subtract(a: Resources, b: Resources): Resources {
  return {
    cpu: a.cpu - b.cpu,
    memory: a.memory - b.memory,
    ephemeral: a.ephemeral - b.ephemeral,
    gpu: a.gpu - b.gpu,
    pods: a.pods - b.pods,
  };
}

export function scale(a: Resources, n: number): Resources {
  return {
    cpu: a.cpu * n,
    memory: a.memory * n,
    ephemeral: a.ephemeral * n,
    gpu: a.gpu * n,
    pods: a.pods * n,
  };
}

export function fits(request: Resources, free: Resources): boolean {
  return (
    request.cpu <= free.cpu &&
    request.memory <= free.memory &&
    request.ephemeral <= free.ephemeral &&
    request.gpu <= free.gpu &&
    request.pods <= free.pods
  );
}

/** How many copies of `request` fit in `free` (pods always request one slot, so this is finite). */
export function copiesThatFit(request: Resources, free: Resources): number {
  const n = Math.min(
    copiesOf(request.cpu, free.cpu),
    copiesOf(request.memory, free.memory),
    copiesOf(request.ephemeral, free.ephemeral),
    copiesOf(request.gpu, free.gpu),
    copiesOf(request.pods, free.pods),
  );
  return n === Infinity ? 0 : Math.max(0, n);
}

function copiesOf(request: number, free: number): number {
  if (request > 0) return Math.floor(free / request);
  return free < 0 ? 0 : Infinity;
}

/** Millicores the kubelet and system keep: 6% of core 1, 1% of core 2, 0.5% of cores 3–4, 0.25% above. */
export function reservedCpuMillis(vcpus: number): number {
  const tiers: [number, number][] = [
    [1, 0.06],
    [1, 0.01],
    [2, 0.005],
    [Infinity, 0.0025],
  ];
  return Math.ceil(tiered(vcpus, tiers) * 1000);
}

/** Bytes kept: 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6% of the next 112, 2% above, + 100 MiB. */
export function reservedMemoryBytes(memoryBytes: number): number {
  const tiers: [number, number][] = [
    [4 * GIB, 0.25],
    [4 * GIB, 0.2],
    [8 * GIB, 0.1],
    [112 * GIB, 0.06],
    [Infinity, 0.02],
  ];
  return Math.ceil(tiered(memoryBytes, tiers)) + 100 * MIB;
}

function tiered(amount: number, tiers: [number, number][]): number {
  let left = amount;
  let total = 0;
  for (const [size, share] of tiers) {
    const part = Math.min(left, size);
    total += part * share;
    left -= part;
    if (left <= 0) break;
  }
  return total;
}

/** Allocatable of a new node of this shape before daemonsets. */
export function defaultAllocatable(vcpus: number, memoryGiB: number, gpuCount: number): Resources {
  const cpu = Math.round(vcpus * 1000);
  const memory = Math.round(memoryGiB * GIB);
  return {
    cpu: Math.max(0, cpu - reservedCpuMillis(vcpus)),
    memory: Math.max(0, memory - reservedMemoryBytes(memory)),
    ephemeral: Math.floor(NODE_DISK_BYTES * (1 - DISK_EVICTION_SHARE)),
    gpu: Math.floor(gpuCount + 1e-9),
    pods: MAX_PODS,
  };
}
