import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyServerSide, PatchError, recordUpdateManager, type JsonObject } from '../../src/patch/index.ts';

const T1 = '2026-11-25T08:00:00Z';
const T2 = '2026-11-25T09:00:00.123Z';

function deployment(replicas: number, extra: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx', ...extra }] },
      },
    },
  };
}

function managed(obj: JsonObject): JsonObject[] {
  return (obj.metadata as JsonObject).managedFields as JsonObject[];
}

function entry(obj: JsonObject, manager: string): JsonObject | undefined {
  return managed(obj).find((e) => e.manager === manager);
}

function patchError(fn: () => unknown): PatchError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PatchError) return err;
    throw err;
  }
  assert.fail('expected a PatchError');
}

function apply(
  live: JsonObject | undefined,
  applied: JsonObject,
  manager = 'kubectl',
  force = false,
): JsonObject {
  return applyServerSide({ live, applied, manager, force, kind: 'Deployment', now: T1 });
}

test('ssa: create records an Apply entry in FieldsV1 format', () => {
  const out = apply(undefined, deployment(2));
  assert.equal((out.spec as JsonObject).replicas, 2);
  assert.deepEqual(managed(out), [
    {
      manager: 'kubectl',
      operation: 'Apply',
      apiVersion: 'apps/v1',
      time: T1,
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:spec': {
          'f:replicas': {},
          'f:selector': {},
          'f:template': {
            'f:metadata': { 'f:labels': { 'f:app': {} } },
            'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
          },
        },
      },
    },
  ]);
});

test('ssa: the inputs are not mutated and managedFields in the body are ignored', () => {
  const applied = deployment(2);
  (applied.metadata as JsonObject).managedFields = [
    { manager: 'liar', operation: 'Update', fieldsV1: { 'f:spec': {} } },
  ];
  const snapshot = structuredClone(applied);
  const live = apply(undefined, deployment(1));
  const liveSnapshot = structuredClone(live);
  const out = apply(live, applied, 'kubectl');
  assert.deepEqual(applied, snapshot);
  assert.deepEqual(live, liveSnapshot);
  assert.deepEqual(
    managed(out).map((e) => e.manager),
    ['kubectl'],
  );
});

test('ssa: reapplying without a field removes it (no other owner)', () => {
  const first = apply(undefined, deployment(2, { env: [{ name: 'A', value: '1' }] }));
  const applied = deployment(2);
  delete (applied.metadata as JsonObject).labels;
  const out = apply(first, applied);
  assert.equal((out.metadata as JsonObject).labels, undefined, 'empty labels map is dropped');
  const container = (((out.spec as JsonObject).template as JsonObject).spec as JsonObject)
    .containers as JsonObject[];
  assert.deepEqual(container, [{ name: 'web', image: 'nginx' }]);
  const fields = entry(out, 'kubectl')?.fieldsV1 as JsonObject;
  assert.equal(fields['f:metadata'], undefined);
});

test('ssa: a field dropped from an apply stays when another manager owns it', () => {
  const created = apply(undefined, deployment(2));
  const labelled = recordUpdateManager({
    before: created,
    after: {
      ...created,
      metadata: { ...(created.metadata as JsonObject), labels: { app: 'web', team: 'a' } },
    },
    manager: 'kubectl-label',
    now: T1,
    kind: 'Deployment',
  });
  const reapplied = apply(labelled, {
    ...deployment(2),
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web', team: 'a' } },
  });
  const dropped = deployment(2);
  delete (dropped.metadata as JsonObject).labels;
  const out = apply(reapplied, dropped);
  assert.deepEqual((out.metadata as JsonObject).labels, { team: 'a' });
});

test('ssa: conflict with an Update manager (kubectl client-side apply) is 409 with causes', () => {
  const created = recordUpdateManager({
    before: undefined,
    after: deployment(2),
    manager: 'kubectl-client-side-apply',
    now: T1,
    kind: 'Deployment',
  });
  const err = patchError(() => apply(created, deployment(3), 'omni'));
  assert.equal(err.code, 409);
  assert.equal(
    err.message,
    'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
  );
  assert.deepEqual(err.causes, [
    {
      reason: 'FieldManagerConflict',
      message: 'conflict with "kubectl-client-side-apply" using apps/v1',
      field: '.spec.replicas',
    },
  ]);
});

test('ssa: applying the same value shares ownership, no conflict', () => {
  const created = apply(undefined, deployment(2), 'a');
  const out = apply(created, deployment(2), 'b');
  const a = entry(out, 'a')?.fieldsV1 as JsonObject;
  const b = entry(out, 'b')?.fieldsV1 as JsonObject;
  assert.deepEqual((a['f:spec'] as JsonObject)['f:replicas'], {});
  assert.deepEqual((b['f:spec'] as JsonObject)['f:replicas'], {});
});

