// HiGHS (WebAssembly) as the reference LP solver of the tests and the bench: loaded once, models in
// CPLEX LP text format.
import highsModule from 'highs';

export interface HighsSolution {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal: number }>;
  Rows: { Name: string; Primal: number; Dual: number }[];
}

interface HighsSolver {
  solve(model: string, options?: Record<string, string | number | boolean>): HighsSolution;
}
type HighsLoader = () => Promise<HighsSolver>;

// highs ships ESM at runtime but CommonJS-style typings, so TypeScript sees the default one level down.
const highsLoader = (
  typeof highsModule === 'function' ? highsModule : (highsModule as unknown as { default: unknown }).default
) as HighsLoader;

let solver: Promise<HighsSolver> | null = null;

export async function highsSolve(
  model: string,
  options: Record<string, string | number | boolean> = {},
): Promise<HighsSolution> {
  solver ??= highsLoader();
  return (await solver).solve(model, options);
}
