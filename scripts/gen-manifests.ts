// Writes deploy/base (CRDs from src/apis, RBAC, Deployments, Service) from src/install, so they never drift.
// Usage: npx tsx scripts/gen-manifests.ts [--check]   (--check: exit 1 if deploy/base differs)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { renderBase } from '../src/install/render.ts';

const BASE = resolve(import.meta.dirname, '../deploy/base');

function main(check: boolean): number {
  const stale: string[] = [];
  for (const [file, text] of renderBase()) {
    const path = join(BASE, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === text) continue;
    stale.push(file);
    if (check) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  if (check && stale.length > 0) {
    process.stderr.write(`deploy/base is out of date (${stale.join(', ')}); run: npx tsx scripts/gen-manifests.ts\n`);
    return 1;
  }
  process.stdout.write(stale.length === 0 ? 'deploy/base is up to date\n' : `wrote ${stale.join(', ')}\n`);
  return 0;
}

process.exitCode = main(process.argv.includes('--check'));