test('ssa: conflict between two appliers names the Apply manager without "using"', () => {
  const created = apply(undefined, deployment(2), 'a');
  const err = patchError(() => apply(created, deployment(3, { image: 'nginx:2' }), 'b'));
  assert.equal(
    err.message,
    'Apply failed with 2 conflicts: conflicts with "a":\n- .spec.replicas\n- .spec.template.spec.containers[name="web"].image',
  );
  assert.deepEqual(
    err.causes?.map((c) => c.field),
    ['.spec.replicas', '.spec.template.spec.containers[name="web"].image'],
  );
});

test('ssa: force takes ownership away from the other manager', () => {
  const created = apply(undefined, deployment(2), 'a');
  const out = apply(created, deployment(3), 'b', true);
  assert.equal((out.spec as JsonObject).replicas, 3);
  const a = entry(out, 'a')?.fieldsV1 as JsonObject;
  assert.equal((a['f:spec'] as JsonObject)['f:replicas'], undefined);
  const b = entry(out, 'b')?.fieldsV1 as JsonObject;
  assert.deepEqual((b['f:spec'] as JsonObject)['f:replicas'], {});
});

test('ssa: containers are an associative list: another manager keeps its container', () => {
  const created = apply(undefined, deployment(2), 'a');
  const sidecar = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'envoy' }] } } },
  };
  const out = apply(created, sidecar, 'b');
  const containers = (((out.spec as JsonObject).template as JsonObject).spec as JsonObject)
    .containers as JsonObject[];
  assert.deepEqual(
    containers.map((c) => c.name),
    ['web', 'sidecar'],
  );
  const removed = apply(out, { ...sidecar, spec: { template: { spec: { containers: [] } } } }, 'b');
  const after = (((removed.spec as JsonObject).template as JsonObject).spec as JsonObject)
    .containers as JsonObject[];
  assert.deepEqual(
    after.map((c) => c.name),
    ['web'],
  );
});

test('ssa: finalizers are a set (v: entries); atomic lists are replaced', () => {
  const out = applyServerSide({
    live: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', finalizers: ['x'] }, spec: {} },
    applied: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', finalizers: ['y'] },
      spec: { tolerations: [{ key: 'k', operator: 'Exists' }] },
    },
    manager: 'm',
    force: false,
    kind: 'Pod',
    now: T1,
  });
  assert.deepEqual((out.metadata as JsonObject).finalizers, ['x', 'y']);
  assert.deepEqual(managed(out)[0].fieldsV1, {
    'f:metadata': { 'f:finalizers': { 'v:"y"': {} } },
    'f:spec': { 'f:tolerations': {} },
  });
});

test('ssa: custom resources get metadata rules and atomic lists', () => {
  const out = applyServerSide({
    live: undefined,
    applied: {
      apiVersion: 'omni.example.io/v1alpha1',
      kind: 'NodeTemplate',
      metadata: { name: 't' },
      spec: { zones: ['a'] },
    },
    manager: 'omni',
    force: false,
    kind: 'NodeTemplate',
    now: T2,
  });
  assert.deepEqual(managed(out), [
    {
      manager: 'omni',
      operation: 'Apply',
      apiVersion: 'omni.example.io/v1alpha1',
      time: '2026-11-25T09:00:00Z',
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:spec': { 'f:zones': {} } },
    },
  ]);
});

test('ssa: a no-op reapply keeps the previous timestamp', () => {
  const created = apply(undefined, deployment(2));
  const out = applyServerSide({
    live: created,
    applied: deployment(2),
    manager: 'kubectl',
    force: false,
    kind: 'Deployment',
    now: T2,
  });
  assert.deepEqual(out, created);
});

test('update: create records every field, maps with "."', () => {
  const out = recordUpdateManager({
    before: undefined,
    after: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', labels: { a: '1' } },
      data: { k: 'v' },
    },
    manager: 'kubectl-create',
    now: T2,
    kind: 'ConfigMap',
  });
  assert.deepEqual(managed(out), [
    {
      manager: 'kubectl-create',
      operation: 'Update',
      apiVersion: 'v1',
      time: '2026-11-25T09:00:00Z',
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:data': { '.': {}, 'f:k': {} },
        'f:metadata': { 'f:labels': { '.': {}, 'f:a': {} } },
      },
    },
  ]);
});

