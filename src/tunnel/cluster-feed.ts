// A gateway's inputs read from its own cluster through the Kubernetes API (watches, not polling): its
// config and the revocation list from ConfigMaps in castai-omni, and real endpoints from Services and
// EndpointSlices. The hub also skips endpoints on virtual nodes: their pod IPs live in an edge cluster.
import {
  CoreV1Api,
  DiscoveryV1Api,
  type KubeConfig,
  type V1ConfigMap,
  type V1Node,
} from '@kubernetes/client-node';
import { watchCollection, type WatchedCollection } from '../kube/index.ts';
import { toWiringService, toWiringSlice } from './k8s-convert.ts';
import { GATEWAY_NAMESPACE } from './gateway-config.ts';
import type { Logger } from './log.ts';
import { SliceResolver } from './slice-resolver.ts';

/** The label virtual nodes carry in the main cluster (DESIGN.md contracts). */
export const VIRTUAL_NODE_LABEL = 'omni.cast.ai/edge-location-name';

export interface ClusterFeedOptions {
  /** ConfigMap names in castai-omni to follow (`name/key`), each reported through `onText`. */
  texts: readonly { configMap: string; key: string }[];
  onText(configMap: string, text: string | undefined): void;
  skipVirtualNodes: boolean;
  log: Logger;
}

export interface ClusterFeed {
  readonly resolver: SliceResolver;
  /** Resolves once every watch has delivered its first list. */
  synced(): Promise<void>;
  stop(): Promise<void>;
}

function virtualNodeNames(nodes: WatchedCollection<V1Node> | undefined): Set<string> {
  return new Set((nodes?.list() ?? []).map((n) => n.metadata?.name ?? ''));
}

function configText(maps: WatchedCollection<V1ConfigMap>, name: string, key: string): string | undefined {
  return maps.get(name, GATEWAY_NAMESPACE)?.data?.[key];
}

export function watchCluster(kc: KubeConfig, o: ClusterFeedOptions): ClusterFeed {
  const core = kc.makeApiClient(CoreV1Api);
  const discovery = kc.makeApiClient(DiscoveryV1Api);
  const log = o.log.child({ component: 'cluster-feed' });
  const services = watchCollection(kc, '/api/v1/services', () => core.listServiceForAllNamespaces(), { log });
  const slices = watchCollection(
    kc,
    '/apis/discovery.k8s.io/v1/endpointslices',
    () => discovery.listEndpointSliceForAllNamespaces(),
    { log },
  );
  const maps = watchCollection(
    kc,
    `/api/v1/namespaces/${GATEWAY_NAMESPACE}/configmaps`,
    () => core.listNamespacedConfigMap({ namespace: GATEWAY_NAMESPACE }),
    { log },
  );
  const nodes = o.skipVirtualNodes
    ? watchCollection(kc, '/api/v1/nodes', () => core.listNode({ labelSelector: VIRTUAL_NODE_LABEL }), {
        log,
        labelSelector: VIRTUAL_NODE_LABEL,
      })
    : undefined;
  let virtual = new Set<string>();
  const resolver = new SliceResolver({ skipNode: (n) => virtual.has(n) });
  let pending: NodeJS.Immediate | null = null;
  // Coalesces a burst of watch events (a rollout touches many slices) into one recomputation.
  const refresh = (): void => {
    pending ??= setImmediate(() => {
      pending = null;
      virtual = virtualNodeNames(nodes);
      resolver.update(services.list().map(toWiringService), slices.list().map(toWiringSlice));
    });
  };
  const last = new Map<string, string | undefined>();
  const reportTexts = (): void => {
    for (const t of o.texts) {
      const text = configText(maps, t.configMap, t.key);
      if (last.has(t.configMap) && last.get(t.configMap) === text) continue;
      last.set(t.configMap, text);
      o.onText(t.configMap, text);
    }
  };
  for (const c of [services, slices, nodes]) c?.onChange(refresh);
  maps.onChange(reportTexts);
  const all = [services, slices, maps, ...(nodes ? [nodes] : [])];
  return {
    resolver,
    async synced() {
      await Promise.all(all.map((c) => c.synced()));
      reportTexts();
      virtual = virtualNodeNames(nodes);
      resolver.update(services.list().map(toWiringService), slices.list().map(toWiringSlice));
    },
    async stop() {
      if (pending) clearImmediate(pending);
      await Promise.all(all.map((c) => c.stop()));
    },
  };
}
