// Gateways fed by their clusters: a hub watching a kube-sim main cluster and a spoke watching a kube-sim
// edge cluster, both over real HTTP with client-node. Config, endpoints and revocations are Kubernetes
// objects; the traffic is real TCP on loopback.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import {
  startClusterHub,
  startClusterSpoke,
  type ClusterGateway,
} from '../../src/tunnel/cluster-gateways.ts';
import { HUB_CONFIG, REVOCATIONS, SPOKE_CONFIG } from '../../src/tunnel/gateway-config.ts';
import type { Hub } from '../../src/tunnel/hub.ts';
import { certInfo, RevocationList } from '../../src/tunnel/pki/index.ts';
import type { Spoke } from '../../src/tunnel/spoke.ts';
import { tunnelLogger } from '../../src/tunnel/log.ts';
import { echoServer, listen, waitFor } from './helpers.ts';
import { TEST_MUX, httpGet, pki } from './fixture.ts';
import {
  eventually,
  freePort,
  putConfigMap,
  putService,
  putSlice,
  side,
  tryEcho,
  type Side,
} from './cluster-fixture.ts';

const ECHO = 'default/echo:7';
const API = 'shop/api:8080';
const log = tunnelLogger('test').child({});
log.level = 'silent';

let main: Side;
let edge: Side;
let hub: ClusterGateway<Hub>;
let spoke: ClusterGateway<Spoke>;
const servers: { close(): void }[] = [];
let echoPort = 0;
let spokeEchoPort = 0;
let hubApiPort = 0;

const hubConfig = (allow: string[]): string =>
  JSON.stringify({ locations: { 'edge-a': { allow, serves: [API] } }, listeners: { [API]: hubApiPort } });

before(async () => {
  [main, edge] = await Promise.all([side('main'), side('edge-a')]);
  const echo = await echoServer();
  servers.push(echo);
  echoPort = echo.port;
  const api = http.createServer((req, res) => res.end(`edge api ${req.url}`));
  const apiPort = await listen(api);
  servers.push({ close: () => (api.closeAllConnections(), api.close()) });
  [spokeEchoPort, hubApiPort] = [await freePort(), await freePort()];

  await putService(main.clients, 'default', 'echo', 7);
  await putSlice(main.clients, 'default', 'echo', [{ address: '127.0.0.1', port: echoPort }]);
  await putConfigMap(main.clients, HUB_CONFIG.configMap, HUB_CONFIG.key, hubConfig([ECHO]));
  await putService(edge.clients, 'shop', 'api', 8080);
  await putSlice(edge.clients, 'shop', 'api', [{ address: '127.0.0.1', port: apiPort }]);
  await putConfigMap(
    edge.clients,
    SPOKE_CONFIG.configMap,
    SPOKE_CONFIG.key,
    JSON.stringify({ listeners: { [ECHO]: spokeEchoPort }, serves: [API] }),
  );

  const p = pki();
  hub = await startClusterHub({
    kc: main.kc,
    tls: { ...p.hub, caPem: p.ca.certPem },
    log,
    host: '127.0.0.1',
    listenerHost: '127.0.0.1',
    mux: TEST_MUX,
  });
  spoke = await startClusterSpoke({
    kc: edge.kc,
    tls: { ...p.edgeA, caPem: p.ca.certPem },
    log,
    location: 'edge-a',
    hub: { host: '127.0.0.1', port: hub.gateway.port },
    listenerHost: '127.0.0.1',
    mux: TEST_MUX,
    tuning: { waitForHubMs: 500, backoff: { initialMs: 20, maxMs: 200 } },
  });
  await spoke.gateway.ready();
});

after(async () => {
  await spoke?.close();
  await hub?.close();
  servers.forEach((s) => s.close());
  await Promise.all([main?.cluster.stop(), edge?.cluster.stop()]);
});

test('edge→main and main→edge through gateways whose config and endpoints come from the clusters', async () => {
  await waitFor(
    () => spoke.gateway.listenerPort(ECHO) === spokeEchoPort,
    5000,
    'spoke listener from omni-spoke-config',
  );
  await eventually('edge→main echo', async () => (await tryEcho(spokeEchoPort, 'hello')) === 'hello');
  await waitFor(
    () => hub.gateway.listenerPorts()[API] === hubApiPort,
    5000,
    'hub listener from omni-hub-policy',
  );
  await eventually(
    'main→edge HTTP',
    async () => (await httpGet(hubApiPort, '/items').catch(() => '')) === 'edge api /items',
  );
});

test('a changed EndpointSlice moves new connections to the new endpoint', async () => {
  const other = await echoServer();
  servers.push(other);
  await putSlice(main.clients, 'default', 'echo', [{ address: '127.0.0.1', port: other.port }]);
  await eventually('hub resolves the new endpoint', async () => {
    const eps = hub.feed.resolver.resolve(ECHO);
    return eps.length === 1 && eps[0].port === other.port;
  });
  assert.equal(await tryEcho(spokeEchoPort, 'moved'), 'moved');
  await putSlice(main.clients, 'default', 'echo', [{ address: '127.0.0.1', port: echoPort }]);
});

test('endpoints on virtual nodes are not dialled by the hub (their pod IPs live in an edge cluster)', async () => {
  await main.clients.core.createNode({
    body: { metadata: { name: 'omni-edge-a-node', labels: { 'omni.cast.ai/edge-location-name': 'edge-a' } } },
  });
  await putSlice(main.clients, 'default', 'echo', [
    { address: '10.255.0.9', port: echoPort, nodeName: 'omni-edge-a-node' },
    { address: '127.0.0.1', port: echoPort, nodeName: 'main-1' },
  ]);
  await eventually('virtual-node endpoint dropped', async () => {
    const eps = hub.feed.resolver.resolve(ECHO);
    return eps.length === 1 && eps[0].host === '127.0.0.1';
  });
  assert.equal(await tryEcho(spokeEchoPort, 'still here'), 'still here');
});

test('a config that does not parse is refused and the last good one stays in force', async () => {
  await putConfigMap(
    main.clients,
    HUB_CONFIG.configMap,
    HUB_CONFIG.key,
    'locations: {edge-a: {allow: ["not a service key"]}}',
  );
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await tryEcho(spokeEchoPort, 'kept'), 'kept');
  assert.deepEqual(hub.gateway.connectedLocations(), ['edge-a']);
});

test('taking a service off the allow-list refuses new streams to it', async () => {
  await putConfigMap(main.clients, HUB_CONFIG.configMap, HUB_CONFIG.key, hubConfig([]));
  await eventually('echo refused', async () => (await tryEcho(spokeEchoPort, 'nope')) === null);
  await putConfigMap(main.clients, HUB_CONFIG.configMap, HUB_CONFIG.key, hubConfig([ECHO]));
  await eventually('echo allowed again', async () => (await tryEcho(spokeEchoPort, 'back')) === 'back');
});

test('a revocation written to omni-tunnel-revocations closes the spoke and refuses it', async () => {
  const serial = certInfo(pki().edgeA.certPem).serial;
  const list = new RevocationList().with({ serial, reason: 'test', revokedAt: new Date().toISOString() });
  await putConfigMap(main.clients, REVOCATIONS.configMap, REVOCATIONS.key, JSON.stringify(list.toJSON()));
  await waitFor(() => hub.gateway.connectedLocations().length === 0, 8000, 'spoke dropped');
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(hub.gateway.connectedLocations(), []);
  assert.equal(await tryEcho(spokeEchoPort, 'revoked'), null);
});
