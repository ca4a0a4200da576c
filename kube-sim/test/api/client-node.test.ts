import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CoreV1Api, AppsV1Api, PolicyV1Api, makeInformer, type V1ConfigMap, type KubernetesObject, ApiException } from '@kubernetes/client-node';
import { startTestCluster, eventually, type TestCluster } from '../helpers.ts';

describe('@kubernetes/client-node against kube-sim', () => {
  let c: TestCluster;
  let core: CoreV1Api;
  before(async () => {
    c = await startTestCluster({ historySize: 50 });
    core = c.kc.makeApiClient(CoreV1Api);
  });
  after(async () => c.stop());

  it('creates, reads, lists with selectors, updates and deletes', async () => {
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'a', labels: { app: 'x' } }, data: { k: 'v' } } });
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { generateName: 'gen-', labels: { app: 'y' } } } });
    const got = await core.readNamespacedConfigMap({ name: 'a', namespace: 'default' });
    assert.equal(got.data?.k, 'v');
    assert.ok(got.metadata?.uid);
    const listed = await core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'app in (y)' });
    assert.equal(listed.items.length, 1);
    assert.match(listed.items[0].metadata!.name!, /^gen-[a-z0-9]{5}$/);
    got.data = { k: 'w' };
    const updated = await core.replaceNamespacedConfigMap({ name: 'a', namespace: 'default', body: got });
    assert.notEqual(updated.metadata?.resourceVersion, got.metadata?.resourceVersion);
    await assert.rejects(
      core.replaceNamespacedConfigMap({ name: 'a', namespace: 'default', body: got }),
      (err: unknown) => err instanceof ApiException && err.code === 409,
    );
    await core.deleteNamespacedConfigMap({ name: 'a', namespace: 'default' });
    await assert.rejects(core.readNamespacedConfigMap({ name: 'a', namespace: 'default' }), (err: unknown) => err instanceof ApiException && err.code === 404);
  });

  it('evicts through policy/v1 and answers 429 when a PodDisruptionBudget forbids it', async () => {
    const policy = c.kc.makeApiClient(PolicyV1Api);
    for (const name of ['e1', 'e2']) {
      await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name, labels: { app: 'pdb' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } });
      await core.patchNamespacedPodStatus({
        name,
        namespace: 'default',
        body: [{ op: 'add', path: '/status/conditions', value: [{ type: 'Ready', status: 'True' }] }],
      });
    }
    await policy.createNamespacedPodDisruptionBudget({ namespace: 'default', body: { metadata: { name: 'pdb' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'pdb' } } } } });
    await assert.rejects(
      core.createNamespacedPodEviction({ name: 'e1', namespace: 'default', body: { metadata: { name: 'e1', namespace: 'default' } } }),
      (err: unknown) => err instanceof ApiException && err.code === 429 && String(err.body).includes('needs 2 healthy pods and has 2 currently'),
    );
    await policy.deleteNamespacedPodDisruptionBudget({ name: 'pdb', namespace: 'default' });
    await core.createNamespacedPodEviction({ name: 'e1', namespace: 'default', body: { metadata: { name: 'e1', namespace: 'default' } } });
    await assert.rejects(core.readNamespacedPod({ name: 'e1', namespace: 'default' }), (err: unknown) => err instanceof ApiException && err.code === 404);
  });

  it('keeps an informer in sync across watch restarts and a 410 Gone', async () => {
    let lists = 0;
    const listFn = () => {
      lists++;
      return core.listNamespacedConfigMap({ namespace: 'kube-public' });
    };
    const informer = makeInformer<V1ConfigMap>(c.kc, '/api/v1/namespaces/kube-public/configmaps', listFn);
    const seen = new Map<string, string | undefined>();
    const onObj = (o: KubernetesObject & { data?: Record<string, string> }) => seen.set(o.metadata!.name!, o.data?.v);
    informer.on('add', onObj);
    informer.on('update', onObj);
    informer.on('delete', (o) => seen.delete(o.metadata!.name!));
    await informer.start();
    await core.createNamespacedConfigMap({ namespace: 'kube-public', body: { metadata: { name: 'i1' }, data: { v: '1' } } });
    await eventually(() => seen.get('i1') === '1');

    c.sim.dropWatches();
    await core.createNamespacedConfigMap({ namespace: 'kube-public', body: { metadata: { name: 'i2' }, data: { v: '2' } } });
    await eventually(() => seen.get('i2') === '2');

    // Push the informer's resourceVersion out of the kept history, then end its watch: it must relist.
    for (let i = 0; i < 120; i++) await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: `filler-${i}` } } });
    c.sim.api.store.compactTo(c.sim.api.store.revision);
    const listsBefore = lists;
    c.sim.dropWatches();
    await core.createNamespacedConfigMap({ namespace: 'kube-public', body: { metadata: { name: 'i3' }, data: { v: '3' } } });
    await core.deleteNamespacedConfigMap({ name: 'i1', namespace: 'kube-public' });
    await eventually(() => seen.get('i3') === '3' && !seen.has('i1'), 15_000);
    assert.ok(lists > listsBefore, 'the informer relisted after 410 Gone');
    await informer.stop();
  });

  it('lists apps with pagination', async () => {
    const apps = c.kc.makeApiClient(AppsV1Api);
    for (let i = 0; i < 5; i++) {
      await apps.createNamespacedDeployment({
        namespace: 'default',
        body: {
          metadata: { name: `d${i}` },
          spec: { selector: { matchLabels: { a: `${i}` } }, template: { metadata: { labels: { a: `${i}` } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
        },
      });
    }
    const first = await apps.listNamespacedDeployment({ namespace: 'default', limit: 2 });
    assert.equal(first.items.length, 2);
    assert.equal(first.metadata?.remainingItemCount, 3);
    const second = await apps.listNamespacedDeployment({ namespace: 'default', limit: 10, _continue: first.metadata!._continue });
    assert.deepEqual(second.items.map((d) => d.metadata!.name), ['d2', 'd3', 'd4']);
    assert.equal(second.metadata?._continue, undefined);
  });
});
