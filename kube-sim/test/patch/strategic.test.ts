import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyStrategicMergePatch, PatchError, type JsonObject } from '../../src/patch/index.ts';

function deployment(): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'patch-demo', labels: { app: 'nginx' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'nginx' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [{ name: 'patch-demo-ctr', image: 'nginx', env: [{ name: 'A', value: '1' }] }],
          tolerations: [{ effect: 'NoSchedule', key: 'dedicated', value: 'test-team' }],
        },
      },
    },
  };
}

function podSpec(obj: JsonObject): JsonObject {
  const spec = obj.spec as JsonObject;
  return (spec.template as JsonObject).spec as JsonObject;
}

function names(list: unknown): unknown[] {
  return (list as JsonObject[]).map((c) => c.name);
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

test('smp: containers merge by name; a new container goes first (docs example)', () => {
  const original = deployment();
  const out = applyStrategicMergePatch(
    original,
    { spec: { template: { spec: { containers: [{ name: 'patch-demo-ctr-2', image: 'redis' }] } } } },
    'Deployment',
  );
  assert.deepEqual(podSpec(out).containers, [
    { name: 'patch-demo-ctr-2', image: 'redis' },
    { name: 'patch-demo-ctr', image: 'nginx', env: [{ name: 'A', value: '1' }] },
  ]);
  assert.equal((podSpec(original).containers as unknown[]).length, 1, 'input not mutated');
});

test('smp: an existing container is merged field by field, env by name', () => {
  const out = applyStrategicMergePatch(
    deployment(),
    {
      spec: {
        template: {
          spec: {
            containers: [{ name: 'patch-demo-ctr', image: 'nginx:1.27', env: [{ name: 'B', value: '2' }] }],
          },
        },
      },
    },
    'Deployment',
  );
  assert.deepEqual(podSpec(out).containers, [
    {
      name: 'patch-demo-ctr',
      image: 'nginx:1.27',
      env: [
        { name: 'B', value: '2' },
        { name: 'A', value: '1' },
      ],
    },
  ]);
});

test('smp: tolerations have no merge key and are replaced (docs example)', () => {
  const out = applyStrategicMergePatch(
    deployment(),
    {
      spec: {
        template: { spec: { tolerations: [{ effect: 'NoSchedule', key: 'disktype', value: 'ssd' }] } },
      },
    },
    'Deployment',
  );
  assert.deepEqual(podSpec(out).tolerations, [{ effect: 'NoSchedule', key: 'disktype', value: 'ssd' }]);
});

test('smp: $retainKeys clears unlisted keys (docs example)', () => {
  const out = applyStrategicMergePatch(
    deployment(),
    { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
    'Deployment',
  );
  assert.deepEqual((out.spec as JsonObject).strategy, { type: 'Recreate' });
});

test('smp: $retainKeys must cover the keys in the patch', () => {
  const err = patchError(() =>
    applyStrategicMergePatch(
      deployment(),
      { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: {} } } },
      'Deployment',
    ),
  );
  assert.equal(err.code, 400);
});

test('smp: without $retainKeys the map is merged', () => {
  const out = applyStrategicMergePatch(
    deployment(),
    { spec: { strategy: { type: 'Recreate' } } },
    'Deployment',
  );
  assert.deepEqual((out.spec as JsonObject).strategy, {
    type: 'Recreate',
    rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
  });
});

test('smp: $patch: delete removes a list element by merge key', () => {
  const pod = {
    metadata: { name: 'p' },
    spec: {
      containers: [
        { name: 'a', image: 'x' },
        { name: 'b', image: 'y' },
      ],
    },
  };
  const out = applyStrategicMergePatch(
    pod,
    { spec: { containers: [{ name: 'a', $patch: 'delete' }] } },
    'Pod',
  );
  assert.deepEqual((out.spec as JsonObject).containers, [{ name: 'b', image: 'y' }]);
});

test('smp: $patch: replace on a list replaces it', () => {
  const pod = {
    spec: {
      containers: [
        { name: 'a', image: 'x' },
        { name: 'b', image: 'y' },
      ],
    },
  };
  const out = applyStrategicMergePatch(
    pod,
    { spec: { containers: [{ name: 'c', image: 'z' }, { $patch: 'replace' }] } },
    'Pod',
  );
  assert.deepEqual((out.spec as JsonObject).containers, [{ name: 'c', image: 'z' }]);
});

test('smp: $patch: replace on a map replaces it', () => {
  const out = applyStrategicMergePatch(
    { metadata: { labels: { a: '1', b: '2' } } },
    { metadata: { labels: { c: '3', $patch: 'replace' } } },
    'Pod',
  );
  assert.deepEqual(out.metadata, { labels: { c: '3' } });
});

test('smp: $patch: delete on a map empties it', () => {
  const out = applyStrategicMergePatch(
    { metadata: { name: 'n', labels: { a: '1' } } },
    { metadata: { labels: { $patch: 'delete' } } },
    'Pod',
  );
  assert.deepEqual(out.metadata, { name: 'n', labels: {} });
});

test('smp: an unknown $patch directive is rejected', () => {
  assert.equal(
    patchError(() => applyStrategicMergePatch({}, { metadata: { $patch: 'frob' } }, 'Pod')).code,
    400,
  );
});

test('smp: null deletes a key', () => {
  const out = applyStrategicMergePatch(
    { metadata: { name: 'n', labels: { a: '1', b: '2' } }, spec: { nodeName: 'x' } },
    { metadata: { labels: { a: null } }, spec: { nodeName: null } },
    'Pod',
  );
  assert.deepEqual(out, { metadata: { name: 'n', labels: { b: '2' } }, spec: {} });
});

