// The spoke gateway in each edge cluster: deployed by the tunnel step once the hub's address is known
// (here: the omni-hub Service's load-balancer address), not before.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Deployment } from '@kubernetes/client-node';
import type { EdgeClusterProvisioner } from '../../src/controllers/edge-location/index.ts';
import { loadKubeConfig, makeClients, type KubeClients } from '../../src/kube/index.ts';
import { ensureRbacKinds } from '../install/rbac-stand-in.ts';
import { createLocation, getLocation, startWorld, waitFor, waitForState, type World } from './world.ts';

const NS = 'castai-omni';
let w: World;

before(async () => {
  w = await startWorld();
  // kube-sim does not serve RBAC; real K3s does. The stand-in lets the spoke's roles be applied.
  const edgeClusters: EdgeClusterProvisioner = {
    async ensure(req) {
      const info = await w.edgeClusters.ensure(req);
      await ensureRbacKinds(makeClients(loadKubeConfig({ yaml: info.kubeconfigYaml })));
      return info;
    },
    teardown: (req) => w.edgeClusters.teardown(req),
  };
  w.start({ edgeClusters, options: { resyncMs: 150 } });
});

after(async () => {
  await w?.stop();
});

function edgeClients(location: string): KubeClients {
  const edge = w.ready.get(location);
  assert.ok(edge, `${location} announced`);
  return makeClients(loadKubeConfig({ yaml: edge.kubeconfigYaml }));
}

async function tunnelMessage(location: string): Promise<string> {
  const o = await getLocation(w.clients, location);
  return o?.status?.conditions?.find((c) => c.type === 'TunnelReady')?.message ?? '';
}

async function spokeDeployment(location: string): Promise<V1Deployment | undefined> {
  return edgeClients(location)
    .apps.readNamespacedDeployment({ name: 'omni-spoke', namespace: NS })
    .catch(() => undefined);
}

test('no spoke while the hub has no address; deployed with it once the hub Service gets one', async () => {
  await createLocation(w.clients, 'gcp-spoke', {
    cloud: 'gcp',
    region: 'us-central1',
    zones: ['us-central1-a'],
  });
  await waitForState(w.clients, 'gcp-spoke', 'Ready', 20_000);
  assert.match(
    await tunnelMessage('gcp-spoke'),
    /spoke gateway not deployed: the hub's address is not known yet \(Service castai-omni\/omni-hub/,
  );
  assert.equal(await spokeDeployment('gcp-spoke'), undefined);

  const svc = await w.clients.core.createNamespacedService({
    namespace: NS,
    body: {
      metadata: { name: 'omni-hub' },
      spec: { type: 'LoadBalancer', ports: [{ name: 'tunnel', port: 8443 }] },
    },
  });
  svc.status = { loadBalancer: { ingress: [{ hostname: 'hub.example.com' }] } };
  await w.clients.core.replaceNamespacedServiceStatus({ name: 'omni-hub', namespace: NS, body: svc });

  const deployment = (await waitFor(
    'spoke Deployment',
    () => spokeDeployment('gcp-spoke'),
    (d) => d !== undefined,
  )) as V1Deployment;
  const pod = deployment.spec?.template.spec;
  const args = pod?.containers[0].args ?? [];
  for (const a of [
    '--hub=hub.example.com:8443',
    '--server-name=omni-hub.castai-omni.svc',
    '--location=gcp-spoke',
    '--from-cluster',
  ])
    assert.ok(args.includes(a), `${a} in ${args.join(' ')}`);
  assert.equal(pod?.serviceAccountName, 'omni-spoke');
  assert.equal(pod?.volumes?.[0].secret?.secretName, 'omni-spoke-tls');
  await edgeClients('gcp-spoke').core.readNamespacedServiceAccount({ name: 'omni-spoke', namespace: NS });
  await waitFor(
    'condition says deployed',
    () => tunnelMessage('gcp-spoke'),
    (m) => /spoke gateway deployed \(dials hub\.example\.com:8443\)/.test(m),
  );
});
