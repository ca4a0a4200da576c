import type { KubernetesListObject, KubernetesObject, V1DaemonSet, V1Node, V1Pod } from '@kubernetes/client-node';
import { watchCollection, type KubeClients, type Logger, type WatchedCollection } from '../../kube/index.ts';
import { GROUP, VERSION, type NodeClaimObject } from './claims.ts';

export interface ClusterView {
  pods: WatchedCollection<V1Pod>;
  nodes: WatchedCollection<V1Node>;
  daemonSets: WatchedCollection<V1DaemonSet>;
  claims: WatchedCollection<NodeClaimObject>;
  templates: WatchedCollection<KubernetesObject>;
  edgeLocations: WatchedCollection<KubernetesObject>;
  synced(): Promise<void>;
  stop(): Promise<void>;
}

function customList<T extends KubernetesObject>(clients: KubeClients, plural: string) {
  return async (): Promise<KubernetesListObject<T>> =>
    (await clients.custom.listClusterCustomObject({ group: GROUP, version: VERSION, plural })) as KubernetesListObject<T>;
}

/** Informer caches of everything the autoscaler reads. */
export function watchCluster(clients: KubeClients, log: Logger): ClusterView {
  const kc = clients.kc;
  const view = {
    pods: watchCollection<V1Pod>(kc, '/api/v1/pods', () => clients.core.listPodForAllNamespaces(), { log }),
    nodes: watchCollection<V1Node>(kc, '/api/v1/nodes', () => clients.core.listNode(), { log }),
    daemonSets: watchCollection<V1DaemonSet>(kc, '/apis/apps/v1/daemonsets', () => clients.apps.listDaemonSetForAllNamespaces(), { log }),
    claims: watchCollection<NodeClaimObject>(kc, `/apis/${GROUP}/${VERSION}/nodeclaims`, customList<NodeClaimObject>(clients, 'nodeclaims'), { log }),
    templates: watchCollection<KubernetesObject>(kc, `/apis/${GROUP}/${VERSION}/nodetemplates`, customList(clients, 'nodetemplates'), { log }),
    edgeLocations: watchCollection<KubernetesObject>(kc, `/apis/${GROUP}/${VERSION}/edgelocations`, customList(clients, 'edgelocations'), { log }),
  };
  const all = Object.values(view);
  return {
    ...view,
    synced: async () => {
      await Promise.all(all.map((c) => c.synced()));
    },
    stop: async () => {
      await Promise.all(all.map((c) => c.stop()));
    },
  };
}
