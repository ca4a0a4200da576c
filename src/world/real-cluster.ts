// The composition root for a real cluster (EKS/GKE/AKS): the same controllers as the embedded world,
// with the clouds reached through their SDK adapters.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { Registry } from 'prom-client';
import { loadEmbeddedCatalog } from '../catalog/index.ts';
import type { CloudName } from '../catalog/types.ts';
import { Credentials } from '../clouds/credentials.ts';
import type { CloudProvider } from '../clouds/types.ts';
import type { KubeConfig } from '@kubernetes/client-node';
import { holdLease, installCrds, makeClients, systemClock, type KubeClients, type Logger } from '../kube/index.ts';
import {
  MutableLocationRegistry,
  startAutoscaler,
  type JoinTarget,
} from '../controllers/autoscaler/index.ts';
import { startEdgeLocationController, type ReadyEdge } from '../controllers/edge-location/index.ts';
import { sdkCloudProviders } from '../controllers/edge-location/sdk-providers.ts';
import { k3sServerProvisioner } from '../controllers/edge-location/k3s-server.ts';
import { secretBootstrapStore } from '../controllers/edge-location/secrets.ts';
import { startVirtualKubelet, type VirtualKubelet } from '../controllers/virtual-kubelet/index.ts';
import { startEvictor } from '../controllers/evictor/index.ts';
import { loadKubeConfig } from '../kube/index.ts';
import { locationTargetOf } from './edge-target.ts';
import { watchGatewayPods } from './gateway-pods.ts';

export interface ControllerOptions {
  kc: KubeConfig;
  main: { cloud: CloudName; region: string };
  clusterId: string;
  /** How new main-region machines join the cluster. */
  join: JoinTarget;
  leaderElection?: { namespace: string; name: string; identity: string };
  /** The main cloud's adapter; default: the SDK adapter with the environment's credentials. */
  mainCloud?: CloudProvider;
  /** `host:port` edge spokes dial (default: the omni-hub Service's load-balancer address). */
  hubAddress?: string;
  metricsPort?: number;
  healthPort?: number;
  log: Logger;
}

/** The main cloud's account from the SDKs' usual environment (AWS_ACCESS_KEY_ID…, GOOGLE_APPLICATION_CREDENTIALS). */
export async function mainCloudFromEnvironment(cloud: CloudName, region: string): Promise<CloudProvider> {
  const catalog = await loadEmbeddedCatalog();
  const env = process.env;
  if (cloud === 'aws' && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    const { createAwsCloud } = await import('../clouds/aws/index.ts');
    const credentials = new Credentials(env.AWS_ACCESS_KEY_ID, {
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    });
    return createAwsCloud({ region, credentials, catalog, clock: systemClock });
  }
  if (cloud === 'gcp' && env.GOOGLE_APPLICATION_CREDENTIALS && env.GOOGLE_CLOUD_PROJECT) {
    const { createGcpCloud } = await import('../clouds/gcp/index.ts');
    const json = readFileSync(env.GOOGLE_APPLICATION_CREDENTIALS, 'utf8');
    const email = (JSON.parse(json) as { client_email?: string }).client_email ?? 'service-account';
    return createGcpCloud({
      project: env.GOOGLE_CLOUD_PROJECT,
      credentials: new Credentials(email, { serviceAccountJson: json }),
      catalog,
      clock: systemClock,
    });
  }
  throw new Error(
    `no credentials for the main cloud ${cloud}: set ${cloud === 'aws' ? 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY' : 'GOOGLE_APPLICATION_CREDENTIALS and GOOGLE_CLOUD_PROJECT'} (azure main clusters are not supported by this build)`,
  );
}

function serveText(port: number, routes: Record<string, () => Promise<string> | string>): http.Server {
  const server = http.createServer((req, res) => {
    const route = routes[(req.url ?? '/').split('?')[0]];
    if (!route) {
      res.writeHead(404).end('not found\n');
      return;
    }
    void Promise.resolve(route()).then(
      (body) => res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' }).end(body),
      (err: unknown) => res.writeHead(500).end(String(err)),
    );
  });
  server.listen(port);
  return server;
}

