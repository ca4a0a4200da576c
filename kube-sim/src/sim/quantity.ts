/** Kubernetes resource quantities ("500m", "16Gi", "1e3") as plain numbers in base units. */

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/;

/** The value of a quantity in base units (cores, bytes, count); NaN when it does not parse. */
export function parseQuantity(q: unknown): number {
  if (typeof q === 'number') return q;
  if (typeof q !== 'string') return NaN;
  const m = QUANTITY.exec(q.trim());
  if (!m) return NaN;
  const mult = SUFFIX[m[2]];
  if (mult === undefined) return NaN;
  return Number(m[1]) * mult;
}

/** The scheduler's unit for a resource: millicores for cpu, the base unit (rounded up) for the rest. */
export function resourceUnits(resource: string, q: unknown): number {
  const v = parseQuantity(q);
  if (!Number.isFinite(v)) return 0;
  return resource === 'cpu' ? Math.ceil(v * 1000 - 1e-6) : Math.ceil(v - 1e-6);
}

export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

/** Memory as the kubelet reports it: whole Ki. */
export function formatKi(bytes: number): string {
  return `${Math.floor(bytes / 1024)}Ki`;
}
