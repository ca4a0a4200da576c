// DESIGN.md's default allocatable model, shared by simulated nodes (and mirrored by the planner).

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/** Tiers of [size, fraction reserved]; the last tier covers everything above. */
const CPU_TIERS: [number, number][] = [
  [1, 0.06],
  [1, 0.01],
  [2, 0.005],
  [Infinity, 0.0025],
];
const MEMORY_TIERS_GIB: [number, number][] = [
  [4, 0.25],
  [4, 0.2],
  [8, 0.1],
  [112, 0.06],
  [Infinity, 0.02],
];
export const EVICTION_THRESHOLD_BYTES = 100 * MIB;
export const MAX_PODS = 110;

function tiered(amount: number, tiers: [number, number][]): number {
  let left = amount;
  let reserved = 0;
  for (const [size, fraction] of tiers) {
    const part = Math.min(left, size);
    reserved += part * fraction;
    left -= part;
    if (left <= 0) break;
  }
  return reserved;
}

export function reservedCpuMillis(vcpus: number): number {
  return Math.round(tiered(vcpus, CPU_TIERS) * 1000);
}

export function reservedMemoryBytes(memoryGiB: number): number {
  return Math.round(tiered(memoryGiB, MEMORY_TIERS_GIB) * GIB) + EVICTION_THRESHOLD_BYTES;
}

export interface NodeResources {
  cpu: string;
  memory: string;
  pods: string;
  'ephemeral-storage': string;
  'nvidia.com/gpu'?: string;
}

export function nodeCapacity(vcpus: number, memoryGiB: number, diskGiB: number): NodeResources {
  return {
    cpu: String(vcpus),
    memory: `${Math.round(memoryGiB * 1024 * 1024)}Ki`,
    pods: String(MAX_PODS),
    'ephemeral-storage': `${diskGiB}Gi`,
  };
}

export function nodeAllocatable(vcpus: number, memoryGiB: number, diskGiB: number): NodeResources {
  const cpuMillis = vcpus * 1000 - reservedCpuMillis(vcpus);
  const memoryKi = Math.floor((memoryGiB * GIB - reservedMemoryBytes(memoryGiB)) / 1024);
  return {
    cpu: `${cpuMillis}m`,
    memory: `${memoryKi}Ki`,
    pods: String(MAX_PODS),
    'ephemeral-storage': `${diskGiB}Gi`,
  };
}