export interface RunningControllers {
  stop(): Promise<void>;
  /** With leader election: resolves with why, once this replica no longer leads (the process must exit). */
  ended?: Promise<string>;
}

/**
 * Runs omni's controllers against the cluster of `kc` until stopped. With leader election, every
 * controller waits for the Lease (a standby replica only serves its health and metrics endpoints).
 */
export async function runControllers(o: ControllerOptions): Promise<RunningControllers> {
  // Missing credentials fail at once, not after this replica has waited for the Lease.
  const mainCloud = o.mainCloud ?? (await mainCloudFromEnvironment(o.main.cloud, o.main.region));
  const clients = makeClients(o.kc, { maxSockets: 32 });
  const registry = new Registry();
  const servers = [
    serveText(o.metricsPort ?? 8080, { '/metrics': () => registry.metrics() }),
    serveText(o.healthPort ?? 8081, { '/healthz': () => 'ok\n', '/readyz': () => 'ok\n' }),
  ];
  try {
    const lease = o.leaderElection
      ? await holdLease(clients.coordination, systemClock, o.leaderElection, o.log)
      : undefined;
    const controllers = await startControllers({ ...o, mainCloud }, clients, registry);
    return {
      ended: lease?.lost,
      async stop() {
        for (const s of servers) s.close();
        await controllers.stop();
        await lease?.release();
      },
    };
  } catch (err) {
    // Open servers would keep the process alive after the error is reported.
    for (const s of servers) s.close();
    throw err;
  }
}

async function startControllers(
  o: ControllerOptions & { mainCloud: CloudProvider },
  clients: KubeClients,
  registry: Registry,
): Promise<{ stop(): Promise<void> }> {
  await installCrds(clients);
  const catalog = await loadEmbeddedCatalog();
  const locations = new MutableLocationRegistry({
    name: 'main',
    ...o.main,
    provider: o.mainCloud,
    join: o.join,
  });
  const vkRef: { current?: VirtualKubelet } = {};
  const gatewayPods = watchGatewayPods(o.kc, o.log.child({ component: 'gateway-pods' }), () =>
    vkRef.current?.servicesChanged(),
  );
  const vk = startVirtualKubelet({
    main: clients,
    log: o.log.child({ component: 'virtual-kubelet' }),
    gateways: gatewayPods,
  });
  vkRef.current = vk;
  const onReady = (edge: ReadyEdge) => {
    locations.setEdge(locationTargetOf(edge));
    const kc = loadKubeConfig({ yaml: edge.kubeconfigYaml });
    gatewayPods.watchEdge(edge.name, kc);
    void vk.addEdge({
      name: edge.name,
      clients: makeClients(kc, { maxSockets: 8 }),
      cloud: edge.cloud,
      region: edge.region,
    });
  };
  const onRemoved = (name: string): void => {
    locations.removeEdge(name);
    void gatewayPods.unwatchEdge(name);
    void vk.removeEdge(name, { deleteNodes: true });
  };
  const edges = startEdgeLocationController({
    clients,
    providers: sdkCloudProviders({ catalog, clock: systemClock }),
    edgeClusters: k3sServerProvisioner({ store: secretBootstrapStore(clients.core) }),
    listeners: [{ onReady, onRemoved }],
    clock: systemClock,
    log: o.log.child({ component: 'edge-locations' }),
    clusterId: o.clusterId,
    catalog,
    options: { hubAddress: o.hubAddress },
  });
  const evictorRef: { current?: { recentlyMovedHome(uid: string): boolean } } = {};
  const autoscaler = await startAutoscaler({
    clients,
    catalog,
    locations,
    clusterId: o.clusterId,
    main: o.main,
    clock: systemClock,
    log: o.log.child({ component: 'autoscaler' }),
    registry,
    recentlyMovedHome: (uid) => evictorRef.current?.recentlyMovedHome(uid) ?? false,
  });
  const evictor = startEvictor({
    clients,
    clock: systemClock,
    log: o.log.child({ component: 'evictor' }),
    registry,
  });
  evictorRef.current = evictor;
  return {
    async stop() {
      await evictor.stop();
      await autoscaler.stop();
      await edges.stop();
      await vk.stop();
      await gatewayPods.stop();
    },
  };
}
