import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPath, fromFieldsV1, toFieldsV1 } from '../../src/patch/fields-v1.ts';

test('fieldsV1: decodes and re-encodes an upstream entry unchanged', () => {
  const upstream = {
    'f:metadata': {
      'f:annotations': { '.': {}, 'f:kubectl.kubernetes.io/last-applied-configuration': {} },
      'f:finalizers': { '.': {}, 'v:"example.com/x"': {} },
    },
    'f:spec': {
      'f:replicas': {},
      'f:template': {
        'f:spec': {
          'f:containers': {
            'k:{"name":"nginx"}': {
              '.': {},
              'f:image': {},
              'f:ports': {
                '.': {},
                'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} },
              },
            },
          },
        },
      },
    },
  };
  const set = fromFieldsV1(upstream);
  assert.equal(set.size, 10);
  assert.deepEqual(toFieldsV1(set), upstream);
});

test('fieldsV1: paths print like upstream fieldpath.Path.String()', () => {
  assert.equal(formatPath(['f:spec', 'f:replicas']), '.spec.replicas');
  assert.equal(
    formatPath(['f:spec', 'f:containers', 'k:{"name":"web"}', 'f:image']),
    '.spec.containers[name="web"].image',
  );
  assert.equal(
    formatPath(['f:ports', 'k:{"containerPort":80,"protocol":"TCP"}']),
    '.ports[containerPort=80,protocol="TCP"]',
  );
  assert.equal(formatPath(['f:metadata', 'f:finalizers', 'v:"a"']), '.metadata.finalizers[="a"]');
  assert.equal(formatPath(['f:args', 'i:2']), '.args[2]');
});

test('fieldsV1: garbage decodes to an empty set', () => {
  assert.equal(fromFieldsV1(undefined).size, 0);
  assert.equal(fromFieldsV1('x').size, 0);
  assert.deepEqual(toFieldsV1(fromFieldsV1({})), {});
});
