import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BatchV1Api } from '@kubernetes/client-node';
import { field, pods, startTestCluster, waitFor, type JsonObject } from './helpers.ts';

test('a Job completes: kubectl create job and kubectl wait --for=condition=complete', async () => {
  const c = await startTestCluster({ nodes: 2, kubelet: { jobRunSeconds: 3 } });
  try {
    await c.ok('create', 'job', 'pi', '--image=perl');
    await c.ok('wait', '--for=condition=complete', 'job/pi', '--timeout=20s');
    const job = await c.getJson('job', 'pi');
    assert.equal(field(job, 'status.succeeded'), 1);
    assert.ok(field(job, 'status.completionTime'));
    const pod = pods(c.sim, 'default', (p) => field(p, 'metadata.labels.job-name') === 'pi')[0];
    assert.equal(field(pod, 'status.phase'), 'Succeeded');
    const state = (field(pod, 'status.containerStatuses') as JsonObject[])[0].state as JsonObject;
    assert.equal((state.terminated as JsonObject).exitCode, 0);
    assert.match(await c.ok('get', 'job', 'pi'), /Complete|1\/1/);
  } finally {
    await c.close();
  }
});

test('Job completions and parallelism through client-node; a failing Job stops at backoffLimit', async () => {
  const c = await startTestCluster({ nodes: 2, timeScale: 50 });
  try {
    const batch = c.kubeconfig.makeApiClient(BatchV1Api);
    const template = (annotations: Record<string, string>) => ({
      metadata: { annotations },
      spec: { restartPolicy: 'Never', containers: [{ name: 'w', image: 'busybox' }] },
    });
    await batch.createNamespacedJob({
      namespace: 'default',
      body: { metadata: { name: 'batch' }, spec: { completions: 4, parallelism: 2, template: template({ 'kube-sim.omni.cast.ai/run-seconds': '2' }) } },
    });
    let maxActive = 0;
    const done = await waitFor(async () => {
      const j = await batch.readNamespacedJob({ namespace: 'default', name: 'batch' });
      maxActive = Math.max(maxActive, j.status?.active ?? 0);
      return j.status?.conditions?.find((x) => x.type === 'Complete' && x.status === 'True') ? j : undefined;
    }, 'job complete');
    assert.equal(done.status?.succeeded, 4);
    assert.ok(maxActive <= 2, `parallelism respected (saw ${maxActive})`);
    assert.equal(pods(c.sim, 'default', (p) => field(p, 'metadata.labels.job-name') === 'batch').length, 4);

    await batch.createNamespacedJob({
      namespace: 'default',
      body: { metadata: { name: 'broken' }, spec: { backoffLimit: 1, template: template({ 'kube-sim.omni.cast.ai/run-seconds': '1', 'kube-sim.omni.cast.ai/exit-code': '2' }) } },
    });
    const failed = await waitFor(async () => {
      const j = await batch.readNamespacedJob({ namespace: 'default', name: 'broken' });
      return j.status?.conditions?.find((x) => x.type === 'Failed' && x.status === 'True') ? j : undefined;
    }, 'job failed');
    assert.equal(failed.status?.failed, 2);
    assert.equal(failed.status?.conditions?.find((x) => x.type === 'Failed')?.reason, 'BackoffLimitExceeded');
  } finally {
    await c.close();
  }
});
