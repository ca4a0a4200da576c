// Runs every *.test.ts under test/ and kube-sim/test/ with node's test runner (tsx for TypeScript).
// Usage: node scripts/run-tests.mjs [filter-substring...]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['test', 'kube-sim/test'];
const filters = process.argv.slice(2);

function walk(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const files = roots
  .flatMap((r) => {
    try {
      return walk(r);
    } catch {
      return [];
    }
  })
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();

if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

const res = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, OMNI_LOG_LEVEL: process.env.OMNI_LOG_LEVEL ?? 'silent' } },
);
process.exit(res.status ?? 1);
