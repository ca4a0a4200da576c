// A small bounded-variable revised simplex (dense basis inverse, sparse columns) for the planner's
// linear programs: the column-generation master (tens of rows, columns added between solves, so the
// last basis is reused) and the per-kind pricing problems (a handful of rows). Infeasible starts are
// handled with big-M artificials. Deterministic: ties go to the lowest index. See ADR 0010.
export type RowSense = 'le' | 'ge' | 'eq';

export type LpStatus = 'optimal' | 'infeasible' | 'unbounded' | 'iteration-limit';

export interface LpSolution {
  status: LpStatus;
  objective: number;
  /** Values of the structural columns, in the order they were added. */
  x: Float64Array;
  /** Row duals (shadow prices): objective change per unit of right-hand side. */
  duals: Float64Array;
}

interface Column {
  rows: Int32Array;
  values: Float64Array;
  cost: number;
  lower: number;
  upper: number;
}

const PRIMAL_TOL = 1e-9;
const DUAL_TOL = 1e-9;
const PIVOT_TOL = 1e-11;
const REFACTOR_EVERY = 64;
/** Consecutive degenerate pivots after which Bland's rule takes over (no cycling). */
const DEGENERATE_LIMIT = 40;

enum At {
  Lower,
  Upper,
  Basic,
}

export class LinearProgram {
  private readonly m: number;
  private readonly rhs: Float64Array;
  /** Slacks (rows 0..m-1), artificials (m..2m-1), then structural columns. */
  private readonly cols: Column[] = [];
  private readonly structural: number[] = [];
  private x: number[] = [];
  private at: At[] = [];
  private head: Int32Array;
  private binv: Float64Array;
  private warm = false;
  private sinceRefactor = 0;
  /** Arithmetic done so far, roughly (a multiply-add per unit), for callers that budget their effort. */
  work = 0;
  private nonzeros = 0;
  private bigM = 1e6;
  /** Scratch vectors reused by every iteration (duals, entering direction). */
  private readonly y: Float64Array;
  private readonly w: Float64Array;

  constructor(rhs: readonly number[], senses: readonly RowSense[]) {
    this.m = rhs.length;
    this.rhs = Float64Array.from(rhs);
    this.head = new Int32Array(this.m);
    this.binv = new Float64Array(this.m * this.m);
    this.y = new Float64Array(this.m);
    this.w = new Float64Array(this.m);
    senses.forEach((sense, i) => {
      const lower = sense === 'ge' ? -Infinity : 0;
      const upper = sense === 'le' ? Infinity : 0;
      this.pushColumn({ rows: Int32Array.of(i), values: Float64Array.of(1), cost: 0, lower, upper });
    });
    for (let i = 0; i < this.m; i++) {
      this.pushColumn({ rows: Int32Array.of(i), values: Float64Array.of(1), cost: 0, lower: 0, upper: 0 });
    }
  }

  get rows(): number {
    return this.m;
  }

  get columns(): number {
    return this.structural.length;
  }

  /** Adds a column (nonbasic at its lower bound); returns its index among structural columns. */
  addColumn(cost: number, rows: readonly number[], values: readonly number[], upper = Infinity): number {
    this.pushColumn({
      rows: Int32Array.from(rows),
      values: Float64Array.from(values),
      cost,
      lower: 0,
      upper,
    });
    this.structural.push(this.cols.length - 1);
    this.bigM = Math.max(this.bigM, 1e6 * (1 + Math.abs(cost)));
    return this.structural.length - 1;
  }

  setRhs(row: number, value: number): void {
    this.rhs[row] = value;
    this.warm = false;
  }

  solve(maxIterations = 50 * (this.m + this.cols.length)): LpSolution {
    if (!this.warm) this.coldStart();
    const status = this.iterate(maxIterations);
    this.warm = status === 'optimal';
    return this.solution(status);
  }

  // --- setup ---

  private pushColumn(c: Column): void {
    this.cols.push(c);
    this.nonzeros += c.rows.length + 1;
    this.x.push(c.lower === -Infinity ? c.upper : c.lower);
    this.at.push(c.lower === -Infinity ? At.Upper : At.Lower);
  }

  /** Every structural column at its lower bound; each row's slack basic if it can absorb the rhs, else an artificial. */
  private coldStart(): void {
    const m = this.m;
    for (const j of this.structural) {
      this.x[j] = this.cols[j].lower;
      this.at[j] = At.Lower;
    }
    const residual = Float64Array.from(this.rhs);
    for (const j of this.structural) this.axpy(residual, j, -this.x[j]);
    this.binv.fill(0);
    for (let i = 0; i < m; i++) this.startRow(i, residual[i]);
    this.sinceRefactor = 0;
  }

