import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1EndpointSlice } from '@kubernetes/client-node';
import {
  HUB_CONFIG,
  SPOKE_CONFIG,
  parseHubConfig,
  parseSpokeConfig,
} from '../../src/tunnel/gateway-config.ts';
import type { KubeClients } from '../../src/kube/index.ts';
import { boundPod, eventually, readyOf, startWorld } from './world.ts';

const HUB = '10.96.0.100';
const SPOKES: Record<string, string> = { 'gcp-us-central1': '10.43.0.101', 'gcp-us-central2': '10.43.0.102' };

/** shop/web (port 80 → 8080) runs in edge 1; shop/db (5432) runs in main, a plain endpoint on a main node. */
async function shop({ core, discovery }: KubeClients): Promise<void> {
  await core.createNamespace({ body: { metadata: { name: 'shop' } } });
  const service = (name: string, port: { name: string; port: number; targetPort?: number }) =>
    core.createNamespacedService({
      namespace: 'shop',
      body: { metadata: { name }, spec: { selector: { app: name }, ports: [port] } },
    });
  await service('web', { name: 'http', port: 80, targetPort: 8080 });
  await service('db', { name: 'pg', port: 5432 });
  await core.createNamespacedPod({ namespace: 'shop', body: boundPod('web-0', 'edge1-node-0', {}, 'shop') });
  await discovery.createNamespacedEndpointSlice({
    namespace: 'shop',
    body: {
      metadata: { name: 'db-main', labels: { 'kubernetes.io/service-name': 'db' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.0.0.5'], conditions: { ready: true }, nodeName: 'main-node-0' }],
      ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
    },
  });
}

test('Services and EndpointSlices are reflected both ways through the tunnel wiring', async () => {
  const w = await startWorld({
    edges: 2,
    nodesPerEdge: 1,
    gateways: { hubAddress: HUB, spokeAddress: (e) => SPOKES[e] },
  });
  try {
    const { core, discovery } = w.mainClients;
    await eventually('Ready', async () => readyOf(await core.readNode({ name: 'edge2-node-0' })) === 'True');
    await shop(w.mainClients);
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

test('the gateways get their config as ConfigMaps, and listener ports survive a controller restart', async () => {
  const w = await startWorld({
    edges: 2,
    nodesPerEdge: 1,
    gateways: { hubAddress: HUB, spokeAddress: (e) => SPOKES[e] },
  });
  const hubConfig = async () =>
    parseHubConfig(
      (
        await w.mainClients.core.readNamespacedConfigMap({
          name: HUB_CONFIG.configMap,
          namespace: 'castai-omni',
        })
      ).data?.[HUB_CONFIG.key] ?? '',
      'hub',
    );
  const spokeConfig = async (i: number) =>
    parseSpokeConfig(
      (
        await w.edges[i].clients.core.readNamespacedConfigMap({
          name: SPOKE_CONFIG.configMap,
          namespace: 'castai-omni',
        })
      ).data?.[SPOKE_CONFIG.key] ?? '',
      'spoke',
    );
  try {
    const { core, discovery } = w.mainClients;
    await eventually('Ready', async () => readyOf(await core.readNode({ name: 'edge2-node-0' })) === 'True');
    await shop(w.mainClients);
    // web runs in edge 1: the hub listens for it and routes it to gcp-us-central1; edge 2 may open web and db.
    const hub = await eventually('hub config', async () => {
      const c = await hubConfig().catch(() => undefined);
      return c?.listeners['shop/web:80'] && c.locations['gcp-us-central2']?.allow.includes('shop/web:80')
        ? c
        : undefined;
    });
    assert.deepEqual(hub.locations['gcp-us-central1'], { allow: ['shop/db:5432'], serves: ['shop/web:80'] });
    assert.deepEqual(hub.locations['gcp-us-central2'], {
      allow: ['shop/db:5432', 'shop/web:80'],
      serves: [],
    });
    const mainSlice = await discovery.listNamespacedEndpointSlice({
      namespace: 'shop',
      labelSelector: 'kubernetes.io/service-name=web',
    });
    assert.equal(
      mainSlice.items.find((s) => s.endpoints?.[0]?.addresses[0] === HUB)?.ports?.[0].port,
      hub.listeners['shop/web:80'],
    );
    const edge1 = await eventually('spoke config in edge 1', async () =>
      spokeConfig(0).catch(() => undefined),
    );
    assert.deepEqual(edge1.serves, ['shop/web:80']);
    assert.deepEqual(Object.keys(edge1.listeners), ['shop/db:5432']);
    const edge2 = await eventually('spoke config in edge 2', async () => {
      const c = await spokeConfig(1).catch(() => undefined);
      return c && Object.keys(c.listeners).length === 2 ? c : undefined;
    });

    // A new Service would take the lowest free port; after a restart the old ones keep theirs.
    await w.restartVk();
    await core.createNamespacedService({
      namespace: 'shop',
      body: { metadata: { name: 'cache' }, spec: { selector: { app: 'cache' }, ports: [{ port: 6379 }] } },
    });
    await discovery.createNamespacedEndpointSlice({
      namespace: 'shop',
      body: {
        metadata: { name: 'cache-main', labels: { 'kubernetes.io/service-name': 'cache' } },
        addressType: 'IPv4',
        endpoints: [{ addresses: ['10.0.0.6'], conditions: { ready: true }, nodeName: 'main-node-0' }],
        ports: [{ name: '', port: 6379, protocol: 'TCP' }],
      },
    });
    const after = await eventually('edge 2 config with cache', async () => {
      const c = await spokeConfig(1).catch(() => undefined);
      return c && Object.keys(c.listeners).length === 3 ? c : undefined;
    });
    assert.equal(after.listeners['shop/web:80'], edge2.listeners['shop/web:80']);
    assert.equal(after.listeners['shop/db:5432'], edge2.listeners['shop/db:5432']);
    assert.deepEqual((await hubConfig()).listeners, hub.listeners);
  } finally {
    await w.stop();
  }
});
