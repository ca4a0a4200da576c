import { formatCpu, formatKi, parseQuantity } from './quantity.ts';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

/** [size of the band, reserved fraction] from the first unit upwards; the last band is open-ended. */
const CPU_BANDS: [number, number][] = [
  [1, 0.06],
  [1, 0.01],
  [2, 0.005],
  [Infinity, 0.0025],
];
const MEMORY_BANDS: [number, number][] = [
  [4 * GiB, 0.25],
  [4 * GiB, 0.2],
  [8 * GiB, 0.1],
  [112 * GiB, 0.06],
  [Infinity, 0.02],
];
const EVICTION_THRESHOLD = 100 * MiB;
export const DEFAULT_MAX_PODS = 110;
export const DEFAULT_EPHEMERAL_STORAGE = 100 * GiB;

function banded(total: number, bands: [number, number][]): number {
  let left = total;
  let reserved = 0;
  for (const [size, fraction] of bands) {
    const part = Math.min(left, size);
    reserved += part * fraction;
    left -= part;
    if (left <= 0) break;
  }
  return reserved;
}

/** DESIGN.md's default model: reserved millicores for a node of `cores`. */
export function reservedCpuMillis(cores: number): number {
  return Math.ceil(banded(cores, CPU_BANDS) * 1000);
}

/** Reserved memory bytes (kube-reserved plus the eviction threshold) for a node of `bytes`. */
export function reservedMemoryBytes(bytes: number): number {
  return Math.ceil(banded(bytes, MEMORY_BANDS)) + EVICTION_THRESHOLD;
}

/** Allocatable from capacity: the model for cpu and memory, 10% eviction headroom on ephemeral storage. */
export function allocatableFor(capacity: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...capacity };
  const cores = parseQuantity(capacity.cpu);
  if (Number.isFinite(cores)) out.cpu = formatCpu(Math.max(0, Math.round(cores * 1000) - reservedCpuMillis(cores)));
  const mem = parseQuantity(capacity.memory);
  if (Number.isFinite(mem)) out.memory = formatKi(Math.max(0, mem - reservedMemoryBytes(mem)));
  const eph = parseQuantity(capacity['ephemeral-storage']);
  if (Number.isFinite(eph)) out['ephemeral-storage'] = String(Math.floor(eph * 0.9));
  return out;
}

export interface NodeShape {
  cpu: number;
  memoryGiB: number;
  maxPods?: number;
  ephemeralStorageGiB?: number;
  /** Extended resources such as {"nvidia.com/gpu": 1}. */
  extended?: Record<string, number>;
}

export function capacityFor(shape: NodeShape): Record<string, string> {
  const cap: Record<string, string> = {
    cpu: formatCpu(Math.round(shape.cpu * 1000)),
    memory: formatKi(shape.memoryGiB * GiB),
    pods: String(shape.maxPods ?? DEFAULT_MAX_PODS),
    'ephemeral-storage': formatKi((shape.ephemeralStorageGiB ?? DEFAULT_EPHEMERAL_STORAGE / GiB) * GiB),
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
  };
  for (const [k, v] of Object.entries(shape.extended ?? {})) cap[k] = String(v);
  return cap;
}
