// Kubernetes resource quantities ("500m", "2Gi", "1e3", "1.5") as plain numbers.

const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SUFFIXES: Record<string, number> = {
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
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

export class QuantityError extends Error {}

/** True when `value` is a valid Kubernetes quantity (a string in the canonical grammar, or a finite number). */
export function isQuantity(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && QUANTITY.test(value.trim());
}

/** The quantity's value in base units (cores, bytes, GPUs). Throws QuantityError on bad syntax. */
export function parseQuantity(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new QuantityError(`"${value}" is not a quantity`);
    return value;
  }
  const match = QUANTITY.exec(value.trim());
  if (!match) throw new QuantityError(`"${value}" is not a Kubernetes quantity (e.g. 500m, 2Gi, 1e3, 1.5)`);
  const [, digits, exponent, suffix] = match;
  const base = Number(digits);
  if (exponent) return base * 10 ** Number(exponent.slice(1));
  const unit = suffix ?? '';
  return base * (BINARY_SUFFIXES[unit] ?? DECIMAL_SUFFIXES[unit] ?? 1);
}

/** CPU quantity in millicores, rounded up as the kubelet does (a request of 0.1m counts as 1m). */
export function cpuMillis(value: string | number): number {
  return Math.ceil(Math.round(parseQuantity(value) * 1e6) / 1e3);
}

/** Byte quantity (memory, storage), rounded up to whole bytes. */
export function bytes(value: string | number): number {
  return Math.ceil(parseQuantity(value) - 1e-9);
}

const GIB = 2 ** 30;

/** Formats bytes for people: "1.5Gi", "512Mi". */
export function formatBytes(value: number): string {
  if (value >= GIB) return `${trim(value / GIB)}Gi`;
  if (value >= 2 ** 20) return `${trim(value / 2 ** 20)}Mi`;
  if (value >= 2 ** 10) return `${trim(value / 2 ** 10)}Ki`;
  return String(value);
}

/** Formats millicores for people: "250m", "2". */
export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

function trim(n: number): string {
  return String(Math.round(n * 100) / 100);
}
