import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1EndpointSlice } from '@kubernetes/client-node';
import { boundPod, eventually, readyOf, startWorld } from './world.ts';

const HUB = '10.96.0.100';
const SPOKES: Record<string, string> = { 'gcp-us-central1': '10.43.0.101', 'gcp-us-central2': '10.43.0.102' };

test('Services and EndpointSlices are reflected both ways through the tunnel wiring', async () => {
  const w = await startWorld({
    edges: 2,
    nodesPerEdge: 1,
    gateways: { hubAddress: HUB, spokeAddress: (e) => SPOKES[e] },
  });
  try {
    const { core, discovery } = w.mainClients;
    await eventually('Ready', async () => readyOf(await core.readNode({ name: 'edge2-node-0' })) === 'True');
    await core.createNamespace({ body: { metadata: { name: 'shop' } } });
    await core.createNamespacedService({
      namespace: 'shop',
      body: {
        metadata: { name: 'web' },
        spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
      },
    });
    await core.createNamespacedService({
      namespace: 'shop',
      body: {
        metadata: { name: 'db' },
        spec: { selector: { app: 'db' }, ports: [{ name: 'pg', port: 5432 }] },
      },
    });
    // web runs in edge 1; db runs in main (a plain endpoint on a main node, as if on a real node).
    await core.createNamespacedPod({
      namespace: 'shop',
      body: boundPod('web-0', 'edge1-node-0', {}, 'shop'),
    });
    await discovery.createNamespacedEndpointSlice({
      namespace: 'shop',
      body: {
        metadata: { name: 'db-main', labels: { 'kubernetes.io/service-name': 'db' } },
        addressType: 'IPv4',
        endpoints: [{ addresses: ['10.0.0.5'], conditions: { ready: true }, nodeName: 'main-node-0' }],
        ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
      },
    });
    await eventually(
      'web Running',
      async () =>
        (await core.readNamespacedPod({ name: 'web-0', namespace: 'shop' })).status?.phase === 'Running',
    );

    const e1 = w.edges[0].clients;
    const e2 = w.edges[1].clients;
    // Edge 1 runs web locally: the Service keeps its selector. db lives in main: selector-less, slice to the spoke.
    const web1 = await eventually('web in edge 1', async () =>
      e1.core.readNamespacedService({ name: 'web', namespace: 'shop' }),
    );
    assert.deepEqual(web1.spec?.selector, { app: 'web' });
    const db1 = await eventually('db in edge 1', async () =>
      e1.core.readNamespacedService({ name: 'db', namespace: 'shop' }),
    );
    assert.equal(db1.spec?.selector, undefined);
    const slice1 = await eventually('db slice in edge 1', async () => {
      const l = await e1.discovery.listNamespacedEndpointSlice({
        namespace: 'shop',
        labelSelector: 'kubernetes.io/service-name=db',
      });
      return l.items.find(
        (s: V1EndpointSlice) => s.endpoints?.[0]?.addresses[0] === SPOKES['gcp-us-central1'],
      );
    });
    assert.ok(slice1.ports?.[0].port);
    // Edge 2 reaches both through its spoke.
    await eventually('web slice in edge 2 points at its spoke', async () => {
      const l = await e2.discovery.listNamespacedEndpointSlice({
        namespace: 'shop',
        labelSelector: 'kubernetes.io/service-name=web',
      });
      return l.items.some((s) => s.endpoints?.[0]?.addresses[0] === SPOKES['gcp-us-central2']);
    });
    // Main sees web's edge endpoints through the hub.
    await eventually('main slice for web points at the hub', async () => {
      const l = await discovery.listNamespacedEndpointSlice({
        namespace: 'shop',
        labelSelector: 'kubernetes.io/service-name=web',
      });
      return l.items.some((s) => s.endpoints?.[0]?.addresses[0] === HUB);
    });

    // The Service goes from main: its copies go from the edges.
    await core.deleteNamespacedService({ name: 'db', namespace: 'shop' });
    await eventually('db gone from edges', async () => {
      const l1 = await e1.core.listNamespacedService({ namespace: 'shop' });
      const l2 = await e2.core.listNamespacedService({ namespace: 'shop' });
      return (
        !l1.items.some((s) => s.metadata?.name === 'db') && !l2.items.some((s) => s.metadata?.name === 'db')
      );
    });
  } finally {
    await w.stop();
  }
});
