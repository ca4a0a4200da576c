// Real traffic through the embedded tunnel: an echo server stands in for a main-cluster Service
// (demo/tunnel-echo, whose EndpointSlice points at it). Every few seconds, for each edge location, the
// probe does what a pod there would: it takes the Service's endpoint from the EndpointSlice omni reflected
// into that edge cluster (the spoke's listener) and connects — edge → spoke → mutual-TLS link → hub →
// endpoint; the bytes must come back unchanged. The console's tunnel screen shows the traffic.
import net from 'node:net';
import type { KubeClients } from '../kube/index.ts';
import type { EmbeddedGateways } from './gateways.ts';

export const PROBE_SERVICE = { namespace: 'demo', name: 'tunnel-echo', port: 7 } as const;
const TIMEOUT_MS = 3000;

export interface ProbeResult {
  location: string;
  connected: boolean;
  /** Outcome of the last echo through the tunnel: ok, failed (with why) or none yet. */
  echo: 'ok' | 'failed' | 'none';
  error?: string;
  roundTripMs?: number;
  /** Where the probe connected: the endpoint of demo/tunnel-echo in the edge cluster's EndpointSlice. */
  endpoint?: string;
  roundTrips: number;
  failures: number;
}

function echoServer(): Promise<net.Server> {
  const srv = net.createServer({ allowHalfOpen: true }, (s) => {
    s.on('error', () => undefined);
    s.pipe(s);
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv)));
}

function roundTrip(host: string, port: number, text: string): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const s = net.connect({ host, port, allowHalfOpen: true });
    const parts: Buffer[] = [];
    const timer = setTimeout(() => s.destroy(new Error('timed out')), TIMEOUT_MS);
    s.on('data', (c: Buffer) => parts.push(c));
    s.on('error', (err) => (clearTimeout(timer), reject(err)));
    s.on('end', () => {
      clearTimeout(timer);
      s.end();
      const got = Buffer.concat(parts).toString();
      if (got === text) resolve(Number(process.hrtime.bigint() - started) / 1e6);
      else reject(new Error(got ? 'echo came back changed' : 'connection closed without an echo'));
    });
    s.end(text);
  });
}

async function publishService(clients: KubeClients, port: number): Promise<void> {
  const { namespace, name } = PROBE_SERVICE;
  const ignoreExisting = (): void => undefined;
  await clients.core.createNamespace({ body: { metadata: { name: namespace } } }).catch(ignoreExisting);
  await clients.core
    .createNamespacedService({
      namespace,
      body: {
        metadata: { name },
        spec: { ports: [{ name: 'echo', port: PROBE_SERVICE.port, protocol: 'TCP' }] },
      },
    })
    .catch(ignoreExisting);
  const body = {
    metadata: { name: `${name}-main`, labels: { 'kubernetes.io/service-name': name } },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['127.0.0.1'], conditions: { ready: true } }],
    ports: [{ name: 'echo', port, protocol: 'TCP' }],
  };
  await clients.discovery.createNamespacedEndpointSlice({ namespace, body }).catch(ignoreExisting);
}

function emptyResult(location: string): ProbeResult {
  return { location, connected: false, echo: 'none', roundTrips: 0, failures: 0 };
}

/**
 * Where an edge pod's connection to the Service goes: the address and port in the EndpointSlice omni
 * reflected into the edge cluster (kube-proxy's choice there), i.e. the spoke's listener.
 */
async function reflectedEndpoint(
  edge: KubeClients | undefined,
): Promise<{ host: string; port: number } | undefined> {
  const { namespace, name } = PROBE_SERVICE;
  const list = await edge?.discovery
    .listNamespacedEndpointSlice({ namespace, labelSelector: `kubernetes.io/service-name=${name}` })
    .catch(() => undefined);
  const slice = list?.items.find((s) => s.endpoints.some((e) => e.conditions?.ready !== false));
  const host = slice?.endpoints[0]?.addresses[0];
  const port = slice?.ports?.[0]?.port;
  return host && port ? { host, port } : undefined;
}

export interface TunnelProbe {
  results(): ProbeResult[];
  stop(): Promise<void>;
}

export async function startTunnelProbe(o: {
  clients: KubeClients;
  gateways: EmbeddedGateways;
  locations: () => string[];
  intervalMs?: number;
}): Promise<TunnelProbe> {
  const server = await echoServer();
  await publishService(o.clients, (server.address() as net.AddressInfo).port);
  const results = new Map<string, ProbeResult>();
  let n = 0;
  const probeOne = async (location: string): Promise<void> => {
    const r = results.get(location) ?? emptyResult(location);
    results.set(location, r);
    r.connected = o.gateways.spoke(location)?.connected ?? false;
    const endpoint = r.connected ? await reflectedEndpoint(o.gateways.edgeClients(location)) : undefined;
    if (!endpoint) return;
    r.endpoint = `${endpoint.host}:${endpoint.port}`;
    await roundTrip(endpoint.host, endpoint.port, `probe ${location} ${++n}`).then(
      (ms) =>
        Object.assign(r, {
          echo: 'ok',
          error: undefined,
          roundTripMs: Math.round(ms * 100) / 100,
          roundTrips: r.roundTrips + 1,
        }),
      (err: unknown) =>
        Object.assign(r, { echo: 'failed', error: (err as Error).message, failures: r.failures + 1 }),
    );
  };
  const timer = setInterval(() => void Promise.all(o.locations().map(probeOne)), o.intervalMs ?? 5000);
  return {
    results: () => o.locations().map((l) => results.get(l) ?? emptyResult(l)),
    async stop() {
      clearInterval(timer);
      await new Promise((r) => server.close(r));
    },
  };
}
