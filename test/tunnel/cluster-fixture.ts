// Two kube-sim clusters standing in for main and an edge, and helpers to put the tunnel's inputs into
// them as Kubernetes objects (Services, EndpointSlices, the gateways' ConfigMaps).
import net from 'node:net';
import type { KubeConfig } from '@kubernetes/client-node';
import { startSimulatedCluster, type SimulatedCluster } from '../../kube-sim/src/sim/index.ts';
import { loadKubeConfig, makeClients, type KubeClients } from '../../src/kube/index.ts';
import { roundTrip } from './fixture.ts';
import { listen } from './helpers.ts';

export interface Side {
  cluster: SimulatedCluster;
  kc: KubeConfig;
  clients: KubeClients;
}

export async function side(name: string): Promise<Side> {
  const cluster = await startSimulatedCluster({ name, nodes: 0, controllers: { endpoints: false } });
  const kc = loadKubeConfig({ yaml: cluster.kubeconfigYaml });
  const clients = makeClients(kc);
  for (const ns of ['castai-omni', 'shop'])
    await clients.core.createNamespace({ body: { metadata: { name: ns } } });
  return { cluster, kc, clients };
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  const port = await listen(srv);
  await new Promise((r) => srv.close(r));
  return port;
}

export async function putService(
  c: KubeClients,
  namespace: string,
  name: string,
  port: number,
): Promise<void> {
  await c.core.createNamespacedService({
    namespace,
    body: { metadata: { name }, spec: { ports: [{ port, protocol: 'TCP' }] } },
  });
}

function sliceBody(service: string, endpoints: { address: string; port: number; nodeName?: string }[]) {
  return {
    metadata: { name: `${service}-x`, labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    endpoints: endpoints.map((e) => ({
      addresses: [e.address],
      conditions: { ready: true },
      nodeName: e.nodeName,
    })),
    ports: [{ name: '', port: endpoints[0].port, protocol: 'TCP' }],
  };
}

export async function putSlice(
  c: KubeClients,
  namespace: string,
  service: string,
  endpoints: { address: string; port: number; nodeName?: string }[],
): Promise<void> {
  const body = sliceBody(service, endpoints);
  await c.discovery
    .deleteNamespacedEndpointSlice({ name: body.metadata.name, namespace })
    .catch(() => undefined);
  await c.discovery.createNamespacedEndpointSlice({ namespace, body });
}

export async function putConfigMap(c: KubeClients, name: string, key: string, text: string): Promise<void> {
  const body = { metadata: { name }, data: { [key]: text } };
  try {
    await c.core.replaceNamespacedConfigMap({ name, namespace: 'castai-omni', body });
  } catch {
    await c.core.createNamespacedConfigMap({ namespace: 'castai-omni', body });
  }
}

/** Echo round trip through a spoke listener; null when the tunnel refuses or drops it. */
export async function tryEcho(port: number, text: string): Promise<string | null> {
  return roundTrip(port, text).then(
    (b) => (b.length > 0 ? b.toString() : null),
    () => null,
  );
}

export async function eventually(what: string, fn: () => Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const start = Date.now();
  while (!(await fn())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
