import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resourcePrices } from '../../src/planner/duals.ts';

const r = (cpu: number, memory: number) => ({ cpu, memory, ephemeral: 0, gpu: 0, pods: 0 });

test('resource prices: the 2-D dual prices both resources where two kinds complement each other', () => {
  // cpu-rich (4 cpu, 4 mem, $1) and memory-rich (1 cpu, 8 mem, $1); demand 4 cpu, 8 mem.
  const p = resourcePrices([r(4, 4), r(1, 8)], [1, 1], r(4, 8));
  assert.ok(Math.abs(p.cpu - 1 / 7) < 1e-12, String(p.cpu));
  assert.ok(Math.abs(p.memory - 0.75 / 7) < 1e-12, String(p.memory));
});

test('resource prices: a dominated kind changes nothing; a cpu-only demand prices only cpu', () => {
  const a = resourcePrices([r(4, 4), r(1, 8), r(1, 1)], [1, 1, 1], r(4, 8));
  assert.ok(Math.abs(a.cpu - 1 / 7) < 1e-12);
  const b = resourcePrices([r(4, 4), r(1, 8)], [1, 1], r(4, 0));
  assert.deepEqual(b, { cpu: 0.25, memory: 0 });
});
