// Planner bench: plan time for 10k pending pods of 50 shapes (main region + 5 edge locations, every
// offering of the embedded catalog), linear growth (1k/5k/10k), and cost against the LP-relaxation
// lower bound and the first-fit-decreasing baseline. Times are CPU time of this process (the machine
// is shared) and wall time.
import { loadEmbeddedCatalog } from '../src/catalog/index.ts';
import { planWithDetails, validatePlan } from '../src/planner/index.ts';
import { benchScenario } from '../test/planner/support/bench-scenario.ts';
import { lpLowerBound } from '../test/planner/support/lp-bound.ts';

const catalog = await loadEmbeddedCatalog();

function timed<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Warm up the JIT once.
planWithDetails(benchScenario(catalog, 1000));

console.log('pods    wall ms (median of 3)  cpu ms   nodes   $/h         $/h per 1k pods');
const perSize: { pods: number; cpu: number; cost: number }[] = [];
for (const pods of [1000, 5000, 10000]) {
  const input = benchScenario(catalog, pods);
  const runs = [0, 1, 2].map(() => timed(() => planWithDetails(input)));
  const plan = runs[0].value.plan;
  const cpu = median(runs.map((r) => r.cpuMs));
  perSize.push({ pods, cpu, cost: plan.totalPricePerHour });
  console.log(
    `${String(pods).padEnd(8)}${median(runs.map((r) => r.wallMs))
      .toFixed(0)
      .padEnd(
        23,
      )}${cpu.toFixed(0).padEnd(9)}${String(plan.nodes.length).padEnd(8)}${plan.totalPricePerHour.toFixed(4).padEnd(12)}${((plan.totalPricePerHour / pods) * 1000).toFixed(4)}`,
  );
}
const growth = perSize[2].cpu / perSize[0].cpu;
console.log(
  `time growth 1k→10k: ×${growth.toFixed(1)} (linear would be ×10); cost growth ×${(perSize[2].cost / perSize[0].cost).toFixed(2)}`,
);

console.log(
  '\ncost quality (LP relaxation lower bound via HiGHS; baseline = FFD onto the cheapest compatible offering per group)',
);
console.log('pods/seed  plan $/h    LP bound $/h  plan/LP   baseline $/h  plan/baseline  valid   (targets: plan/LP ≤ 1.03, plan/baseline ≤ 1)');
let failed = false;
for (const [pods, seed] of [
  [1000, 42],
  [10000, 42],
  [10000, 7],
] as const) {
  const input = benchScenario(catalog, pods, 50, seed);
  const details = planWithDetails(input);
  const lp = await lpLowerBound(details.context, details.counts);
  const problems = validatePlan(input, details.plan);
  const ratio = details.plan.totalPricePerHour / lp.value;
  const vsBaseline = details.plan.totalPricePerHour / details.baselinePricePerHour;
  console.log(
    `${`${pods}/s${seed}`.padEnd(11)}${details.plan.totalPricePerHour.toFixed(4).padEnd(12)}${lp.value.toFixed(4).padEnd(14)}${ratio.toFixed(4).padEnd(10)}${details.baselinePricePerHour.toFixed(4).padEnd(14)}${vsBaseline.toFixed(4).padEnd(15)}${problems.length === 0 ? 'yes' : `NO (${problems[0]})`}`,
  );
  if (problems.length > 0 || vsBaseline > 1 + 1e-9 || ratio > 1.03) failed = true;
}
console.log('\nmany pod shapes (10,000 pods; the pattern packing has a work budget and is not tried above 150 groups)');
for (const shapes of [100, 200]) {
  const input = benchScenario(catalog, 10000, shapes);
  const run = timed(() => planWithDetails(input));
  const d = run.value;
  console.log(
    `${String(shapes).padStart(4)} shapes: ${run.cpuMs.toFixed(0)} ms CPU, $${d.plan.totalPricePerHour.toFixed(2)}/h (baseline $${d.baselinePricePerHour.toFixed(2)}/h)`,
  );
}
const tenK = perSize[2].cpu;
console.log(`\n10k pods × 50 shapes: ${tenK.toFixed(0)} ms CPU (target ≤ 1000 ms)`);
if (failed) process.exitCode = 1;
