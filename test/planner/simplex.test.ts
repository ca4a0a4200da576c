// The planner's simplex against HiGHS (the reference solver) on seeded random LPs of the shapes the
// planner builds: covering masters (≥ rows, columns added between solves), bounded packings (≤ rows,
// upper bounds), and mixed rows with equalities; plus infeasible and unbounded cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LinearProgram, type RowSense } from '../../src/planner/lp/simplex.ts';
import { highsSolve } from './support/highs.ts';
import { between, seeded, type Random } from './support/random.ts';

interface RandomLp {
  senses: RowSense[];
  rhs: number[];
  columns: { cost: number; rows: number[]; values: number[]; upper: number }[];
  maximize: boolean;
}

function lpText(lp: RandomLp): string {
  const name = (j: number): string => `x${j}`;
  const objective = lp.columns.map((c, j) => `${c.cost} ${name(j)}`).join(' + ');
  const rows = lp.rhs.map((b, i) => {
    const terms = lp.columns
      .flatMap((c, j) => c.rows.map((r, e) => (r === i ? `${c.values[e]} ${name(j)}` : '')))
      .filter(Boolean);
    const op = { le: '<=', ge: '>=', eq: '=' }[lp.senses[i]];
    return ` r${i}: ${terms.length ? terms.join(' + ') : `0 ${name(0)}`} ${op} ${b}`;
  });
  const bounds = lp.columns.map((c, j) => ` 0 <= ${name(j)} <= ${c.upper === Infinity ? 'inf' : c.upper}`);
  return `${lp.maximize ? 'Maximize' : 'Minimize'}\n obj: ${objective}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd\n`;
}

function solveOurs(lp: RandomLp): ReturnType<LinearProgram['solve']> {
  const program = new LinearProgram(lp.rhs, lp.senses);
  for (const c of lp.columns) program.addColumn(lp.maximize ? -c.cost : c.cost, c.rows, c.values, c.upper);
  return program.solve();
}

function sparseColumn(random: Random, m: number, density: number): { rows: number[]; values: number[] } {
  const rows: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < m; i++) {
    if (random() < density) {
      rows.push(i);
      values.push(between(random, 1, 40));
    }
  }
  if (rows.length === 0) {
    rows.push(between(random, 0, m - 1));
    values.push(between(random, 1, 40));
  }
  return { rows, values };
}

/** Every row has at least one column, so the LP is feasible (as the planner's masters are). */
function coveringLp(random: Random): RandomLp {
  const m = between(random, 2, 40);
  const n = between(random, m, 4 * m);
  const columns = Array.from({ length: n }, () => ({
    cost: 0.01 + random() * 5,
    ...sparseColumn(random, m, 0.15),
    upper: Infinity,
  }));
  for (let i = 0; i < m; i++) {
    if (!columns.some((c) => c.rows.includes(i)))
      columns.push({ cost: 1 + random() * 5, rows: [i], values: [between(random, 1, 40)], upper: Infinity });
  }
  return {
    senses: Array.from({ length: m }, () => 'ge' as const),
    rhs: Array.from({ length: m }, () => between(random, 0, 500)),
    columns,
    maximize: false,
  };
}

function packingLp(random: Random): RandomLp {
  const m = between(random, 1, 5);
  const n = between(random, 1, 50);
  return {
    senses: Array.from({ length: m }, () => 'le' as const),
    rhs: Array.from({ length: m }, () => between(random, 1, 1000) / 10),
    columns: Array.from({ length: n }, () => ({
      cost: random(),
      ...sparseColumn(random, m, 0.8),
      upper: random() < 0.3 ? Infinity : between(random, 0, 30),
    })),
    maximize: true,
  };
}

function mixedLp(random: Random): RandomLp {
  const lp = coveringLp(random);
  lp.senses = lp.senses.map(() => (['le', 'ge', 'eq'] as const)[between(random, 0, 2)]);
  lp.columns.forEach((c) => (c.upper = random() < 0.5 ? Infinity : between(random, 1, 100)));
  return lp;
}

function assertFeasible(lp: RandomLp, x: Float64Array): void {
  const activity = lp.rhs.map(() => 0);
  lp.columns.forEach((c, j) => {
    assert.ok(x[j] >= -1e-7 && x[j] <= c.upper + 1e-7, `x${j}=${x[j]} outside [0, ${c.upper}]`);
    c.rows.forEach((r, e) => (activity[r] += c.values[e] * x[j]));
  });
  lp.rhs.forEach((b, i) => {
    const tol = 1e-6 * (1 + Math.abs(b));
    const ok = {
      le: activity[i] <= b + tol,
      ge: activity[i] >= b - tol,
      eq: Math.abs(activity[i] - b) <= tol,
    }[lp.senses[i]];
    assert.ok(ok, `row ${i}: ${activity[i]} ${lp.senses[i]} ${b}`);
  });
}