test('smp: finalizers merge as a set of primitives', () => {
  const out = applyStrategicMergePatch(
    { metadata: { finalizers: ['a', 'b'] } },
    { metadata: { finalizers: ['b', 'c'] } },
    'Pod',
  );
  assert.deepEqual((out.metadata as JsonObject).finalizers, ['a', 'b', 'c']);
});

test('smp: $deleteFromPrimitiveList removes finalizers', () => {
  const out = applyStrategicMergePatch(
    { metadata: { finalizers: ['a', 'b', 'c'] } },
    { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'] } },
    'Namespace',
  );
  assert.deepEqual((out.metadata as JsonObject).finalizers, ['a', 'c']);
});

test('smp: $setElementOrder orders a merged list', () => {
  const pod = {
    spec: {
      containers: [
        { name: 'a', image: '1' },
        { name: 'b', image: '2' },
      ],
    },
  };
  const out = applyStrategicMergePatch(
    pod,
    {
      spec: {
        '$setElementOrder/containers': [{ name: 'b' }, { name: 'c' }, { name: 'a' }],
        containers: [{ name: 'c', image: '3' }],
      },
    },
    'Pod',
  );
  assert.deepEqual(names((out.spec as JsonObject).containers), ['b', 'c', 'a']);
});

test('smp: $setElementOrder on primitives with a deletion list (kubectl apply shape)', () => {
  const out = applyStrategicMergePatch(
    { metadata: { finalizers: ['x', 'y', 'z'] } },
    {
      metadata: {
        '$setElementOrder/finalizers': ['z', 'w', 'x'],
        finalizers: ['w'],
        '$deleteFromPrimitiveList/finalizers': ['y'],
      },
    },
    'Pod',
  );
  assert.deepEqual((out.metadata as JsonObject).finalizers, ['z', 'w', 'x']);
});

test('smp: kubectl apply three-way patch for a changed image', () => {
  const out = applyStrategicMergePatch(
    deployment(),
    {
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'patch-demo-ctr' }],
            containers: [{ image: 'nginx:2', name: 'patch-demo-ctr' }],
          },
        },
      },
    },
    'Deployment',
  );
  assert.equal((podSpec(out).containers as JsonObject[])[0].image, 'nginx:2');
  assert.deepEqual((out.metadata as JsonObject).annotations, {
    'kubectl.kubernetes.io/last-applied-configuration': '{}',
  });
});

test('smp: node cordon and taints replaced whole', () => {
  const node = { metadata: { name: 'n' }, spec: { taints: [{ key: 'a', effect: 'NoSchedule' }] } };
  const out = applyStrategicMergePatch(
    node,
    { spec: { unschedulable: true, taints: [{ key: 'b', effect: 'NoExecute' }] } },
    'Node',
  );
  assert.deepEqual(out.spec, { taints: [{ key: 'b', effect: 'NoExecute' }], unschedulable: true });
});

test('smp: status conditions merge by type', () => {
  const pod = {
    status: {
      conditions: [
        { type: 'Ready', status: 'False' },
        { type: 'PodScheduled', status: 'True' },
      ],
    },
  };
  const out = applyStrategicMergePatch(
    pod,
    { status: { conditions: [{ type: 'Ready', status: 'True' }] } },
    'Pod',
  );
  assert.deepEqual((out.status as JsonObject).conditions, [
    { type: 'Ready', status: 'True' },
    { type: 'PodScheduled', status: 'True' },
  ]);
});

test('smp: service ports merge by port; ownerReferences by uid', () => {
  const svc = {
    metadata: { ownerReferences: [{ uid: 'u1', name: 'a' }] },
    spec: { ports: [{ port: 80, targetPort: 8080 }] },
  };
  const out = applyStrategicMergePatch(
    svc,
    {
      metadata: { ownerReferences: [{ uid: 'u2', name: 'b' }] },
      spec: { ports: [{ port: 80, name: 'http' }] },
    },
    'Service',
  );
  assert.deepEqual(out, {
    metadata: {
      ownerReferences: [
        { uid: 'u2', name: 'b' },
        { uid: 'u1', name: 'a' },
      ],
    },
    spec: { ports: [{ port: 80, targetPort: 8080, name: 'http' }] },
  });
});

test('smp: directives and nulls in new values are dropped', () => {
  const out = applyStrategicMergePatch(
    { spec: {} },
    {
      spec: {
        containers: [
          { name: 'a', image: 'x', command: null },
          { name: 'b', $patch: 'delete' },
        ],
      },
    },
    'Pod',
  );
  assert.deepEqual(out.spec, { containers: [{ name: 'a', image: 'x' }] });
});

test('smp: a merge-keyed element without its key is rejected', () => {
  assert.equal(
    patchError(() =>
      applyStrategicMergePatch({ spec: {} }, { spec: { containers: [{ image: 'x' }] } }, 'Pod'),
    ).code,
    422,
  );
});

test('smp: custom resources are refused with 415', () => {
  const err = patchError(() => applyStrategicMergePatch({}, { spec: {} }, 'NodeTemplate'));
  assert.equal(err.code, 415);
  assert.match(
    err.message,
    /^the body of the request was in an unknown format - accepted media types include:/,
  );
});

test('smp: ConfigMap data is merged key by key', () => {
  const out = applyStrategicMergePatch(
    { data: { a: '1', b: '2' } },
    { data: { b: null, c: '3' } },
    'ConfigMap',
  );
  assert.deepEqual(out, { data: { a: '1', c: '3' } });
});
