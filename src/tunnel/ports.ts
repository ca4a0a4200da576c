// Stable listener-port assignment: keys keep the port they had; new keys take the lowest free port.
export interface PortRange {
  from: number;
  to: number;
}

export const DEFAULT_PORT_RANGE: PortRange = { from: 20000, to: 29999 };

function keepPrevious(keys: readonly string[], previous: Readonly<Record<string, number>>, range: PortRange): Record<string, number> {
  const out: Record<string, number> = {};
  const used = new Set<number>();
  for (const k of keys) {
    const p = previous[k];
    if (p === undefined || p < range.from || p > range.to || used.has(p)) continue;
    out[k] = p;
    used.add(p);
  }
  return out;
}

export function assignPorts(
  keys: readonly string[],
  previous: Readonly<Record<string, number>> = {},
  range: PortRange = DEFAULT_PORT_RANGE,
): Record<string, number> {
  const wanted = [...new Set(keys)].sort();
  const out = keepPrevious(wanted, previous, range);
  const used = new Set(Object.values(out));
  let next = range.from;
  for (const k of wanted.filter((key) => out[key] === undefined)) {
    while (used.has(next)) next++;
    if (next > range.to) throw new Error(`port range ${range.from}-${range.to} exhausted`);
    out[k] = next;
    used.add(next);
  }
  return out;
}
