// The informers the evictor reads: nodes, pods, PodDisruptionBudgets, namespaces.
import type { V1Namespace, V1Node, V1Pod, V1PodDisruptionBudget } from '@kubernetes/client-node';
import { watchCollection, type KubeClients, type Logger, type WatchedCollection } from '../../kube/index.ts';

export interface Sources {
  nodes: WatchedCollection<V1Node>;
  pods: WatchedCollection<V1Pod>;
  pdbs: WatchedCollection<V1PodDisruptionBudget>;
  namespaces: WatchedCollection<V1Namespace>;
}

export function watchSources(clients: KubeClients, log: Logger): Sources {
  const { kc, core, policy } = clients;
  return {
    nodes: watchCollection(kc, '/api/v1/nodes', () => core.listNode(), { log }),
    pods: watchCollection(kc, '/api/v1/pods', () => core.listPodForAllNamespaces(), { log }),
    pdbs: watchCollection(kc, '/apis/policy/v1/poddisruptionbudgets', () => policy.listPodDisruptionBudgetForAllNamespaces(), { log }),
    namespaces: watchCollection(kc, '/api/v1/namespaces', () => core.listNamespace(), { log }),
  };
}

export async function synced(s: Sources): Promise<void> {
  await Promise.all([s.nodes.synced(), s.pods.synced(), s.pdbs.synced(), s.namespaces.synced()]);
}

export async function stopSources(s: Sources): Promise<void> {
  await Promise.all([s.nodes.stop(), s.pods.stop(), s.pdbs.stop(), s.namespaces.stop()]);
}
