import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, relative } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

const IMPORT = /(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

test('kube-sim is a part of its own: nothing in it imports omni', () => {
  const offenders: string[] = [];
  for (const file of tsFiles(join(root, 'kube-sim'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), m[1] ?? m[2]);
      if (!relative(join(root, 'kube-sim'), target).startsWith('..')) continue;
      offenders.push(`${relative(root, file)} imports ${relative(root, target)}`);
    }
  }
  assert.deepEqual(offenders, []);
});
