// The master problem of column generation: choose how many nodes of each pattern to open so that
// every pending pod is covered, at the lowest price (an LP: fractional node counts). Its duals say
// what one more pod of each group costs; pricing turns them into new patterns.
import type { PackContext } from '../pack.ts';
import { LinearProgram, type LpStatus } from '../lp/simplex.ts';
import type { Pattern } from './pricing.ts';

export interface MasterSolution {
  status: LpStatus;
  objective: number;
  /** Nodes of each pattern (fractional), aligned with `Master.patterns`. */
  lambda: Float64Array;
  /** Dual value of each group's cover row (0 for groups with nothing pending). */
  values: Float64Array;
}

export class Master {
  readonly patterns: Pattern[] = [];
  private readonly lp: LinearProgram;
  private readonly rowOf: Int32Array;
  private readonly keys = new Set<string>();

  constructor(
    private readonly ctx: PackContext,
    readonly demand: readonly number[],
  ) {
    this.rowOf = new Int32Array(demand.length).fill(-1);
    const rhs: number[] = [];
    demand.forEach((d, g) => {
      if (d <= 0) return;
      this.rowOf[g] = rhs.length;
      rhs.push(d);
    });
    this.lp = new LinearProgram(
      rhs,
      rhs.map(() => 'ge' as const),
    );
  }

  /** Adds the pattern with its counts capped by the demand; false if it is empty or already there. */
  add(pattern: Pattern): boolean {
    const counts = pattern.counts
      .map(([g, n]): [number, number] => [g, Math.min(n, this.demand[g])])
      .filter(([, n]) => n > 0);
    if (counts.length === 0) return false;
    const key = `${pattern.kind}:${counts.map(([g, n]) => `${g}x${n}`).join(',')}`;
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    this.patterns.push({ kind: pattern.kind, counts });
    this.lp.addColumn(
      this.ctx.columns.price[pattern.kind],
      counts.map(([g]) => this.rowOf[g]),
      counts.map(([, n]) => n),
    );
    return true;
  }

  /** Arithmetic spent solving so far (see LinearProgram.work). */
  get work(): number {
    return this.lp.work;
  }

  /** Groups with demand that no pattern covers yet. */
  uncovered(): number[] {
    const covered = new Set(this.patterns.flatMap((p) => p.counts.map(([g]) => g)));
    return this.demand.map((d, g) => (d > 0 && !covered.has(g) ? g : -1)).filter((g) => g >= 0);
  }

  /** Patterns in use, or within `share` of their price from paying for themselves at these duals. */
  promising(solution: MasterSolution, share: number): Pattern[] {
    return this.patterns.filter((p, i) => {
      if (solution.lambda[i] > 1e-9) return true;
      const price = this.ctx.columns.price[p.kind];
      const value = p.counts.reduce((s, [g, n]) => s + n * solution.values[g], 0);
      return price - value <= share * price;
    });
  }

  solve(): MasterSolution {
    const s = this.lp.solve();
    const values = new Float64Array(this.demand.length);
    this.rowOf.forEach((row, g) => {
      if (row >= 0) values[g] = Math.max(0, s.duals[row]);
    });
    return { status: s.status, objective: s.objective, lambda: s.x, values };
  }
}
