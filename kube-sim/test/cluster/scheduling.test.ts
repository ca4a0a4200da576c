import { test } from 'node:test';
import assert from 'node:assert/strict';
import { field, items, startTestCluster, waitFor, type JsonObject } from './helpers.ts';

function gpuPod(name: string, gpus: number): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'train', image: 'cuda', resources: { limits: { 'nvidia.com/gpu': String(gpus) } } }] },
  };
}

test('a pod asking for more than any node has is Unschedulable with kube-scheduler\'s message, an event, and is retried when a node joins', async () => {
  const c = await startTestCluster({ nodes: { count: 3, extended: { 'nvidia.com/gpu': 1 } } });
  try {
    c.sim.addNodes({ count: 2, namePrefix: 'tainted-', taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] });
    await c.apply(gpuPod('trainer', 2));
    const expected =
      '0/5 nodes are available: 2 node(s) had untolerated taint {gpu: true}, 3 Insufficient nvidia.com/gpu. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.';
    const cond = await waitFor(async () => {
      const pod = await c.getJson('pod', 'trainer');
      return ((field(pod, 'status.conditions') as JsonObject[] | undefined) ?? []).find((x) => x.type === 'PodScheduled' && x.status === 'False');
    }, 'PodScheduled=False');
    assert.equal(cond.reason, 'Unschedulable');
    assert.equal(cond.message, expected);
    const events = items(await c.getJson('events', '--field-selector', 'involvedObject.name=trainer,reason=FailedScheduling'));
    assert.equal(events.length, 1);
    assert.equal(events[0].message, expected);
    assert.equal(events[0].type, 'Warning');
    const describe = await c.ok('describe', 'pod', 'trainer');
    assert.match(describe, /FailedScheduling/);

    c.sim.addNodes({ count: 1, namePrefix: 'big-gpu-', extended: { 'nvidia.com/gpu': 4 } });
    const bound = await waitFor(async () => field(await c.getJson('pod', 'trainer'), 'spec.nodeName'), 'binding after a node joined');
    assert.equal(bound, 'big-gpu-0');
  } finally {
    await c.close();
  }
});

test('scheduler honours nodeSelector, node affinity operators, cordons, pod anti-affinity and free resources', async () => {
  const c = await startTestCluster({ nodes: { count: 2, cpu: 2, memoryGiB: 4, labels: { pool: 'a', gen: '3' }, zones: ['z1', 'z2'] } });
  try {
    c.sim.addNodes({ count: 1, namePrefix: 'b-', cpu: 2, memoryGiB: 4, labels: { pool: 'b', gen: '5' } });
    const pod = (name: string, spec: JsonObject): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } });
    await c.apply(pod('sel', { nodeSelector: { pool: 'b' } }));
    const gt = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'gen', operator: 'Gt', values: ['4'] }] }] } } };
    await c.apply(pod('gt', { affinity: gt }));
    const notIn = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'NotIn', values: ['z1'] }, { key: 'pool', operator: 'Exists' }] }] } } };
    await c.apply(pod('notin', { affinity: notIn }));
    const nodeOf = async (n: string) => waitFor(async () => field(await c.getJson('pod', n), 'spec.nodeName') as string | undefined, `${n} bound`);
    assert.equal(await nodeOf('sel'), 'b-0');
    assert.equal(await nodeOf('gt'), 'b-0');
    assert.equal(await nodeOf('notin'), 'sim-node-1');

    await c.ok('cordon', 'b-0');
    await c.apply(pod('cordoned', { nodeSelector: { pool: 'b' } }));
    const msg = await waitFor(async () => ((field(await c.getJson('pod', 'cordoned'), 'status.conditions') as JsonObject[] | undefined) ?? []).find((x) => x.type === 'PodScheduled')?.message, 'cordoned message');
    assert.equal(msg, "0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
    await c.ok('uncordon', 'b-0');
    assert.equal(await nodeOf('cordoned'), 'b-0');

    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'solo' } }, topologyKey: 'kubernetes.io/hostname' }] } };
    for (let i = 0; i < 4; i++) {
      await c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `solo-${i}`, labels: { app: 'solo' } }, spec: { containers: [{ name: 'c', image: 'nginx' }], affinity: anti } });
    }
    const placed = await waitFor(async () => {
      const all = items(await c.getJson('pods', '-l', 'app=solo'));
      return all.filter((p) => field(p, 'spec.nodeName')).length === 3 ? all : undefined;
    }, 'three solo pods placed');
    assert.equal(new Set(placed.map((p) => field(p, 'spec.nodeName')).filter(Boolean)).size, 3);
    const left = placed.find((p) => !field(p, 'spec.nodeName'))!;
    const leftMsg = await waitFor(() => ((field(left, 'status.conditions') as JsonObject[] | undefined) ?? []).find((x) => x.type === 'PodScheduled')?.message ?? c.getJson('pod', String(field(left, 'metadata.name'))).then((p) => ((field(p, 'status.conditions') as JsonObject[]) ?? []).find((x) => x.type === 'PodScheduled')?.message), 'anti-affinity message');
    assert.match(String(leftMsg), /3 node\(s\) didn't match pod anti-affinity rules\. preemption: 0\/3 nodes are available: 3 No preemption victims found for incoming pod\./);

    await c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'hog' }, spec: { nodeSelector: { pool: 'b' }, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1500m', memory: '1Gi' } } }] } });
    assert.equal(await nodeOf('hog'), 'b-0');
    await c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'hog2' }, spec: { nodeSelector: { pool: 'b' }, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1' } } }] } });
    const hogMsg = await waitFor(async () => ((field(await c.getJson('pod', 'hog2'), 'status.conditions') as JsonObject[] | undefined) ?? []).find((x) => x.type === 'PodScheduled')?.message, 'hog2 message');
    assert.equal(hogMsg, "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.");
    await c.ok('delete', 'pod', 'hog');
    assert.equal(await nodeOf('hog2'), 'b-0');
  } finally {
    await c.close();
  }
});
