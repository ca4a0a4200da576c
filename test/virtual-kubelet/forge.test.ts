import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { instanceIdOf, readyCondition, virtualNodeLabels } from '../../src/controllers/virtual-kubelet/node-forge.ts';
import { forgeRemotePod } from '../../src/controllers/virtual-kubelet/pod-forge.ts';
import { podDependencies, usesPersistentVolumeClaim } from '../../src/controllers/virtual-kubelet/reflectors/dependencies.ts';
import { statusPatch } from '../../src/controllers/virtual-kubelet/status-sync.ts';
import { syncDownOps } from '../../src/controllers/virtual-kubelet/pod-sync-down.ts';

const edge = { name: 'aws-eu-west-1', cloud: 'aws', region: 'eu-west-1', clients: undefined as never };

test('instance id: label, else the last providerID segment, else the node name', () => {
  assert.equal(instanceIdOf({ metadata: { name: 'n', labels: { 'omni.cast.ai/instance-id': 'i-1' } }, spec: { providerID: 'aws:///eu-west-1a/i-2' } }), 'i-1');
  assert.equal(instanceIdOf({ metadata: { name: 'n' }, spec: { providerID: 'aws:///eu-west-1a/i-0abc' } }), 'i-0abc');
  assert.equal(instanceIdOf({ metadata: { name: 'n' }, spec: { providerID: 'gce://proj/us-central1-a/vm-7' } }), 'vm-7');
  assert.equal(instanceIdOf({ metadata: { name: 'n' } }), 'n');
});

test('virtual node labels: the contract, the edge topology, and nothing else of the edge node', () => {
  const node: V1Node = { metadata: { name: 'e-1', labels: { 'topology.kubernetes.io/zone': 'eu-west-1b', 'scheduling.cast.ai/spot': 'true', 'k3s.io/hostname': 'e-1', 'node.kubernetes.io/instance-type': 'm5.large' } } };
  const l = virtualNodeLabels(node, edge);
  assert.equal(l['topology.kubernetes.io/region'], 'eu-west-1', 'region falls back to the edge location');
  assert.equal(l['topology.kubernetes.io/zone'], 'eu-west-1b');
  assert.equal(l['scheduling.cast.ai/spot'], 'true');
  assert.equal(l['k3s.io/hostname'], undefined);
  assert.equal(l['omni.cast.ai/cloud'], 'aws');
  assert.equal(l['kubernetes.io/hostname'], 'e-1');
});

test('Ready: Unknown when the edge is silent, False with the edge reason when the node is not ready', () => {
  const notReady: V1Node = { status: { conditions: [{ type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'PLEG is not healthy' }] } };
  assert.equal(readyCondition(notReady, { reachable: false, silentSeconds: 50, error: 'ECONNRESET' }).status, 'Unknown');
  const c = readyCondition(notReady, { reachable: true, silentSeconds: 0, error: '' });
  assert.equal(c.status, 'False');
  assert.match(c.message ?? '', /PLEG is not healthy/);
});

function mainPod(): V1Pod {
  return {
    metadata: { name: 'web-1', namespace: 'shop', uid: 'u-1', labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', keep: 'me' } },
    spec: {
      nodeName: 'e-1',
      schedulerName: 'default-scheduler',
      priority: 100,
      nodeSelector: { 'omni.cast.ai/edge-location-name': 'aws-eu-west-1' },
      affinity: { nodeAffinity: {} },
      serviceAccountName: 'web',
      tolerations: [{ key: 'virtual-node.omni.cast.ai/not-allowed', operator: 'Exists', effect: 'NoExecute' }],
      containers: [{ name: 'app', image: 'web:1', resources: { requests: { cpu: '1', 'scheduling.cast.ai/network-bandwidth': '1' } }, envFrom: [{ secretRef: { name: 'creds' } }] }],
      volumes: [
        { name: 'kube-api-access', projected: { sources: [{ serviceAccountToken: { path: 'token' } }, { configMap: { name: 'kube-root-ca.crt' } }] } },
        { name: 'cfg', configMap: { name: 'settings' } },
      ],
    },
  };
}

test('the edge copy: pinned, origin-labelled, scheduling constraints dropped, token from the reflected Secret', () => {
  const r = forgeRemotePod(mainPod(), 'shop', 'e-1');
  const { labels = {}, annotations = {} } = r.metadata ?? {};
  const spec = r.spec ?? { containers: [] };
  assert.equal(spec.nodeName, 'e-1');
  assert.equal(labels['omni.cast.ai/origin-pod-uid'], 'u-1');
  assert.equal(annotations['kubectl.kubernetes.io/last-applied-configuration'], undefined);
  assert.equal(annotations.keep, 'me');
  for (const k of ['nodeSelector', 'affinity', 'schedulerName', 'priority', 'serviceAccountName'] as const) assert.equal(spec[k], undefined, k);
  assert.equal(spec.automountServiceAccountToken, false);
  assert.deepEqual(spec.containers[0].resources?.requests, { cpu: '1' });
  assertTokenVolume(spec);
  assert.equal(spec.tolerations?.length, 1);
});

function assertTokenVolume(spec: NonNullable<V1Pod['spec']>): void {
  const sources = (spec.volumes ?? [])[0].projected?.sources ?? [];
  assert.equal(sources[0].secret?.name, 'omni-sa-token-web');
  assert.equal(sources[1].configMap?.name, 'omni-main-kube-root-ca.crt');
}

test('dependencies: configmaps, secrets and the token; PVCs are found', () => {
  const deps = podDependencies(mainPod()).map((d) => `${d.kind}/${d.name}`).sort();
  assert.deepEqual(deps, ['ConfigMap/kube-root-ca.crt', 'ConfigMap/settings', 'Secret/creds', 'Token/web']);
  const pvc = mainPod();
  pvc.spec?.volumes?.push({ name: 'data', persistentVolumeClaim: { claimName: 'd' } });
  assert.equal(usesPersistentVolumeClaim(pvc), 'data');
});

test('status patch: nothing when equal, absent fields cleared, IPs as main sees them', () => {
  const main = mainPod();
  const status = { phase: 'Running', podIP: '10.1.0.5', startTime: new Date('2026-01-01T00:00:00Z') };
  assert.deepEqual(statusPatch(main, status)?.phase, 'Running');
  main.status = { phase: 'Running', podIP: '10.1.0.5', startTime: new Date('2026-01-01T00:00:00Z') };
  assert.equal(statusPatch(main, status), undefined);
  main.status.reason = 'Old';
  assert.equal(statusPatch(main, status)?.reason, null);
});

test('sync down: images, labels and activeDeadlineSeconds only when they differ', () => {
  const main = mainPod();
  const remote = forgeRemotePod(main, 'shop', 'e-1');
  assert.deepEqual(syncDownOps(main, remote), []);
  main.spec!.containers[0].image = 'web:2';
  main.spec!.activeDeadlineSeconds = 60;
  main.metadata!.labels!.tier = 'front';
  const ops = syncDownOps(main, remote).map((o) => o.path).sort();
  assert.deepEqual(ops, ['/metadata/labels', '/spec/activeDeadlineSeconds', '/spec/containers/0/image']);
});
