/** RFC 3339 with second precision, as metav1.Time serializes. */
export function rfc3339(ms: number | Date): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** RFC 3339 with microseconds, as metav1.MicroTime serializes (Lease renewTime, Event eventTime). */
export function microTime(ms: number | Date): string {
  return new Date(ms).toISOString().replace(/\.(\d+)Z$/, (_, f: string) => `.${f.padEnd(6, '0')}Z`);
}

/** Turns Date values into RFC 3339 strings, recursively, so JSON patches carry what the API expects. */
export function jsonDates<T>(v: T): T {
  if (v instanceof Date) return rfc3339(v) as T;
  if (Array.isArray(v)) return v.map((x: unknown) => jsonDates(x)) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = jsonDates(x);
    return out as T;
  }
  return v;
}
