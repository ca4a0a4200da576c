import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crdVersions, defaultCrd, validateCrd, type JsonObject } from '../../src/crd/index.ts';
import { edgeLocationCrd } from './fixtures.ts';

const NOW = '2026-11-25T08:00:00Z';

test('defaultCrd fills names, conversion and the status a real server converges to', () => {
  const crd = edgeLocationCrd();
  const before = structuredClone(crd);
  const out = defaultCrd(crd, NOW);
  assert.deepEqual(crd, before, 'input untouched');
  const spec = out.spec as JsonObject;
  assert.deepEqual(spec.names, {
    plural: 'edgelocations',
    kind: 'EdgeLocation',
    shortNames: ['el'],
    categories: ['omni'],
    singular: 'edgelocation',
    listKind: 'EdgeLocationList',
  });
  assert.deepEqual(spec.conversion, { strategy: 'None' });
  assert.deepEqual(out.status, {
    conditions: [
      {
        type: 'NamesAccepted',
        status: 'True',
        reason: 'NoConflicts',
        message: 'no conflicts found',
        lastTransitionTime: NOW,
      },
      {
        type: 'Established',
        status: 'True',
        reason: 'InitialNamesAccepted',
        message: 'the initial names have been accepted',
        lastTransitionTime: NOW,
      },
    ],
    acceptedNames: {
      plural: 'edgelocations',
      singular: 'edgelocation',
      shortNames: ['el'],
      kind: 'EdgeLocation',
      listKind: 'EdgeLocationList',
      categories: ['omni'],
    },
    storedVersions: ['v1alpha1'],
  });
  assert.deepEqual(validateCrd(out), []);
});

test('defaultCrd on an update keeps transition times and earlier stored versions', () => {
  const first = defaultCrd(edgeLocationCrd(), NOW);
  const versions = (first.spec as JsonObject).versions as JsonObject[];
  versions[0].storage = false;
  versions.push({ ...structuredClone(versions[0]), name: 'v1', storage: true });
  const second = defaultCrd(first, '2026-11-25T09:00:00Z');
  const status = second.status as JsonObject;
  assert.deepEqual(status.storedVersions, ['v1alpha1', 'v1']);
  assert.equal((status.conditions as JsonObject[])[1].lastTransitionTime, NOW);
});

test('defaultCrd keeps explicit names and a webhook conversion, defaulting the service port', () => {
  const crd = edgeLocationCrd();
  const spec = crd.spec as JsonObject;
  (spec.names as JsonObject).singular = 'edge';
  spec.conversion = {
    strategy: 'Webhook',
    webhook: {
      clientConfig: { service: { name: 'conv', namespace: 'omni' } },
      conversionReviewVersions: ['v1'],
    },
  };
  const out = defaultCrd(crd, NOW).spec as JsonObject;
  assert.equal((out.names as JsonObject).singular, 'edge');
  assert.deepEqual(out.conversion, {
    strategy: 'Webhook',
    webhook: {
      clientConfig: { service: { name: 'conv', namespace: 'omni', port: 443 } },
      conversionReviewVersions: ['v1'],
    },
  });
});

test('crdVersions compiles each version', () => {
  const [info] = crdVersions(edgeLocationCrd());
  assert.equal(info.group, 'omni.dev');
  assert.equal(info.version, 'v1alpha1');
  assert.equal(info.plural, 'edgelocations');
  assert.equal(info.singular, 'edgelocation');
  assert.equal(info.kind, 'EdgeLocation');
  assert.equal(info.listKind, 'EdgeLocationList');
  assert.deepEqual(info.shortNames, ['el']);
  assert.deepEqual(info.categories, ['omni']);
  assert.equal(info.namespaced, true);
  assert.equal(info.served, true);
  assert.equal(info.storage, true);
  assert.equal(info.statusSubresource, true);
  assert.deepEqual(info.scaleSubresource, {
    specReplicasPath: '.spec.replicas',
    statusReplicasPath: '.status.replicas',
    labelSelectorPath: '.status.selector',
  });
  assert.deepEqual(
    info.printerColumns.map((c) => [c.name, c.type, c.jsonPath]),
    [
      ['Cloud', 'string', '.spec.cloud'],
      ['Region', 'string', '.spec.region'],
      ['State', 'string', '.status.state'],
      ['Age', 'date', '.metadata.creationTimestamp'],
    ],
  );
  assert.equal((info.schema as JsonObject).type, 'object');
});

test('crdVersions: cluster scope, no subresources, and the default Age column', () => {
  const crd = edgeLocationCrd();
  const spec = crd.spec as JsonObject;
  spec.scope = 'Cluster';
  const v = (spec.versions as JsonObject[])[0];
  delete v.subresources;
  delete v.additionalPrinterColumns;
  v.served = false;
  const [info] = crdVersions(crd);
  assert.equal(info.namespaced, false);
  assert.equal(info.served, false);
  assert.equal(info.statusSubresource, false);
  assert.equal(info.scaleSubresource, undefined);
  assert.deepEqual(
    info.printerColumns.map((c) => [c.name, c.type, c.jsonPath]),
    [['Age', 'date', '.metadata.creationTimestamp']],
  );
});
