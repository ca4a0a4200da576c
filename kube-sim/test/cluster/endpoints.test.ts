import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CoreV1Api, DiscoveryV1Api } from '@kubernetes/client-node';
import { field, startTestCluster, waitFor, type JsonObject } from './helpers.ts';

test("a Service's Endpoints and EndpointSlices follow its ready pods", async () => {
  const c = await startTestCluster({ nodes: 3 });
  try {
    const core = c.kubeconfig.makeApiClient(CoreV1Api);
    const discovery = c.kubeconfig.makeApiClient(DiscoveryV1Api);
    await c.ok('create', 'deployment', 'web', '--image=nginx', '--replicas=2', '--port=80');
    await c.ok('expose', 'deployment', 'web', '--port=8080', '--target-port=80');
    const addresses = async () => {
      const ep = await core.readNamespacedEndpoints({ namespace: 'default', name: 'web' });
      return (ep.subsets ?? []).flatMap((s) => s.addresses ?? []);
    };
    await waitFor(async () => (await addresses()).length === 2, 'two addresses');
    const ep = await core.readNamespacedEndpoints({ namespace: 'default', name: 'web' });
    assert.equal(ep.subsets?.[0].ports?.[0].port, 80);
    assert.equal(ep.subsets?.[0].addresses?.[0].targetRef?.kind, 'Pod');

    await c.ok('scale', 'deployment/web', '--replicas=3');
    await waitFor(async () => (await addresses()).length === 3, 'three addresses after scale up');
    const slices = await discovery.listNamespacedEndpointSlice({ namespace: 'default', labelSelector: 'kubernetes.io/service-name=web' });
    assert.equal(slices.items.length, 1);
    assert.equal(slices.items[0].endpoints.filter((e) => e.conditions?.ready).length, 3);

    const victim = (await addresses())[0];
    c.sim.pauseNode(String(victim.nodeName));
    await waitFor(async () => {
      const e = await core.readNamespacedEndpoints({ namespace: 'default', name: 'web' });
      const notReady = (e.subsets ?? []).flatMap((s) => s.notReadyAddresses ?? []);
      return notReady.some((a) => a.ip === victim.ip);
    }, 'pod on the lost node listed as not ready');

    await c.ok('scale', 'deployment/web', '--replicas=0');
    await waitFor(async () => (await addresses()).length === 0, 'no addresses at zero replicas');
    const json = await c.getJson('endpoints', 'web');
    assert.equal(field(json, 'subsets'), undefined);
    const noSelector = await c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'manual' }, spec: { ports: [{ port: 80 }] } } as JsonObject);
    assert.match(noSelector, /created/);
    assert.equal((await c.kubectl('get', 'endpoints', 'manual')).code, 1, 'services without selectors are left alone');
  } finally {
    await c.close();
  }
});
