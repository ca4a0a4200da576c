// The tunnel in the embedded world: the real hub and spoke gateways, in this process on loopback, each
// reading its config and endpoints from its own kube-sim cluster and its certificate from the Secret the
// edge-location controller wrote (omni-hub-tls in main, omni-spoke-tls in each edge) — as when deployed.
// Each world takes a loopback block of its own (127.A.B.0/24, A and B drawn at start): the hub listens on
// 127.A.B.1 and each spoke binds its listeners on 127.A.B.N, like pods with their own IPs. Two worlds on one
// machine (two demos, tests side by side) then never want the same address and port.
import type { KubeConfig, V1Secret } from '@kubernetes/client-node';
import { loadKubeConfig, makeClients, type KubeClients, type Logger } from '../kube/index.ts';
import { startClusterHub, startClusterSpoke, type ClusterGateway } from '../tunnel/cluster-gateways.ts';
import { GATEWAY_NAMESPACE } from '../tunnel/gateway-config.ts';
import type { Hub, TlsMaterial } from '../tunnel/hub.ts';
import { TunnelMetrics } from '../tunnel/metrics.ts';
import type { Spoke } from '../tunnel/spoke.ts';

export const HUB_SERVER_NAME = 'omni-hub.castai-omni.svc';

/** A /24 in 127.0.0.0/8 that leaves out 127.0.0.0/16, where 127.0.0.1 (and anything else's) lives. */
export function loopbackBlock(random: () => number = Math.random): string {
  const a = 1 + Math.floor(random() * 254);
  const b = Math.floor(random() * 256);
  return `127.${a}.${b}`;
}

export interface EmbeddedGateways {
  /** Where the in-process hub listens, for spokes and for its listeners of edge-backed services. */
  readonly hubHost: string;
  /** The hub's metrics (the console's tunnel screen reads them). */
  readonly metrics: TunnelMetrics;
  hub(): Hub | undefined;
  spoke(location: string): Spoke | undefined;
  /** The loopback address a location's spoke listens on. */
  spokeHost(location: string): string | undefined;
  /** The API of a location's edge cluster (as its spoke reads it). */
  edgeClients(location: string): KubeClients | undefined;
  addEdge(location: string, kubeconfigYaml: string): void;
  removeEdge(location: string): Promise<void>;
  stop(): Promise<void>;
}

interface SpokeEntry {
  host: string;
  clients: KubeClients;
  running?: ClusterGateway<Spoke>;
  starting: Promise<void>;
}

const decode = (s: V1Secret, key: string): string =>
  Buffer.from(s.data?.[key] ?? '', 'base64').toString('utf8');

/** Waits for a TLS Secret (tls.crt, tls.key, ca.crt) in castai-omni; undefined if stopped first. */
async function tlsFromSecret(
  kc: KubeConfig,
  name: string,
  stopped: () => boolean,
): Promise<TlsMaterial | undefined> {
  const { core } = makeClients(kc);
  while (!stopped()) {
    const s = await core.readNamespacedSecret({ name, namespace: GATEWAY_NAMESPACE }).catch(() => undefined);
    if (s?.data?.['tls.crt'] && s.data['tls.key'] && s.data['ca.crt'])
      return { certPem: decode(s, 'tls.crt'), keyPem: decode(s, 'tls.key'), caPem: decode(s, 'ca.crt') };
    await new Promise((r) => setTimeout(r, 500).unref());
  }
  return undefined;
}

/** Polls `ready` until it holds (true) or `gone` does (false). */
async function until(ready: () => boolean, gone: () => boolean): Promise<boolean> {
  while (!ready()) {
    if (gone()) return false;
    await new Promise((r) => setTimeout(r, 100).unref());
  }
  return !gone();
}

export function startEmbeddedGateways(o: {
  mainKubeconfigYaml: string;
  log: Logger;
  random?: () => number;
}): EmbeddedGateways {
  const block = loopbackBlock(o.random);
  const hubHost = `${block}.1`;
  const metrics = new TunnelMetrics();
  const spokes = new Map<string, SpokeEntry>();
  let stopped = false;
  let hub: ClusterGateway<Hub> | undefined;
  let hostIndex = 1;
  const mainKc = loadKubeConfig({ yaml: o.mainKubeconfigYaml });
  const hubReady = (async () => {
    const tls = await tlsFromSecret(mainKc, 'omni-hub-tls', () => stopped);
    if (!tls || stopped) return undefined;
    hub = await startClusterHub({
      kc: mainKc,
      tls,
      metrics,
      host: hubHost,
      listenerHost: hubHost,
      log: o.log.child({ gateway: 'hub' }),
    });
    return hub;
  })().catch(
    (err: unknown) => void o.log.error({ err: (err as Error).message }, 'hub gateway failed to start'),
  );

  async function startSpoke(
    location: string,
    kubeconfigYaml: string,
    host: string,
  ): Promise<ClusterGateway<Spoke> | undefined> {
    const kc = loadKubeConfig({ yaml: kubeconfigYaml });
    const gone = (): boolean => stopped || !spokes.has(location);
    const tls = await tlsFromSecret(kc, 'omni-spoke-tls', gone);
    const h = await hubReady;
    if (!tls || !h || gone()) return undefined;
    // The spoke's certificate comes before the hub's policy names the location (that waits for the virtual
    // kubelet to take the edge on); dialling earlier only gets refused and retried, with warnings.
    if (!(await until(() => h.gateway.knowsLocation(location), gone))) return undefined;
    const log = o.log.child({ gateway: 'spoke', location });
    return startClusterSpoke({
      kc,
      tls,
      location,
      hub: { host: hubHost, port: h.gateway.port, servername: HUB_SERVER_NAME },
      listenerHost: host,
      log,
    });
  }

  return {
    hubHost,
    metrics,
    hub: () => hub?.gateway,
    spoke: (location) => spokes.get(location)?.running?.gateway,
    spokeHost: (location) => spokes.get(location)?.host,
    edgeClients: (location) => spokes.get(location)?.clients,
    addEdge(location, kubeconfigYaml) {
      if (spokes.has(location)) return;
      const clients = makeClients(loadKubeConfig({ yaml: kubeconfigYaml }));
      const entry: SpokeEntry = { host: `${block}.${++hostIndex}`, clients, starting: Promise.resolve() };
      spokes.set(location, entry);
      entry.starting = startSpoke(location, kubeconfigYaml, entry.host).then(
        (running) => void (entry.running = running),
        (err: unknown) =>
          void o.log.error({ location, err: (err as Error).message }, 'spoke gateway failed to start'),
      );
    },
    async removeEdge(location) {
      const entry = spokes.get(location);
      spokes.delete(location);
      await entry?.starting;
      await entry?.running?.close();
    },
    async stop() {
      stopped = true;
      await Promise.all([...spokes.keys()].map((l) => this.removeEdge(l)));
      await hubReady;
      await hub?.close();
    },
  };
}
