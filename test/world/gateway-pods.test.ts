// Where the reflected EndpointSlices point in a real cluster: the Ready gateway pods' IPs, followed by
// watches on the main cluster (hub) and each edge cluster (spoke).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeConfig } from '@kubernetes/client-node';
import { startSimulatedCluster, type SimulatedCluster } from '../../kube-sim/src/sim/index.ts';
import { loadKubeConfig, makeClients, type KubeClients } from '../../src/kube/index.ts';
import { watchGatewayPods } from '../../src/world/gateway-pods.ts';
import { silentLog } from '../support/main-world.ts';

interface Cluster {
  sim: SimulatedCluster;
  kc: KubeConfig;
  clients: KubeClients;
}

async function cluster(name: string): Promise<Cluster> {
  const sim = await startSimulatedCluster({ name, nodes: 0, kubelet: false, scheduler: false });
  const kc = loadKubeConfig({ yaml: sim.kubeconfigYaml });
  const clients = makeClients(kc);
  await clients.core.createNamespace({ body: { metadata: { name: 'castai-omni' } } });
  return { sim, kc, clients };
}

async function gatewayPod(
  c: Cluster,
  name: string,
  app: string,
  status: { ip: string; ready: boolean },
): Promise<void> {
  const namespace = 'castai-omni';
  await c.clients.core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name, labels: { 'app.kubernetes.io/name': app } },
      spec: { containers: [{ name: 'gw', image: 'omni' }] },
    },
  });
  const pod = await c.clients.core.readNamespacedPod({ name, namespace });
  pod.status = {
    phase: 'Running',
    podIP: status.ip,
    conditions: [{ type: 'Ready', status: status.ready ? 'True' : 'False' }],
  };
  await c.clients.core.replaceNamespacedPodStatus({ name, namespace, body: pod });
}

async function until(what: string, ok: () => boolean): Promise<void> {
  const start = Date.now();
  while (!ok()) {
    if (Date.now() - start > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('gateway addresses are the Ready gateway pods’ IPs, and a change is reported', async () => {
  const [main, edge] = await Promise.all([cluster('main'), cluster('edge')]);
  let changes = 0;
  const pods = watchGatewayPods(main.kc, silentLog, () => changes++);
  try {
    assert.equal(pods.hubAddress, '');
    await gatewayPod(main, 'omni-hub-a', 'omni-hub', { ip: '10.0.3.7', ready: false });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(pods.hubAddress, '', 'a hub pod that is not Ready is not used');
    await gatewayPod(main, 'omni-hub-b', 'omni-hub', { ip: '10.0.3.8', ready: true });
    await until('hub address', () => pods.hubAddress === '10.0.3.8');
    assert.ok(changes > 0);

    pods.watchEdge('edge-a', edge.kc);
    assert.equal(pods.spokeAddress('edge-a'), undefined);
    await gatewayPod(edge, 'omni-spoke-x', 'omni-spoke', { ip: '10.42.0.5', ready: true });
    await until('spoke address', () => pods.spokeAddress('edge-a') === '10.42.0.5');
    await edge.clients.core.deleteNamespacedPod({
      name: 'omni-spoke-x',
      namespace: 'castai-omni',
      gracePeriodSeconds: 0,
    });
    await until('spoke gone', () => pods.spokeAddress('edge-a') === undefined);
    await pods.unwatchEdge('edge-a');
    assert.equal(pods.spokeAddress('edge-a'), undefined);
  } finally {
    await pods.stop();
    await Promise.all([main.sim.stop(), edge.sim.stop()]);
  }
});
