import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyStrategicMergePatch, PatchError, type JsonObject } from '../../src/patch/index.ts';

/**
 * Expected results recorded from upstream's implementation: `kubectl patch --local --type strategic -o json`
 * (kubectl 1.32, compiled-in schemas) on the same originals and patches. `{ "error": true }` means
 * kubectl refused the patch.
 */
interface Case {
  kind: string;
  original: JsonObject;
  patch: unknown;
  expected: unknown;
}

const cases = JSON.parse(
  readFileSync(new URL('./fixtures/smp-kubectl.json', import.meta.url), 'utf8'),
) as Case[];

for (const [i, c] of cases.entries()) {
  test(`smp matches kubectl #${i}: ${c.kind} ${JSON.stringify(c.patch).slice(0, 90)}`, () => {
    if (JSON.stringify(c.expected) === '{"error":true}') {
      assert.throws(() => applyStrategicMergePatch(c.original, c.patch, c.kind), PatchError);
      return;
    }
    assert.deepEqual(applyStrategicMergePatch(c.original, c.patch, c.kind), c.expected);
  });
}
