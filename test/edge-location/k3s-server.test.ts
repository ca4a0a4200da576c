// The real K3s-server provisioner at the cloud interface (a simulated cloud stands in for the SDKs):
// one server instance with `role: server` user data, launched once, terminated on teardown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEmbeddedCatalog } from '../../src/catalog/index.ts';
import { parseUserData } from '../../src/clouds/join.ts';
import { SimCloud } from '../../src/clouds/sim/index.ts';
import { TransientError } from '../../src/clouds/errors.ts';
import { parseEdgeLocation } from '../../src/apis/index.ts';
import { k3sServerProvisioner, SERVER_TAG, type K3sBootstrap } from '../../src/controllers/edge-location/index.ts';
import { systemClock } from '../../src/kube/index.ts';

test('ensure launches one K3s server with server user data; teardown terminates it', async () => {
  const catalog = await loadEmbeddedCatalog();
  const sim = new SimCloud({ cloud: 'gcp', catalog, clock: systemClock, seed: 3 });
  const stored = new Map<string, K3sBootstrap>();
  let up = false;
  const probes: string[] = [];
  const prov = k3sServerProvisioner({
    store: { get: async (n) => stored.get(n), put: async (n, b) => void stored.set(n, b) },
    probe: async (api) => {
      probes.push(api.adminToken);
      return up;
    },
  });
  const location = parseEdgeLocation({ apiVersion: 'omni.cast.ai/v1alpha1', kind: 'EdgeLocation', metadata: { name: 'gcp-k3s' }, spec: { cloud: 'gcp', region: 'us-central1' } });
  const req = { location, zones: ['us-central1-a'], provider: sim, placement: { networkName: 'castai-omni-gcp-k3s' }, clusterId: 'c1' };
  await assert.rejects(prov.ensure(req), TransientError, 'not answering yet: retried by the controller');
  up = true;
  const info = await prov.ensure(req);
  const servers = await sim.listInstances({ clusterId: 'c1', edgeLocation: 'gcp-k3s', nodeClaim: SERVER_TAG });
  assert.equal(servers.length, 1, 'launched once across both calls');
  assert.equal(servers[0].lifecycle, 'on-demand');
  const b = stored.get('gcp-k3s')!;
  assert.equal(info.endpoint, `https://${servers[0].privateIp}:6443`);
  assert.equal(info.token, b.joinToken, 'machines join with the K3s join token');
  assert.match(info.kubeconfigYaml, new RegExp(`token: ${b.adminToken}`));
  assert.ok(probes.every((t) => t === b.adminToken));
  const { contract } = parseUserData((sim as unknown as { instances: Map<string, { userData: string }> }).instances.get(servers[0].id)!.userData);
  assert.equal(contract.role, 'server');
  assert.equal(contract.bootstrapToken, b.joinToken);
  await prov.teardown(req);
  assert.equal((await sim.listInstances({ clusterId: 'c1', edgeLocation: 'gcp-k3s' })).length, 0);
});
