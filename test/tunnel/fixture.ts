// An in-process world for gateway tests: omni CA, a hub and two spokes (edge-a, edge-b) on loopback,
// echo/HTTP/hash servers standing in for the Services behind them.
import http from 'node:http';
import net from 'node:net';
import { Hub } from '../../src/tunnel/hub.ts';
import { createCa, issueEdgeCert, issueHubCert, type CertBundle } from '../../src/tunnel/pki/index.ts';
import type { Policy } from '../../src/tunnel/policy.ts';
import { staticResolver } from '../../src/tunnel/resolver.ts';
import { Spoke, type SpokeOptions } from '../../src/tunnel/spoke.ts';
import { echoServer, hashServer, listen, stalledServer } from './helpers.ts';

export interface Pki {
  ca: CertBundle;
  hub: CertBundle;
  edgeA: CertBundle;
  edgeB: CertBundle;
}

let cached: Pki | null = null;

export function pki(): Pki {
  cached ??= (() => {
    const ca = createCa();
    return {
      ca,
      hub: issueHubCert(ca, { dns: ['localhost', 'hub.omni.test'], ips: ['127.0.0.1'] }),
      edgeA: issueEdgeCert(ca, 'edge-a'),
      edgeB: issueEdgeCert(ca, 'edge-b'),
    };
  })();
  return cached;
}

export const SVC = {
  mainEcho: 'default/echo:7',
  mainWeb: 'default/web:80',
  mainHash: 'default/hash:9',
  mainSlow: 'default/slow:10',
  edgeApi: 'shop/api:8080',
  edgeBEcho: 'shop/b-echo:9000',
};

export const POLICY: Policy = {
  locations: {
    'edge-a': { allow: [SVC.mainEcho, SVC.mainWeb, SVC.mainHash, SVC.mainSlow, SVC.edgeBEcho], serves: [SVC.edgeApi] },
    'edge-b': { allow: [SVC.mainEcho, SVC.mainHash], serves: [SVC.edgeBEcho] },
  },
};

export const TEST_MUX = { window: 1024 * 1024, keepaliveMs: 0 };

async function httpServer(body: string): Promise<{ port: number; close: () => void }> {
  const srv = http.createServer((req, res) => res.end(`${body} ${req.method} ${req.url}`));
  const port = await listen(srv);
  return { port, close: () => srv.closeAllConnections() ?? srv.close() };
}

export interface World {
  hub: Hub;
  spokeA: Spoke;
  spokeB: Spoke;
  hubPort: number;
  /** main→edge listener on the hub for shop/api:8080 */
  edgeApiPort: number;
  portA: (svc: string) => number;
  portB: (svc: string) => number;
  startHub: (port?: number) => Promise<Hub>;
  close: () => Promise<void>;
}

export function spokeOptions(location: 'edge-a' | 'edge-b', hubPort: number, extra: Partial<SpokeOptions> = {}): SpokeOptions {
  const p = pki();
  return {
    location,
    hub: { host: '127.0.0.1', port: hubPort },
    tls: { ...(location === 'edge-a' ? p.edgeA : p.edgeB), caPem: p.ca.certPem },
    resolver: staticResolver({}),
    mux: TEST_MUX,
    backoff: { initialMs: 20, maxMs: 200 },
    ...extra,
  };
}

export async function world(): Promise<World> {
  const p = pki();
  const echo = await echoServer();
  const hash = await hashServer();
  const web = await httpServer('main-web');
  const api = await httpServer('edge-a-api');
  const bEcho = await echoServer();
  const slow = await stalledServer();
  const mainResolver = staticResolver({
    [SVC.mainEcho]: [{ host: '127.0.0.1', port: echo.port }],
    [SVC.mainWeb]: [{ host: '127.0.0.1', port: web.port }],
    [SVC.mainHash]: [{ host: '127.0.0.1', port: hash.port }],
    [SVC.mainSlow]: [{ host: '127.0.0.1', port: slow.port }],
  });
  let hub: Hub | null = null;
  let edgeApiPort = 0;
  const startHub = async (port = 0): Promise<Hub> => {
    const h = new Hub({ tls: { ...p.hub, caPem: p.ca.certPem }, policy: POLICY, resolver: mainResolver, host: '127.0.0.1', port, mux: TEST_MUX });
    await h.start();
    edgeApiPort = await h.listen(SVC.edgeApi, edgeApiPort, '127.0.0.1');
    hub = h;
    return h;
  };
  const firstHub = await startHub();
  const spokeA = new Spoke(
    spokeOptions('edge-a', firstHub.port, {
      resolver: staticResolver({ [SVC.edgeApi]: [{ host: '127.0.0.1', port: api.port }] }),
      serves: [SVC.edgeApi],
      listeners: [SVC.mainEcho, SVC.mainWeb, SVC.mainHash, SVC.mainSlow, SVC.edgeBEcho].map((service) => ({ service, port: 0, host: '127.0.0.1' })),
    }),
  );
  const spokeB = new Spoke(
    spokeOptions('edge-b', firstHub.port, {
      resolver: staticResolver({ [SVC.edgeBEcho]: [{ host: '127.0.0.1', port: bEcho.port }] }),
      serves: [SVC.edgeBEcho],
      listeners: [SVC.mainEcho, SVC.mainWeb].map((service) => ({ service, port: 0, host: '127.0.0.1' })),
    }),
  );
  await spokeA.start();
  await spokeB.start();
  await Promise.all([spokeA.ready(), spokeB.ready()]);
  const portOf = (s: Spoke) => (svc: string) => {
    const port = s.listenerPort(svc);
    if (port === null) throw new Error(`no listener for ${svc}`);
    return port;
  };
  return {
    get hub() {
      return hub as Hub;
    },
    spokeA,
    spokeB,
    hubPort: firstHub.port,
    get edgeApiPort() {
      return edgeApiPort;
    },
    portA: portOf(spokeA),
    portB: portOf(spokeB),
    startHub,
    close: async () => {
      await Promise.all([spokeA.close(), spokeB.close(), (hub as Hub).close()]);
      for (const s of [echo, hash, web, api, bEcho, slow]) s.close();
    },
  };
}

export function httpGet(port: number, path = '/'): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve(Buffer.concat(parts).toString()));
    });
    req.on('error', reject);
  });
}

/** Opens a TCP connection, sends `data`, half-closes, returns everything read back. */
export function roundTrip(port: number, data: Buffer | string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port, allowHalfOpen: true });
    const parts: Buffer[] = [];
    s.on('data', (c: Buffer) => parts.push(c));
    s.on('end', () => (s.end(), resolve(Buffer.concat(parts))));
    s.on('error', reject);
    s.on('close', () => resolve(Buffer.concat(parts)));
    s.end(data);
  });
}
