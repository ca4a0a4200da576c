// Where the tunnel's gateways are in a real cluster: the pod IP of the hub (main) and of each edge's
// spoke. The reflected EndpointSlices point there. A Service's ClusterIP would not do: kube-proxy
// rewrites a packet's destination once, so an endpoint that is itself a ClusterIP is never reached.
import { CoreV1Api, type KubeConfig, type V1Pod } from '@kubernetes/client-node';
import { watchCollection, type Logger, type WatchedCollection } from '../kube/index.ts';
import { GATEWAY_NAMESPACE } from '../tunnel/gateway-config.ts';

function readyIp(pods: readonly V1Pod[]): string | undefined {
  const ready = pods
    .filter((p) => !p.metadata?.deletionTimestamp && p.status?.podIP)
    .filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
    .sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
  return ready[0]?.status?.podIP;
}

function watchGateway(kc: KubeConfig, name: string, log: Logger): WatchedCollection<V1Pod> {
  const core = kc.makeApiClient(CoreV1Api);
  const labelSelector = `app.kubernetes.io/name=${name}`;
  const path = `/api/v1/namespaces/${GATEWAY_NAMESPACE}/pods`;
  return watchCollection(
    kc,
    path,
    () => core.listNamespacedPod({ namespace: GATEWAY_NAMESPACE, labelSelector }),
    { log, labelSelector },
  );
}

export interface GatewayPods {
  /** The hub pod's IP; '' until a hub pod is Ready. */
  readonly hubAddress: string;
  spokeAddress(edge: string): string | undefined;
  watchEdge(edge: string, kc: KubeConfig): void;
  unwatchEdge(edge: string): Promise<void>;
  stop(): Promise<void>;
}

/** Follows the gateway pods; `onChange` is called when an address may have changed. */
export function watchGatewayPods(mainKc: KubeConfig, log: Logger, onChange: () => void): GatewayPods {
  const hub = watchGateway(mainKc, 'omni-hub', log);
  hub.onChange(onChange);
  const spokes = new Map<string, WatchedCollection<V1Pod>>();
  return {
    get hubAddress() {
      return readyIp(hub.list()) ?? '';
    },
    spokeAddress: (edge) => readyIp(spokes.get(edge)?.list() ?? []),
    watchEdge(edge, kc) {
      void spokes.get(edge)?.stop();
      const w = watchGateway(kc, 'omni-spoke', log.child({ edge }));
      w.onChange(onChange);
      spokes.set(edge, w);
    },
    async unwatchEdge(edge) {
      await spokes.get(edge)?.stop();
      spokes.delete(edge);
    },
    async stop() {
      await Promise.all([hub.stop(), ...[...spokes.values()].map((w) => w.stop())]);
    },
  };
}
