import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CoreV1Api } from '@kubernetes/client-node';
import { field, items, pods, running, startTestCluster, waitFor } from './helpers.ts';

test('kubectl create deployment ends with 3 Running pods spread over nodes and rollout status succeeds', async () => {
  const c = await startTestCluster({ nodes: 3 });
  try {
    await c.ok('create', 'deployment', 'web', '--image=nginx', '--replicas=3');
    const out = await c.ok('rollout', 'status', 'deployment/web', '--timeout=20s');
    assert.match(out, /deployment "web" successfully rolled out/);
    const list = await c.getJson('pods', '-l', 'app=web');
    const webPods = items(list);
    assert.equal(webPods.length, 3);
    assert.ok(webPods.every((p) => field(p, 'status.phase') === 'Running'));
    assert.ok(webPods.every((p) => /^10\.24\d\.\d+\.\d+$/.test(String(field(p, 'status.podIP')))));
    assert.equal(new Set(webPods.map((p) => field(p, 'spec.nodeName'))).size, 3, 'least-allocated spreads one pod per node');
    const deploy = await c.getJson('deployment', 'web');
    assert.equal(field(deploy, 'status.availableReplicas'), 3);
    assert.equal(field(deploy, 'metadata.annotations')?.['deployment.kubernetes.io/revision' as keyof object], '1');

    const core = c.kubeconfig.makeApiClient(CoreV1Api);
    const viaClient = await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=web' });
    assert.equal(viaClient.items.filter((p) => p.status?.phase === 'Running').length, 3);
    const ready = viaClient.items[0].status?.conditions?.find((x) => x.type === 'Ready');
    assert.equal(ready?.status, 'True');
  } finally {
    await c.close();
  }
});

test('a template change rolls the deployment to a new ReplicaSet; scale and undo work', async () => {
  const c = await startTestCluster({ nodes: 3 });
  try {
    await c.ok('create', 'deployment', 'api', '--image=nginx:1.26', '--replicas=4');
    await c.ok('rollout', 'status', 'deployment/api', '--timeout=20s');
    await c.ok('set', 'image', 'deployment/api', 'nginx=nginx:1.27');
    await c.ok('rollout', 'status', 'deployment/api', '--timeout=20s');
    const rs = items(await c.getJson('rs', '-l', 'app=api'));
    assert.equal(rs.length, 2);
    const active = rs.find((r) => field(r, 'spec.replicas') === 4)!;
    assert.equal(field(active, 'spec.template.spec.containers.0.image' as string) ?? (field(active, 'spec.template.spec.containers') as { image: string }[])[0].image, 'nginx:1.27');
    await waitFor(() => pods(c.sim, 'default', (p) => running(p) && String(field(p, 'metadata.name')).startsWith('api-')).length === 4, '4 running api pods');
    await c.ok('scale', 'deployment/api', '--replicas=6');
    await c.ok('rollout', 'status', 'deployment/api', '--timeout=20s');
    await waitFor(() => pods(c.sim, 'default', (p) => running(p)).length === 6, '6 running pods');
    await c.ok('rollout', 'undo', 'deployment/api');
    await c.ok('rollout', 'status', 'deployment/api', '--timeout=20s');
    const after = await c.getJson('deployment', 'api');
    assert.equal((field(after, 'spec.template.spec.containers') as { image: string }[])[0].image, 'nginx:1.26');
    assert.equal((field(after, 'metadata.annotations') as Record<string, string>)['deployment.kubernetes.io/revision'], '3');
  } finally {
    await c.close();
  }
});
