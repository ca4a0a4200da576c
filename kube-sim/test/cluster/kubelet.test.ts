import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CoordinationV1Api, CoreV1Api } from '@kubernetes/client-node';
import { field, pods, running, startTestCluster, waitFor, type JsonObject } from './helpers.ts';

test('simulated nodes register like a kubelet: allocatable per the default model, lease renewed, Ready heartbeats', async () => {
  const c = await startTestCluster({ nodes: { count: 1, cpu: 8, memoryGiB: 32, extended: { 'nvidia.com/gpu': 2 } } });
  try {
    const core = c.kubeconfig.makeApiClient(CoreV1Api);
    const node = await waitFor(async () => {
      const n = await core.readNode({ name: 'sim-node-0' });
      return n.status?.nodeInfo?.kubeletVersion ? n : undefined;
    }, 'node initialized');
    const status = node.status!;
    // 8 cores: 60m + 10m + 5m + 5m + 4 × 2.5m = 90m reserved.
    assert.equal(status.allocatable!.cpu, '7910m');
    // 32 GiB: 1 + 0.8 + 0.8 + 0.96 GiB + 100 MiB reserved.
    const allocKi = Number(String(status.allocatable!.memory).replace('Ki', ''));
    assert.equal(allocKi, Math.floor((32 * 2 ** 30 - Math.ceil(3.56 * 2 ** 30) - 100 * 2 ** 20) / 1024));
    assert.equal(status.allocatable!['nvidia.com/gpu'], '2');
    assert.equal(status.allocatable!.pods, '110');
    assert.equal(status.conditions!.find((x) => x.type === 'Ready')!.status, 'True');
    assert.ok(status.addresses!.some((a) => a.type === 'InternalIP'));
    assert.ok(node.spec!.podCIDR);

    const leases = c.kubeconfig.makeApiClient(CoordinationV1Api);
    const first = await leases.readNamespacedLease({ namespace: 'kube-node-lease', name: 'sim-node-0' });
    assert.equal(first.spec?.holderIdentity, 'sim-node-0');
    assert.equal(first.metadata?.ownerReferences?.[0].kind, 'Node');
    await waitFor(async () => {
      const l = await leases.readNamespacedLease({ namespace: 'kube-node-lease', name: 'sim-node-0' });
      return String(l.spec?.renewTime) !== String(first.spec?.renewTime);
    }, 'lease renewed');
  } finally {
    await c.close();
  }
});

test('pods start after the kubelet delay, run-seconds pods succeed, logs are served, graceful deletion is finished', async () => {
  const c = await startTestCluster({ nodes: 1 });
  try {
    await c.ok('run', 'web', '--image=nginx');
    await c.ok('wait', '--for=condition=Ready', 'pod/web', '--timeout=20s');
    const pod = await c.getJson('pod', 'web');
    const statuses = field(pod, 'status.containerStatuses') as JsonObject[];
    assert.equal(statuses[0].ready, true);
    assert.ok((statuses[0].state as JsonObject).running);
    const types = (field(pod, 'status.conditions') as JsonObject[]).filter((x) => x.status === 'True').map((x) => x.type);
    for (const t of ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled']) assert.ok(types.includes(t), t);
    assert.ok(field(pod, 'status.hostIP'));
    assert.match(await c.ok('logs', 'web'), /starting nginx as container web of pod default\/web on node sim-node-0/);

    await c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'once', annotations: { 'kube-sim.omni.cast.ai/run-seconds': '2' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } });
    await waitFor(async () => field(await c.getJson('pod', 'once'), 'status.phase') === 'Succeeded', 'run-seconds pod succeeded');

    const del = await c.kubectl('delete', 'pod', 'web', '--timeout=20s');
    assert.equal(del.code, 0, del.stderr);
    assert.equal(pods(c.sim, 'default', running).length, 0);
    assert.equal((await c.kubectl('get', 'pod', 'web')).code, 1);
  } finally {
    await c.close();
  }
});

test('a paused node keeps its pods untouched and stops heartbeats', async () => {
  const c = await startTestCluster({ nodes: { count: 1, paused: true } });
  try {
    await c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    await waitFor(async () => field(await c.getJson('pod', 'p'), 'spec.nodeName') === undefined ? undefined : true, 'bound').catch(() => undefined);
    const node = await c.getJson('node', 'sim-node-0');
    assert.equal(field(node, 'status.nodeInfo'), undefined, 'a paused kubelet never registered its status');
    assert.equal((await c.kubectl('get', 'lease', '-n', 'kube-node-lease', 'sim-node-0')).code, 1);
    c.sim.resumeNode('sim-node-0');
    await waitFor(() => pods(c.sim, 'default', running).length === 1, 'pod runs once the node is back');
  } finally {
    await c.close();
  }
});