  private startRow(i: number, r: number): void {
    const slack = this.cols[i];
    const artificial = this.cols[this.m + i];
    if (r >= slack.lower - PRIMAL_TOL && r <= slack.upper + PRIMAL_TOL) {
      this.makeBasic(i, i, r, 1);
      this.x[this.m + i] = 0;
      this.at[this.m + i] = At.Lower;
      artificial.upper = 0;
      return;
    }
    const bound = r > slack.upper ? slack.upper : slack.lower;
    this.x[i] = bound;
    this.at[i] = bound === slack.upper ? At.Upper : At.Lower;
    const sign = r - bound >= 0 ? 1 : -1;
    artificial.values[0] = sign;
    artificial.cost = this.bigM;
    artificial.upper = Infinity;
    this.makeBasic(i, this.m + i, Math.abs(r - bound), sign);
  }

  private makeBasic(row: number, j: number, value: number, coefficient: number): void {
    this.head[row] = j;
    this.at[j] = At.Basic;
    this.x[j] = value;
    this.binv[row * this.m + row] = 1 / coefficient;
  }

  // --- iterations ---

  private iterate(maxIterations: number): LpStatus {
    let degenerate = 0;
    for (let it = 0; it < maxIterations; it++) {
      this.work += 2 * this.m * this.m + this.nonzeros;
      const y = this.duals();
      const q = this.entering(y, degenerate >= DEGENERATE_LIMIT);
      if (q < 0) return this.artificialsOut() ? 'optimal' : 'infeasible';
      const step = this.step(q);
      if (step === null) return 'unbounded';
      degenerate = step > PRIMAL_TOL ? 0 : degenerate + 1;
    }
    return 'iteration-limit';
  }

  private duals(): Float64Array {
    const m = this.m;
    const y = this.y;
    y.fill(0);
    for (let k = 0; k < m; k++) {
      const c = this.cols[this.head[k]].cost;
      if (c === 0) continue;
      const row = k * m;
      for (let i = 0; i < m; i++) y[i] += c * this.binv[row + i];
    }
    return y;
  }

  private reducedCost(j: number, y: Float64Array): number {
    const c = this.cols[j];
    let d = c.cost;
    for (let e = 0; e < c.rows.length; e++) d -= y[c.rows[e]] * c.values[e];
    return d;
  }

  /** Dantzig's rule (largest improvement rate), or Bland's (lowest index) while stalling. */
  private entering(y: Float64Array, bland: boolean): number {
    let best = -1;
    let bestScore = DUAL_TOL;
    for (let j = 0; j < this.cols.length; j++) {
      const state = this.at[j];
      if (state === At.Basic || this.cols[j].lower === this.cols[j].upper) continue;
      const d = this.reducedCost(j, y);
      const score = state === At.Lower ? -d : d;
      if (score <= bestScore) continue;
      if (bland) return j;
      best = j;
      bestScore = score;
    }
    return best;
  }

  /** Moves column q as far as the bounds allow; returns the step length, or null when unbounded. */
  private step(q: number): number | null {
    const w = this.direction(q);
    const dir = this.at[q] === At.Lower ? 1 : -1;
    const col = this.cols[q];
    const { t, leave } = this.ratioTest(w, dir, col.upper - col.lower);
    if (t === Infinity) return null;
    for (let k = 0; k < this.m; k++) this.x[this.head[k]] -= dir * t * w[k];
    this.x[q] += dir * t;
    if (leave < 0) {
      this.at[q] = dir > 0 ? At.Upper : At.Lower;
      this.x[q] = dir > 0 ? col.upper : col.lower;
      return t;
    }
    this.pivot(q, leave, w, dir);
    return t;
  }

  /** The longest step before a basic variable hits a bound (ties: the largest pivot, for stability). */
  private ratioTest(w: Float64Array, dir: number, own: number): { t: number; leave: number } {
    let t = own;
    let leave = -1;
    let leaveBig = 0;
    for (let k = 0; k < this.m; k++) {
      const delta = -dir * w[k];
      if (Math.abs(delta) < PIVOT_TOL) continue;
      const j = this.head[k];
      const room = delta < 0 ? this.x[j] - this.cols[j].lower : this.cols[j].upper - this.x[j];
      const limit = Math.max(0, room) / Math.abs(delta);
      const tie = limit <= t + PRIMAL_TOL && leave >= 0 && Math.abs(delta) > leaveBig;
      if (limit < t - PRIMAL_TOL || tie) {
        t = Math.min(t, limit);
        leave = k;
        leaveBig = Math.abs(delta);
      }
    }
    return { t, leave };
  }

