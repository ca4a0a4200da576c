import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { boundPod, eventually, readyOf, startWorld } from './world.ts';

const run = promisify(execFile);

test('ConfigMaps, Secrets and the ServiceAccount token a pod uses are reflected, kept in sync and cleaned up', async () => {
  const w = await startWorld({ edges: 1, nodesPerEdge: 1 });
  try {
    const { core } = w.mainClients;
    const edge = w.edges[0].clients.core;
    await eventually('Ready', async () => readyOf(await core.readNode({ name: 'edge1-node-0' })) === 'True');
    await core.createNamespace({ body: { metadata: { name: 'app' } } });
    await core.createNamespacedConfigMap({ namespace: 'app', body: { metadata: { name: 'settings' }, data: { mode: 'blue' } } });
    await core.createNamespacedConfigMap({ namespace: 'app', body: { metadata: { name: 'env' }, data: { LEVEL: 'debug' } } });
    await core.createNamespacedSecret({ namespace: 'app', body: { metadata: { name: 'creds' }, stringData: { password: 's3cret' } } });
    await core.createNamespacedPod({
      namespace: 'app',
      body: boundPod('cfg-0', 'edge1-node-0', {
        automountServiceAccountToken: true,
        volumes: [{ name: 'settings', configMap: { name: 'settings' } }],
        containers: [{ name: 'app', image: 'busybox', envFrom: [{ configMapRef: { name: 'env' } }], env: [{ name: 'PW', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } }] }],
      }, 'app'),
    });
    await eventually('Running', async () => (await core.readNamespacedPod({ name: 'cfg-0', namespace: 'app' })).status?.phase === 'Running');
    const cm = await edge.readNamespacedConfigMap({ name: 'settings', namespace: 'app' });
    assert.equal(cm.data?.mode, 'blue');
    assert.equal((await edge.readNamespacedConfigMap({ name: 'env', namespace: 'app' })).data?.LEVEL, 'debug');
    const secret = await edge.readNamespacedSecret({ name: 'creds', namespace: 'app' });
    assert.equal(Buffer.from(secret.data?.password ?? '', 'base64').toString(), 's3cret');
    const token = await edge.readNamespacedSecret({ name: 'omni-sa-token-default', namespace: 'app' });
    assert.equal(Buffer.from(token.data?.namespace ?? '', 'base64').toString(), 'app');
    const remote = await edge.readNamespacedPod({ name: 'cfg-0', namespace: 'app' });
    assert.equal(remote.spec?.automountServiceAccountToken, false);
    assert.ok(remote.spec?.volumes?.some((v) => v.projected?.sources?.some((s) => s.secret?.name === 'omni-sa-token-default')));

    await core.patchNamespacedConfigMap({ name: 'settings', namespace: 'app', body: [{ op: 'replace', path: '/data/mode', value: 'green' }] });
    await eventually('ConfigMap change reaches the edge copy', async () => (await edge.readNamespacedConfigMap({ name: 'settings', namespace: 'app' })).data?.mode === 'green');

    // Someone edits the edge copy: main's content is put back.
    await edge.patchNamespacedConfigMap({ name: 'settings', namespace: 'app', body: [{ op: 'replace', path: '/data/mode', value: 'tampered' }] });
    await eventually('edge copy restored', async () => (await edge.readNamespacedConfigMap({ name: 'settings', namespace: 'app' })).data?.mode === 'green');

    await core.deleteNamespacedPod({ name: 'cfg-0', namespace: 'app' });
    await eventually('copies deleted once unused', async () => {
      const cms = await edge.listNamespacedConfigMap({ namespace: 'app', labelSelector: 'omni.cast.ai/reflected' });
      const secrets = await edge.listNamespacedSecret({ namespace: 'app', labelSelector: 'omni.cast.ai/reflected' });
      return cms.items.length === 0 && secrets.items.length === 0;
    });
  } finally {
    await w.stop();
  }
});

test('kubectl logs of an offloaded pod through main returns the edge log; edge events appear on the main pod', async () => {
  const w = await startWorld({ edges: 1, nodesPerEdge: 1 });
  try {
    const { core } = w.mainClients;
    w.edges[0].sim.setLogProvider((pod, container) => `edge ${w.edges[0].name} serves ${String((pod.metadata as { name: string }).name)}/${container}\nsecond line\n`);
    await eventually('Ready', async () => readyOf(await core.readNode({ name: 'edge1-node-0' })) === 'True');
    await core.createNamespacedPod({ namespace: 'default', body: boundPod('logme-0', 'edge1-node-0') });
    await eventually('Running', async () => (await core.readNamespacedPod({ name: 'logme-0', namespace: 'default' })).status?.phase === 'Running');
    const dir = mkdtempSync(join(tmpdir(), 'vk-'));
    const kubeconfig = join(dir, 'main.yaml');
    writeFileSync(kubeconfig, w.main.kubeconfigYaml);
    const { stdout } = await run('kubectl', ['--kubeconfig', kubeconfig, 'logs', 'logme-0']);
    assert.equal(stdout, 'edge gcp-us-central1 serves logme-0/app\nsecond line\n');
    const viaClient = await core.readNamespacedPodLog({ name: 'logme-0', namespace: 'default', container: 'app' });
    assert.match(viaClient, /serves logme-0\/app/);
    const ev = await eventually('edge events on the main pod', async () => {
      const list = await core.listNamespacedEvent({ namespace: 'default' });
      return list.items.find((e) => e.involvedObject.name === 'logme-0' && e.involvedObject.uid && e.reason === 'Started');
    });
    const pod = await core.readNamespacedPod({ name: 'logme-0', namespace: 'default' });
    assert.equal(ev.involvedObject.uid, pod.metadata?.uid);
  } finally {
    await w.stop();
  }
});