test('update: a label change moves ownership of that field; removed fields leave every manager', () => {
  const created = recordUpdateManager({
    before: undefined,
    after: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', labels: { a: '1', b: '2' } },
      data: { k: 'v' },
    },
    manager: 'kubectl-create',
    now: T1,
    kind: 'ConfigMap',
  });
  const after = structuredClone(created);
  (after.metadata as JsonObject).labels = { a: 'changed' };
  const out = recordUpdateManager({
    before: created,
    after,
    manager: 'kubectl-label',
    now: T2,
    kind: 'ConfigMap',
  });
  assert.deepEqual(
    managed(out).map((e) => [e.manager, e.time, e.fieldsV1]),
    [
      ['kubectl-create', T1, { 'f:data': { '.': {}, 'f:k': {} }, 'f:metadata': { 'f:labels': {} } }],
      ['kubectl-label', '2026-11-25T09:00:00Z', { 'f:metadata': { 'f:labels': { 'f:a': {} } } }],
    ],
  );
});

test('update: a write that changes nothing adds no entry', () => {
  const created = recordUpdateManager({
    before: undefined,
    after: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { k: 'v' } },
    manager: 'a',
    now: T1,
    kind: 'ConfigMap',
  });
  const out = recordUpdateManager({
    before: created,
    after: created,
    manager: 'b',
    now: T2,
    kind: 'ConfigMap',
  });
  assert.deepEqual(out, created);
});

test('update then apply: kubectl apply (client-side) followed by apply --server-side --force-conflicts', () => {
  const csa = recordUpdateManager({
    before: undefined,
    after: deployment(2),
    manager: 'kubectl-client-side-apply',
    now: T1,
    kind: 'Deployment',
  });
  const out = apply(csa, deployment(4), 'omni', true);
  assert.equal((out.spec as JsonObject).replicas, 4);
  const old = entry(out, 'kubectl-client-side-apply')?.fieldsV1 as JsonObject;
  assert.equal((old['f:spec'] as JsonObject)['f:replicas'], undefined);
  assert.deepEqual(
    managed(out).map((e) => [e.manager, e.operation]),
    [
      ['omni', 'Apply'],
      ['kubectl-client-side-apply', 'Update'],
    ],
  );
});

test('ssa: a label set by kubectl label conflicts with an applier that changes it', () => {
  const cm = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'c', labels: { tier: 'a' } },
    data: { k: 'v' },
  };
  const created = applyServerSide({
    live: undefined,
    applied: cm,
    manager: 'omni',
    force: false,
    kind: 'ConfigMap',
    now: T1,
  });
  const after = structuredClone(created);
  (after.metadata as JsonObject).labels = { tier: 'b' };
  const labelled = recordUpdateManager({
    before: created,
    after,
    manager: 'kubectl-label',
    now: T2,
    kind: 'ConfigMap',
  });
  const err = patchError(() =>
    applyServerSide({
      live: labelled,
      applied: cm,
      manager: 'omni',
      force: false,
      kind: 'ConfigMap',
      now: T2,
    }),
  );
  assert.equal(
    err.message,
    'Apply failed with 1 conflict: conflict with "kubectl-label" using v1: .metadata.labels.tier',
  );
  const forced = applyServerSide({
    live: labelled,
    applied: cm,
    manager: 'omni',
    force: true,
    kind: 'ConfigMap',
    now: T2,
  });
  assert.deepEqual((forced.metadata as JsonObject).labels, { tier: 'a' });
  assert.deepEqual(
    managed(forced).map((e) => e.manager),
    ['omni'],
  );
});

test('ssa: service ports are keyed by port', () => {
  const svc = (ports: JsonObject[]): JsonObject => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 's' },
    spec: { ports },
  });
  const a = applyServerSide({
    live: undefined,
    applied: svc([{ port: 80, targetPort: 8080 }]),
    manager: 'a',
    force: false,
    kind: 'Service',
    now: T1,
  });
  const b = applyServerSide({
    live: a,
    applied: svc([{ port: 443 }]),
    manager: 'b',
    force: false,
    kind: 'Service',
    now: T1,
  });
  assert.deepEqual((b.spec as JsonObject).ports, [{ port: 80, targetPort: 8080 }, { port: 443 }]);
  assert.deepEqual(entry(b, 'b')?.fieldsV1, {
    'f:spec': { 'f:ports': { 'k:{"port":443}': { '.': {}, 'f:port': {} } } },
  });
});

test('ssa: list items without their key, or with a duplicate key, are 422', () => {
  const missing = deployment(1);
  const spec = ((missing.spec as JsonObject).template as JsonObject).spec as JsonObject;
  spec.containers = [{ image: 'nginx' }];
  const err = patchError(() => apply(undefined, missing));
  assert.equal(err.code, 422);
  assert.match(err.message, /\.spec\.template\.spec\.containers: element 0: .*omits key field "name"/);
  spec.containers = [
    { name: 'a', image: 'x' },
    { name: 'a', image: 'y' },
  ];
  const dup = patchError(() => apply(undefined, missing));
  assert.equal(dup.code, 422);
  assert.match(dup.message, /duplicate entries for key \[name="a"\]/);
});
