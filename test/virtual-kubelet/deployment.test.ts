import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EDGE_TOLERATION, eventually, readyOf, startWorld } from './world.ts';

const REPLICAS = Number(process.env.VK_TEST_REPLICAS ?? 100);

test(`a Deployment of ${REPLICAS} replicas pinned to an edge location runs in the edge; deleting it leaves nothing there`, async () => {
  const w = await startWorld({ edges: 2, nodesPerEdge: 3 });
  try {
    const { core, apps } = w.mainClients;
    await eventually('virtual nodes Ready', async () => (await core.listNode({ labelSelector: 'omni.cast.ai/type=virtual-node' })).items.filter((n) => readyOf(n) === 'True').length === 6);
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'gpu-job' },
        spec: {
          replicas: REPLICAS,
          selector: { matchLabels: { app: 'gpu-job' } },
          template: {
            metadata: { labels: { app: 'gpu-job' } },
            spec: {
              tolerations: [EDGE_TOLERATION],
              affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'omni.cast.ai/edge-location-name', operator: 'In', values: ['gcp-us-central2'] }] }] } } },
              containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '10m', memory: '16Mi' } } }],
            },
          },
        },
      },
    });
    const pods = await eventually('every replica Running in main', async () => {
      const list = await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=gpu-job' });
      return list.items.length === REPLICAS && list.items.every((p) => p.status?.phase === 'Running') && list.items;
    }, 60_000);
    assert.ok(pods.every((p) => p.spec?.nodeName?.startsWith('edge2-node-')), 'all on the chosen edge location');
    const remote = await w.edges[1].clients.core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=gpu-job' });
    assert.equal(remote.items.length, REPLICAS);
    assert.ok(remote.items.every((p) => p.status?.phase === 'Running'));
    assert.equal((await w.edges[0].clients.core.listPodForAllNamespaces({ labelSelector: 'app=gpu-job' })).items.length, 0);
    await eventually('Deployment available', async () => (await apps.readNamespacedDeployment({ name: 'gpu-job', namespace: 'default' })).status?.availableReplicas === REPLICAS, 30_000);

    await apps.deleteNamespacedDeployment({ name: 'gpu-job', namespace: 'default', propagationPolicy: 'Foreground' });
    await eventually('nothing left in the edge', async () => (await w.edges[1].clients.core.listPodForAllNamespaces({ labelSelector: 'omni.cast.ai/origin-pod-uid' })).items.length === 0, 60_000);
    await eventually('nothing left in main', async () => (await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=gpu-job' })).items.length === 0, 30_000);
  } finally {
    await w.stop();
  }
});
