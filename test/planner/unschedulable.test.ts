// One test per reason a pod can be left unschedulable; each reason names what the user can change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan, validatePlan, type PlanInput, type UnschedulablePod } from '../../src/planner/index.ts';
import { EDGE, world } from './support/world.ts';
import { EDGE_TOLERATION, pod, template } from './support/builders.ts';

function only(input: PlanInput): UnschedulablePod {
  const result = plan(input);
  assert.deepEqual(validatePlan(input, result), []);
  assert.equal(result.nodes.length, 0);
  assert.equal(result.unschedulable.length, 1);
  return result.unschedulable[0];
}

test('no NodeTemplate at all', () => {
  const u = only(world({ nodeTemplates: [], pods: [pod('a')] }));
  assert.deepEqual(u, {
    pod: 'default/a',
    code: 'no-template',
    reason: 'there is no NodeTemplate; add one that allows this pod',
  });
});

test('a template taint the pod does not tolerate', () => {
  const u = only(
    world({
      nodeTemplates: [
        template('gpu', { taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }] }),
      ],
      pods: [pod('a')],
    }),
  );
  assert.equal(u.code, 'no-template');
  assert.equal(
    u.reason,
    'no NodeTemplate accepts it ("gpu": its taint nvidia.com/gpu=true:NoSchedule is not tolerated); add a toleration or fix the selector',
  );
});

test('the node-template selector names a template that does not exist', () => {
  const u = only(
    world({ pods: [pod('a', { spec: { nodeSelector: { 'scheduling.cast.ai/node-template': 'fast' } } })] }),
  );
  assert.equal(u.code, 'no-template');
  assert.equal(
    u.reason,
    'it selects scheduling.cast.ai/node-template=fast, but there is no NodeTemplate "fast"',
  );
});

test('a template label that contradicts the nodeSelector', () => {
  const u = only(
    world({
      nodeTemplates: [template('t', { labels: { team: 'a' } })],
      pods: [pod('x', { spec: { nodeSelector: { team: 'b' } } })],
    }),
  );
  assert.match(u.reason, /"t": its label team=a differs from the pod's nodeSelector team=b/);
});

test('a PVC pod when templates allow only edge locations', () => {
  const edgeOnly = template('edge', { mainRegion: false, edgeLocations: [EDGE.metadata.name] });
  const u = only(
    world({
      nodeTemplates: [edgeOnly],
      pods: [
        pod('db', {
          spec: {
            tolerations: [EDGE_TOLERATION],
            volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'd' } }],
          },
        }),
      ],
    }),
  );
  assert.equal(u.code, 'location');
  assert.equal(
    u.reason,
    'it mounts a PersistentVolumeClaim, so it must stay in the main region, but NodeTemplate "edge" does not allow the main region (set mainRegion: true)',
  );
});

test('a pod that does not tolerate the edge taint when templates allow only edge locations', () => {
  const edgeOnly = template('edge', { mainRegion: false, edgeLocations: [EDGE.metadata.name] });
  const u = only(world({ nodeTemplates: [edgeOnly], pods: [pod('a')] }));
  assert.equal(u.code, 'location');
  assert.equal(
    u.reason,
    'NodeTemplate "edge" only allows edge locations, and the pod does not tolerate the edge taint virtual-node.omni.cast.ai/not-allowed=true:NoExecute',
  );
});

test('a node selector no allowed node matches', () => {
  const u = only(
    world({
      pods: [pod('a', { spec: { nodeSelector: { 'node.kubernetes.io/instance-type': 'z9.huge' } } })],
    }),
  );
  assert.equal(u.code, 'selector');
  assert.equal(
    u.reason,
    'no allowed node would match its node selector / required affinity (node.kubernetes.io/instance-type=z9.huge)',
  );
});

test('a GPU request when no usable template allows GPU types', () => {
  const u = only(
    world({
      nodeTemplates: [template('cpu', { constraints: { instanceFamilies: { include: ['m5', 'c5'] } } })],
      pods: [pod('a', { gpu: 1 })],
    }),
  );
  assert.equal(u.code, 'gpu');
  assert.match(
    u.reason,
    /requests 1 nvidia.com\/gpu, but no NodeTemplate it can use allows a GPU instance type/,
  );
});

test('requests larger than every allowed instance type', () => {
  const u = only(world({ pods: [pod('a', { cpu: '32', memory: '1Gi' })] }));
  assert.equal(u.code, 'too-large');
  assert.equal(
    u.reason,
    'its requests (cpu 32, memory 1Gi) do not fit any allowed instance type after system reserve and daemonsets; the largest allowed is m5.4xlarge with cpu 15890m, memory 58.42Gi allocatable',
  );
});

test('topology spread on zone when no compatible offering has a zone', () => {
  const spec = {
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        labelSelector: { matchLabels: { app: 'a' } },
      },
    ],
  };
  const zoned = world().catalog;
  // The same offerings with no zone (as the AWS snapshot has).
  const catalog = {
    ...zoned,
    query: (q: Parameters<typeof zoned.query>[0]) => zoned.query(q).map((o) => ({ ...o, zone: '' })),
  };
  const u = only(world({ catalog, pods: [pod('a', { labels: { app: 'a' }, spec })] }));
  assert.equal(u.code, 'topology');
});

test('every compatible offering is marked unavailable', () => {
  const u = only(
    world({
      nodeTemplates: [template('t')],
      pods: [pod('a')],
      unavailable: [{ cloud: 'aws', region: 'us-east-1', instanceType: '*' }],
    }),
  );
  assert.equal(u.code, 'unavailable');
  assert.match(u.reason, /^all \d+ compatible offerings are marked unavailable \(out of capacity\)/);
});

test('template limits reached before the first node', () => {
  const u = only(world({ nodeTemplates: [template('t', { limits: { cpu: '1' } })], pods: [pod('a')] }));
  assert.equal(u.code, 'limits');
  assert.equal(
    u.reason,
    'the limits (cpu/memory/gpu) of NodeTemplate "t" are reached; raise spec.limits or free capacity',
  );
});

test('a template that allows no instance type in its locations', () => {
  const u = only(
    world({
      nodeTemplates: [template('t', { constraints: { instanceFamilies: { include: ['x1e'] } } })],
      pods: [pod('a')],
    }),
  );
  assert.equal(u.code, 'location');
  assert.match(u.reason, /NodeTemplate "t" allows no instance type in its locations/);
});
