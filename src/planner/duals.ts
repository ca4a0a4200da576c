// Resource prices (cpu, memory) implied by a set of node kinds and a demand: the dual of the
// fractional covering problem "buy kinds so that their cpu and memory cover the demand". With two
// resources the dual is a 2-D linear program, solved exactly by checking every vertex.
// A pod group's value at these prices says what it really costs when mixed with the others.
import type { Resources } from './types.ts';

export interface ResourcePrices {
  cpu: number;
  memory: number;
}

interface Constraint {
  cpu: number;
  memory: number;
  price: number;
}

/** max demand·λ subject to capacity_k·λ ≤ price_k for every kind, λ ≥ 0. */
export function resourcePrices(
  capacities: readonly Resources[],
  prices: readonly number[],
  demand: Resources,
): ResourcePrices {
  const rows = undominated(capacities.map((c, i) => ({ cpu: c.cpu, memory: c.memory, price: prices[i] })));
  const vertices: ResourcePrices[] = [{ cpu: 0, memory: 0 }];
  for (const r of rows) {
    if (r.cpu > 0) vertices.push({ cpu: r.price / r.cpu, memory: 0 });
    if (r.memory > 0) vertices.push({ cpu: 0, memory: r.price / r.memory });
  }
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const v = intersect(rows[i], rows[j]);
      if (v) vertices.push(v);
    }
  }
  let best = vertices[0];
  let bestValue = -1;
  for (const v of vertices) {
    const value = demand.cpu * v.cpu + demand.memory * v.memory;
    if (value > bestValue + 1e-15 && feasible(rows, v)) {
      best = v;
      bestValue = value;
    }
  }
  return best;
}

/**
 * Drops a row when another gives at least as much cpu and memory per dollar: its constraint is then
 * implied (λ ≥ 0), so the vertices that matter are those of the remaining few.
 */
function undominated(rows: Constraint[]): Constraint[] {
  const perDollar = rows
    .filter((r) => r.price > 0)
    .map((r) => ({ r, cpu: r.cpu / r.price, memory: r.memory / r.price }))
    .sort((a, b) => b.cpu - a.cpu || b.memory - a.memory);
  const kept: Constraint[] = [];
  let bestMemory = -Infinity;
  for (const x of perDollar) {
    if (x.memory <= bestMemory) continue;
    bestMemory = x.memory;
    kept.push(x.r);
  }
  return kept;
}

function intersect(a: Constraint, b: Constraint): ResourcePrices | null {
  const det = a.cpu * b.memory - a.memory * b.cpu;
  if (Math.abs(det) < 1e-12) return null;
  const cpu = (a.price * b.memory - a.memory * b.price) / det;
  const memory = (a.cpu * b.price - a.price * b.cpu) / det;
  return cpu >= 0 && memory >= 0 ? { cpu, memory } : null;
}

function feasible(rows: readonly Constraint[], v: ResourcePrices): boolean {
  return rows.every((r) => r.cpu * v.cpu + r.memory * v.memory <= r.price * (1 + 1e-9) + 1e-15);
}