async function agreeWithHighs(make: (r: Random) => RandomLp, seeds: number): Promise<void> {
  for (let seed = 1; seed <= seeds; seed++) {
    const lp = make(seeded(seed));
    const reference = await highsSolve(lpText(lp));
    const ours = solveOurs(lp);
    if (reference.Status === 'Infeasible') {
      assert.equal(ours.status, 'infeasible', `seed ${seed}`);
      continue;
    }
    assert.equal(reference.Status, 'Optimal', `seed ${seed}: HiGHS says ${reference.Status}`);
    assert.equal(ours.status, 'optimal', `seed ${seed}`);
    const objective = lp.maximize ? -ours.objective : ours.objective;
    const tol = 1e-6 * (1 + Math.abs(reference.ObjectiveValue));
    assert.ok(
      Math.abs(objective - reference.ObjectiveValue) <= tol,
      `seed ${seed}: ${objective} vs HiGHS ${reference.ObjectiveValue}`,
    );
    assertFeasible(lp, ours.x);
  }
}

test('covering LPs: same optimum as HiGHS, feasible solutions', () => agreeWithHighs(coveringLp, 150));

test('bounded packing LPs (the pricing problems): same optimum as HiGHS', () =>
  agreeWithHighs(packingLp, 200));

test('mixed ≤ / ≥ / = rows with upper bounds: same optimum or both infeasible', () =>
  agreeWithHighs(mixedLp, 150));

test('covering duals are prices: non-negative, and no column has a negative reduced cost', () => {
  for (let seed = 1; seed <= 50; seed++) {
    const lp = coveringLp(seeded(seed));
    const s = solveOurs(lp);
    assert.equal(s.status, 'optimal');
    for (const y of s.duals) assert.ok(y >= -1e-9, `seed ${seed}: dual ${y}`);
    for (const c of lp.columns) {
      const reduced = c.cost - c.rows.reduce((sum, r, e) => sum + s.duals[r] * c.values[e], 0);
      assert.ok(reduced >= -1e-7, `seed ${seed}: reduced cost ${reduced}`);
    }
    const dualObjective = lp.rhs.reduce((sum, b, i) => sum + b * s.duals[i], 0);
    assert.ok(
      Math.abs(dualObjective - s.objective) <= 1e-6 * (1 + s.objective),
      `seed ${seed}: strong duality`,
    );
  }
});

test('columns added after a solve: the next solve starts from the last basis and reaches the new optimum', async () => {
  for (let seed = 1; seed <= 40; seed++) {
    const lp = coveringLp(seeded(seed));
    const half = Math.ceil(lp.columns.length / 2);
    const program = new LinearProgram(lp.rhs, lp.senses);
    // Every row gets a column up front so the first half is feasible.
    lp.rhs.forEach((_, i) => program.addColumn(1000, [i], [1]));
    for (const c of lp.columns.slice(0, half)) program.addColumn(c.cost, c.rows, c.values);
    assert.equal(program.solve().status, 'optimal');
    for (const c of lp.columns.slice(half)) program.addColumn(c.cost, c.rows, c.values);
    const warm = program.solve();
    const cold = solveOurs({
      ...lp,
      columns: [
        ...lp.rhs.map((_, i) => ({ cost: 1000, rows: [i], values: [1], upper: Infinity })),
        ...lp.columns,
      ],
    });
    assert.ok(Math.abs(warm.objective - cold.objective) <= 1e-6 * (1 + cold.objective), `seed ${seed}`);
  }
});

test('a changed right-hand side is solved from a fresh basis', () => {
  const program = new LinearProgram([10, 10], ['ge', 'ge']);
  program.addColumn(1, [0], [1]);
  program.addColumn(1, [1], [1]);
  program.addColumn(1.5, [0, 1], [1, 1]);
  assert.equal(program.solve().objective, 15);
  program.setRhs(0, 4);
  const s = program.solve();
  assert.ok(Math.abs(s.objective - 12) < 1e-9, `objective ${s.objective}`);
});

test('an unbounded LP says so', () => {
  const program = new LinearProgram([1], ['ge']);
  program.addColumn(-1, [0], [1]);
  assert.equal(program.solve().status, 'unbounded');
});

test('an infeasible LP says so', () => {
  const program = new LinearProgram([5, 2], ['ge', 'le']);
  program.addColumn(1, [0, 1], [1, 1]);
  assert.equal(program.solve().status, 'infeasible');
});
