import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ValidationError,
  parseEdgeLocation,
  parseEdgeNodeConfiguration,
  parseNodeClaim,
  parseNodeTemplate,
} from '../../src/apis/index.ts';

const head = (kind: string, name: string) => ({
  apiVersion: 'omni.cast.ai/v1alpha1',
  kind,
  metadata: { name },
});

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ValidationError, String(err));
    return err.problems;
  }
  assert.fail('expected a ValidationError');
}

test('NodeTemplate defaults every field as DESIGN.md says', () => {
  const t = parseNodeTemplate(head('NodeTemplate', 'default'));
  assert.equal(t.spec.mainRegion, true);
  assert.deepEqual(t.spec.edgeLocations, []);
  assert.equal(t.spec.constraints.spot, false);
  assert.equal(t.spec.constraints.onDemand, true);
  assert.equal(t.spec.constraints.fallbackRestoreRateSeconds, 1800);
  assert.deepEqual(t.spec.constraints.architectures, ['amd64']);
  assert.deepEqual(t.spec.constraints.gpu, { names: [], minCount: 0, maxCount: 0 });
  assert.deepEqual(t.spec.limits, { cpu: '0', memory: '0', gpu: 0 });
  assert.equal(t.spec.weight, 0);
});

test('NodeTemplate accepts x86_64/aarch64 as amd64/arm64', () => {
  const t = parseNodeTemplate({
    ...head('NodeTemplate', 'a'),
    spec: { constraints: { architectures: ['x86_64', 'aarch64'] } },
  });
  assert.deepEqual(t.spec.constraints.architectures, ['amd64', 'arm64']);
});

test('NodeTemplate with edge locations allows only amd64', () => {
  const p = problems(() =>
    parseNodeTemplate({
      ...head('NodeTemplate', 'gpu'),
      spec: { edgeLocations: ['x'], constraints: { architectures: ['arm64'] } },
    }),
  );
  assert.deepEqual(p, [
    'NodeTemplate "gpu": spec.constraints.architectures: only amd64 is allowed with edgeLocations (edge nodes are x86_64 only)',
  ]);
});

test('NodeTemplate: unknown fields, min > max and bad quantities are named by path', () => {
  const p = problems(() =>
    parseNodeTemplate({
      ...head('NodeTemplate', 't'),
      spec: {
        colour: 'red',
        constraints: {
          minCpu: 8,
          maxCpu: 4,
          minMemory: '2Gi',
          maxMemory: '1Gi',
          gpu: { minCount: 3, maxCount: 1 },
        },
        limits: { cpu: 'lots' },
      },
    }),
  );
  assert.ok(p.includes('NodeTemplate "t": spec: unknown field "colour"'), p.join('\n'));
  assert.ok(
    p.includes('NodeTemplate "t": spec.constraints.minCpu: 8 is greater than maxCpu 4'),
    p.join('\n'),
  );
  assert.ok(
    p.includes('NodeTemplate "t": spec.constraints.minMemory: 2Gi is greater than maxMemory 1Gi'),
    p.join('\n'),
  );
  assert.ok(
    p.includes('NodeTemplate "t": spec.constraints.gpu.minCount: is greater than gpu.maxCount'),
    p.join('\n'),
  );
  assert.ok(
    p.some((x) => x.startsWith('NodeTemplate "t": spec.limits.cpu: must be a Kubernetes quantity')),
    p.join('\n'),
  );
});

test('NodeTemplate that allows no location or no lifecycle is rejected', () => {
  const p = problems(() =>
    parseNodeTemplate({
      ...head('NodeTemplate', 't'),
      spec: { mainRegion: false, constraints: { onDemand: false } },
    }),
  );
  assert.equal(p.length, 2);
});

test('wrong apiVersion, kind and a missing name are reported', () => {
  const p = problems(() => parseNodeTemplate({ apiVersion: 'v1', kind: 'NodeTemplate', metadata: {} }));
  assert.deepEqual(p, [
    'NodeTemplate (no metadata.name): apiVersion: must be omni.cast.ai/v1alpha1',
    'NodeTemplate (no metadata.name): metadata.name: is required',
  ]);
});

test('EdgeLocation: cloud-specific block must match the cloud; unknown clouds rejected', () => {
  const ok = parseEdgeLocation({
    ...head('EdgeLocation', 'e'),
    spec: { cloud: 'gcp', region: 'us-central1', gcp: { projectId: 'p' } },
  });
  assert.deepEqual(ok.spec.edgeCluster, { addons: [], tunneledCidrs: [] });
  const p = problems(() =>
    parseEdgeLocation({ ...head('EdgeLocation', 'e'), spec: { cloud: 'gcp', region: 'r', aws: {} } }),
  );
  assert.deepEqual(p, ['EdgeLocation "e": spec.aws: is set but cloud is gcp']);
  const q = problems(() =>
    parseEdgeLocation({ ...head('EdgeLocation', 'e'), spec: { cloud: 'azure', region: 'r' } }),
  );
  assert.equal(q.length, 1);
  assert.match(q[0], /^EdgeLocation "e": spec\.cloud: /);
});

test('EdgeNodeConfiguration and NodeClaim parse with defaults', () => {
  const c = parseEdgeNodeConfiguration({
    ...head('EdgeNodeConfiguration', 'e'),
    spec: { edgeLocation: 'e', image: 'ubuntu-24.04' },
  });
  assert.equal(c.spec.bootDiskSizeGiB, 100);
  const n = parseNodeClaim({
    ...head('NodeClaim', 'n'),
    spec: {
      nodeTemplate: 'default',
      location: 'main',
      cloud: 'aws',
      region: 'us-east-1',
      instanceType: 'm5.large',
      lifecycle: 'spot',
      pricePerHour: 0.03,
    },
  });
  assert.equal(n.spec.zone, '');
  const p = problems(() => parseNodeClaim({ ...head('NodeClaim', 'n'), spec: { nodeTemplate: 'd' } }));
  assert.ok(
    p.some((x) => x.startsWith('NodeClaim "n": spec.location:')),
    p.join('\n'),
  );
});
