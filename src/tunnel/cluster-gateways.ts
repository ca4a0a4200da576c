// Gateways that take their configuration from their own cluster (how they run when deployed): the hub
// reads omni-hub-policy, omni-tunnel-revocations and the main cluster's EndpointSlices; a spoke reads
// omni-spoke-config and its edge cluster's EndpointSlices. A config that does not parse is logged and the
// previous one stays in force, so a bad edit never cuts traffic that was allowed before.
import type { KubeConfig } from '@kubernetes/client-node';
import { watchCluster, type ClusterFeed } from './cluster-feed.ts';
import {
  HUB_CONFIG,
  REVOCATIONS,
  SPOKE_CONFIG,
  parseHubConfig,
  parseSpokeConfig,
  policyOf,
} from './gateway-config.ts';
import { Hub, type TlsMaterial } from './hub.ts';
import type { Logger } from './log.ts';
import type { TunnelMetrics } from './metrics.ts';
import type { MuxOptions } from './mux/index.ts';
import { RevocationList } from './pki/index.ts';
import type { EndpointResolver } from './resolver.ts';
import { Spoke, type SpokeOptions } from './spoke.ts';

interface Common {
  kc: KubeConfig;
  tls: TlsMaterial;
  log: Logger;
  metrics?: TunnelMetrics;
  mux?: MuxOptions;
  /** Where local listeners bind (default 0.0.0.0). */
  listenerHost?: string;
  /** Listeners given on the command line, kept besides the configured ones. */
  staticListeners?: Record<string, number>;
}

export interface ClusterHubOptions extends Common {
  host?: string;
  port?: number;
}

export interface ClusterSpokeOptions extends Common {
  location: string;
  hub: { host: string; port: number; servername?: string };
  tuning?: Pick<SpokeOptions, 'waitForHubMs' | 'backoff' | 'handshakeTimeoutMs'>;
}

export interface ClusterGateway<G> {
  gateway: G;
  feed: ClusterFeed;
  close(): Promise<void>;
}

const where = (name: string, key: string): string => `ConfigMap castai-omni/${name} key ${key}`;

/**
 * Runs `apply` on each text from the cluster, one at a time in arrival order; a bad text is logged and
 * ignored (the last good one stays in force).
 */
function guarded(
  log: Logger,
  source: string,
  apply: (text: string) => Promise<void> | void,
): (text: string | undefined) => void {
  let chain = Promise.resolve();
  return (text) => {
    if (text === undefined) return void log.info({ source }, 'no config (yet); keeping the last one');
    chain = chain
      .then(() => apply(text))
      .then(
        () => log.info({ source }, 'config applied'),
        (err: unknown) =>
          log.error({ source, err: (err as Error).message }, 'config rejected; keeping the last one'),
      );
  };
}

/** Resolves through the feed once it exists (the gateway is built before its watches start). */
function lateResolver(ref: { feed?: ClusterFeed }): EndpointResolver {
  return { resolve: (service) => ref.feed?.resolver.resolve(service) ?? [] };
}

export async function startClusterHub(o: ClusterHubOptions): Promise<ClusterGateway<Hub>> {
  const ref: { feed?: ClusterFeed } = {};
  const hub = new Hub({
    tls: o.tls,
    policy: { locations: {} },
    resolver: lateResolver(ref),
    host: o.host,
    port: o.port,
    mux: o.mux,
    metrics: o.metrics,
    logger: o.log,
  });
  await hub.start();
  await hub.setListeners({ ...o.staticListeners }, o.listenerHost);
  const hubSource = where(HUB_CONFIG.configMap, HUB_CONFIG.key);
  const handlers: Record<string, (text: string | undefined) => void> = {
    [HUB_CONFIG.configMap]: guarded(o.log, hubSource, async (text) => {
      const config = parseHubConfig(text, hubSource);
      hub.setPolicy(policyOf(config));
      await hub.setListeners({ ...o.staticListeners, ...config.listeners }, o.listenerHost);
    }),
    [REVOCATIONS.configMap]: guarded(o.log, where(REVOCATIONS.configMap, REVOCATIONS.key), (text) =>
      hub.setRevocations(RevocationList.parse(text)),
    ),
  };
  const feed = watchCluster(o.kc, {
    texts: [HUB_CONFIG, REVOCATIONS],
    skipVirtualNodes: true,
    log: o.log,
    onText: (cm, t) => handlers[cm]?.(t),
  });
  ref.feed = feed;
  await feed.synced();
  return { gateway: hub, feed, close: async () => (await feed.stop(), await hub.close()) };
}

export async function startClusterSpoke(o: ClusterSpokeOptions): Promise<ClusterGateway<Spoke>> {
  const ref: { feed?: ClusterFeed } = {};
  const spoke = new Spoke({
    location: o.location,
    hub: o.hub,
    tls: o.tls,
    resolver: lateResolver(ref),
    serves: [],
    mux: o.mux,
    metrics: o.metrics,
    logger: o.log,
    ...o.tuning,
  });
  await spoke.start();
  await spoke.setListeners({ ...o.staticListeners }, o.listenerHost);
  const source = where(SPOKE_CONFIG.configMap, SPOKE_CONFIG.key);
  const onConfig = guarded(o.log, source, async (text) => {
    const config = parseSpokeConfig(text, source);
    spoke.setServes(config.serves);
    await spoke.setListeners({ ...o.staticListeners, ...config.listeners }, o.listenerHost);
  });
  const feed = watchCluster(o.kc, {
    texts: [SPOKE_CONFIG],
    skipVirtualNodes: false,
    log: o.log,
    onText: (_cm, t) => onConfig(t),
  });
  ref.feed = feed;
  await feed.synced();
  return { gateway: spoke, feed, close: async () => (await feed.stop(), await spoke.close()) };
}