  private pivot(q: number, r: number, w: Float64Array, dir: number): void {
    const out = this.head[r];
    const outCol = this.cols[out];
    const towardLower = -dir * w[r] < 0;
    this.x[out] = towardLower ? outCol.lower : outCol.upper;
    this.at[out] = towardLower ? At.Lower : At.Upper;
    this.head[r] = q;
    this.at[q] = At.Basic;
    if (++this.sinceRefactor >= Math.max(REFACTOR_EVERY, this.m)) this.refactor();
    else this.updateInverse(r, w);
  }

  private direction(q: number): Float64Array {
    const m = this.m;
    const w = this.w;
    w.fill(0);
    const c = this.cols[q];
    for (let e = 0; e < c.rows.length; e++) {
      const i = c.rows[e];
      const v = c.values[e];
      for (let k = 0; k < m; k++) w[k] += this.binv[k * m + i] * v;
    }
    return w;
  }

  private updateInverse(r: number, w: Float64Array): void {
    const m = this.m;
    const pivot = w[r];
    const rowR = r * m;
    for (let i = 0; i < m; i++) this.binv[rowR + i] /= pivot;
    for (let k = 0; k < m; k++) {
      if (k === r || w[k] === 0) continue;
      const f = w[k];
      const rowK = k * m;
      for (let i = 0; i < m; i++) this.binv[rowK + i] -= f * this.binv[rowR + i];
    }
  }

  /** Inverts the basis afresh (Gauss-Jordan, partial pivoting) and recomputes the basic values. */
  private refactor(): void {
    this.sinceRefactor = 0;
    this.work += this.m * this.m * this.m;
    this.binv = invertBasis(this.m, (k, out) => this.scatter(this.head[k], out));
    const residual = Float64Array.from(this.rhs);
    for (let j = 0; j < this.cols.length; j++) {
      if (this.at[j] !== At.Basic && this.x[j] !== 0) this.axpy(residual, j, -this.x[j]);
    }
    for (let k = 0; k < this.m; k++) {
      let v = 0;
      for (let i = 0; i < this.m; i++) v += this.binv[k * this.m + i] * residual[i];
      this.x[this.head[k]] = v;
    }
  }

  private scatter(j: number, out: Float64Array): void {
    const c = this.cols[j];
    for (let e = 0; e < c.rows.length; e++) out[c.rows[e]] = c.values[e];
  }

  private axpy(target: Float64Array, j: number, factor: number): void {
    const c = this.cols[j];
    for (let e = 0; e < c.rows.length; e++) target[c.rows[e]] += factor * c.values[e];
  }

  private artificialsOut(): boolean {
    for (let i = 0; i < this.m; i++)
      if (this.x[this.m + i] > PRIMAL_TOL * (1 + Math.abs(this.rhs[i]))) return false;
    return true;
  }

  private solution(status: LpStatus): LpSolution {
    const x = Float64Array.from(this.structural, (j) => this.x[j]);
    let objective = 0;
    this.structural.forEach((j, i) => (objective += this.cols[j].cost * x[i]));
    return { status, objective, x, duals: Float64Array.from(this.duals()) };
  }
}

/** Inverse of the m×m matrix whose k-th column `fill(k, out)` writes; singular pivots are left as identity. */
function invertBasis(m: number, fill: (k: number, out: Float64Array) => void): Float64Array {
  const a = new Float64Array(m * m);
  const col = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    col.fill(0);
    fill(k, col);
    for (let i = 0; i < m; i++) a[i * m + k] = col[i];
  }
  const inv = new Float64Array(m * m);
  for (let i = 0; i < m; i++) inv[i * m + i] = 1;
  for (let c = 0; c < m; c++) {
    const p = pivotRow(a, m, c);
    if (Math.abs(a[p * m + c]) < PIVOT_TOL) continue;
    swapRows(a, m, p, c);
    swapRows(inv, m, p, c);
    eliminate(a, inv, m, c);
  }
  return inv;
}

function pivotRow(a: Float64Array, m: number, c: number): number {
  let p = c;
  for (let r = c + 1; r < m; r++) if (Math.abs(a[r * m + c]) > Math.abs(a[p * m + c])) p = r;
  return p;
}

function swapRows(a: Float64Array, m: number, p: number, c: number): void {
  if (p === c) return;
  for (let i = 0; i < m; i++) {
    const t = a[p * m + i];
    a[p * m + i] = a[c * m + i];
    a[c * m + i] = t;
  }
}

function eliminate(a: Float64Array, inv: Float64Array, m: number, c: number): void {
  const d = a[c * m + c];
  for (let i = 0; i < m; i++) {
    a[c * m + i] /= d;
    inv[c * m + i] /= d;
  }
  for (let r = 0; r < m; r++) {
    const f = a[r * m + c];
    if (r === c || f === 0) continue;
    for (let i = 0; i < m; i++) {
      a[r * m + i] -= f * a[c * m + i];
      inv[r * m + i] -= f * inv[c * m + i];
    }
  }
}
