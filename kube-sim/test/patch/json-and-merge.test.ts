import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyJsonPatch, applyMergePatch, PatchError } from '../../src/patch/index.ts';

function patchError(fn: () => unknown): PatchError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PatchError) return err;
    throw err;
  }
  assert.fail('expected a PatchError');
}

test('json patch: add, replace, remove', () => {
  const original = { metadata: { name: 'a', labels: { x: '1' } }, spec: { replicas: 1 } };
  const out = applyJsonPatch(original, [
    { op: 'add', path: '/metadata/labels/y', value: '2' },
    { op: 'replace', path: '/spec/replicas', value: 3 },
    { op: 'remove', path: '/metadata/labels/x' },
  ]);
  assert.deepEqual(out, { metadata: { name: 'a', labels: { y: '2' } }, spec: { replicas: 3 } });
  assert.deepEqual(original.metadata.labels, { x: '1' }, 'input not mutated');
});

test('json patch: add to an array with - and escaped paths', () => {
  const out = applyJsonPatch({ metadata: { annotations: {} }, items: [1] }, [
    { op: 'add', path: '/items/-', value: 2 },
    { op: 'add', path: '/metadata/annotations/example.com~1team', value: 'a' },
  ]);
  assert.deepEqual(out, { metadata: { annotations: { 'example.com/team': 'a' } }, items: [1, 2] });
});

test('json patch: move and copy', () => {
  const out = applyJsonPatch({ a: { b: 1 }, c: 2 }, [
    { op: 'copy', from: '/a/b', path: '/d' },
    { op: 'move', from: '/c', path: '/a/c' },
  ]);
  assert.deepEqual(out, { a: { b: 1, c: 2 }, d: 1 });
});

test('json patch: a failed test op is 422 and nothing is applied', () => {
  const original = { spec: { replicas: 1 } };
  const err = patchError(() =>
    applyJsonPatch(original, [
      { op: 'replace', path: '/spec/replicas', value: 5 },
      { op: 'test', path: '/spec/replicas', value: 2 },
    ]),
  );
  assert.equal(err.code, 422);
  assert.match(err.message, /testing value \/spec\/replicas failed/);
  assert.deepEqual(original, { spec: { replicas: 1 } });
});

test('json patch: a passing test op', () => {
  const out = applyJsonPatch({ a: [1, { b: 'x' }] }, [{ op: 'test', path: '/a/1', value: { b: 'x' } }]);
  assert.deepEqual(out, { a: [1, { b: 'x' }] });
});

test('json patch: removing a missing path is 422', () => {
  assert.equal(patchError(() => applyJsonPatch({}, [{ op: 'remove', path: '/nope' }])).code, 422);
});

test('json patch: malformed patches are 400', () => {
  assert.equal(patchError(() => applyJsonPatch({}, { op: 'add' })).code, 400);
  assert.equal(patchError(() => applyJsonPatch({}, [{ op: 'frobnicate', path: '/a' }])).code, 400);
  assert.equal(patchError(() => applyJsonPatch({}, [{ op: 'add', path: '/a' }])).code, 400);
  assert.equal(patchError(() => applyJsonPatch({}, [{ op: 'move', path: '/a' }])).code, 400);
  assert.equal(patchError(() => applyJsonPatch({}, ['x'])).code, 400);
});

test('json patch: the result does not share structure with the patch', () => {
  const value = { k: 'v' };
  const out = applyJsonPatch({}, [{ op: 'add', path: '/m', value }]);
  value.k = 'changed';
  assert.deepEqual(out, { m: { k: 'v' } });
});

// RFC 7386 appendix A examples.
const rfc7386: [unknown, unknown, unknown][] = [
  [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
  [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  [{ a: 'b' }, { a: null }, {}],
  [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
  [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
];

for (const [i, [target, patch, result]] of rfc7386.entries()) {
  test(`merge patch: RFC 7386 example ${i + 1}`, () => {
    assert.deepEqual(applyMergePatch(target as Record<string, unknown>, patch), result);
  });
}

test('merge patch: kubectl label / scale shapes', () => {
  const pod = { metadata: { name: 'p1', labels: { app: 'web' } }, spec: { replicas: 1 } };
  assert.deepEqual(applyMergePatch(pod, { metadata: { labels: { tier: 'x', app: null } } }).metadata, {
    name: 'p1',
    labels: { tier: 'x' },
  });
  assert.deepEqual(applyMergePatch(pod, { spec: { replicas: 2 } }).spec, { replicas: 2 });
  assert.deepEqual(pod.metadata.labels, { app: 'web' });
});

test('merge patch: lists are replaced, a non-object patch is 400', () => {
  assert.deepEqual(
    applyMergePatch({ metadata: { finalizers: ['a', 'b'] } }, { metadata: { finalizers: ['c'] } }),
    {
      metadata: { finalizers: ['c'] },
    },
  );
  assert.equal(patchError(() => applyMergePatch({}, [1])).code, 400);
});
