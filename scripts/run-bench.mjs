// Runs every bench/*.bench.ts (and kube-sim/bench/*.bench.ts) in its own process, one after another.
// Each prints its own figures. Usage: node scripts/run-bench.mjs [filter-substring...]
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['kube-sim/bench', 'bench'];
const filters = process.argv.slice(2);
const files = roots
  .flatMap((r) => {
    try {
      return readdirSync(r)
        .filter((n) => n.endsWith('.bench.ts'))
        .map((n) => join(r, n));
    } catch {
      return [];
    }
  })
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));

let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f}`);
  const res = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', f], {
    stdio: 'inherit',
    env: { ...process.env, OMNI_LOG_LEVEL: 'silent' },
  });
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
