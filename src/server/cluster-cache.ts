// Informer caches of everything the console shows, from one set of clients. No controller state.
import type { CoreV1Event, KubernetesListObject, KubernetesObject, V1Node, V1Pod } from '@kubernetes/client-node';
import { watchCollection, type KubeClients, type Logger, type WatchedCollection } from '../kube/index.ts';
import { GROUP, VERSION } from '../apis/index.ts';

/** An omni custom object as the API returns it (spec/status left loose: the views read them defensively). */
export interface OmniObject extends KubernetesObject {
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

export type CacheKind = 'nodes' | 'pods' | 'events' | 'nodeclaims' | 'edgelocations' | 'nodetemplates';

export interface ClusterCache {
  nodes: WatchedCollection<V1Node>;
  pods: WatchedCollection<V1Pod>;
  events: WatchedCollection<CoreV1Event>;
  nodeClaims: WatchedCollection<OmniObject>;
  edgeLocations: WatchedCollection<OmniObject>;
  nodeTemplates: WatchedCollection<OmniObject>;
  /** Called with the kind of every object that changes. */
  onChange(fn: (kind: CacheKind) => void): void;
  /** Resolves when every cache has listed once, or after `timeoutMs` (CRDs may not be installed). */
  synced(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

function customList(clients: KubeClients, plural: string): () => Promise<KubernetesListObject<OmniObject>> {
  return async () =>
    (await clients.custom.listClusterCustomObject({ group: GROUP, version: VERSION, plural })) as KubernetesListObject<OmniObject>;
}

export function startClusterCache(clients: KubeClients, log: Logger): ClusterCache {
  const { kc, core } = clients;
  const omniPath = (plural: string): string => `/apis/${GROUP}/${VERSION}/${plural}`;
  const collections = {
    nodes: watchCollection<V1Node>(kc, '/api/v1/nodes', () => core.listNode(), { log }),
    pods: watchCollection<V1Pod>(kc, '/api/v1/pods', () => core.listPodForAllNamespaces(), { log }),
    events: watchCollection<CoreV1Event>(kc, '/api/v1/events', () => core.listEventForAllNamespaces(), { log }),
    nodeclaims: watchCollection<OmniObject>(kc, omniPath('nodeclaims'), customList(clients, 'nodeclaims'), { log }),
    edgelocations: watchCollection<OmniObject>(kc, omniPath('edgelocations'), customList(clients, 'edgelocations'), { log }),
    nodetemplates: watchCollection<OmniObject>(kc, omniPath('nodetemplates'), customList(clients, 'nodetemplates'), { log }),
  };
  const listeners: ((kind: CacheKind) => void)[] = [];
  for (const [kind, c] of Object.entries(collections) as [CacheKind, WatchedCollection<KubernetesObject>][]) {
    c.onChange(() => listeners.forEach((fn) => fn(kind)));
  }
  const all = Object.values(collections) as WatchedCollection<KubernetesObject>[];
  return {
    nodes: collections.nodes,
    pods: collections.pods,
    events: collections.events,
    nodeClaims: collections.nodeclaims,
    edgeLocations: collections.edgelocations,
    nodeTemplates: collections.nodetemplates,
    onChange: (fn) => listeners.push(fn),
    synced: (timeoutMs) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        timer.unref();
        void Promise.all(all.map((c) => c.synced())).then(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
    stop: async () => {
      await Promise.all(all.map((c) => c.stop()));
    },
  };
}
