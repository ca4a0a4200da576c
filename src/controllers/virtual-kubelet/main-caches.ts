import type { V1ConfigMap, V1EndpointSlice, V1Namespace, V1Node, V1Pod, V1Secret, V1Service } from '@kubernetes/client-node';
import { watchCollection, type KubeClients, type Logger, type WatchedCollection } from '../../kube/index.ts';
import { LABELS, VIRTUAL_NODE } from './constants.ts';

/** Informer caches over the main cluster. */
export interface MainCaches {
  pods: WatchedCollection<V1Pod>;
  /** Virtual nodes only. */
  nodes: WatchedCollection<V1Node>;
  namespaces: WatchedCollection<V1Namespace>;
  configMaps: WatchedCollection<V1ConfigMap>;
  secrets: WatchedCollection<V1Secret>;
  services?: WatchedCollection<V1Service>;
  endpointSlices?: WatchedCollection<V1EndpointSlice>;
}

export function startMainCaches(main: KubeClients, log: Logger, withServices: boolean): MainCaches {
  const { kc, core, discovery } = main;
  const vn = `${LABELS.omniType}=${VIRTUAL_NODE}`;
  return {
    pods: watchCollection<V1Pod>(kc, '/api/v1/pods', () => core.listPodForAllNamespaces(), { log }),
    nodes: watchCollection<V1Node>(kc, '/api/v1/nodes', () => core.listNode({ labelSelector: vn }), { log, labelSelector: vn }),
    namespaces: watchCollection<V1Namespace>(kc, '/api/v1/namespaces', () => core.listNamespace(), { log }),
    configMaps: watchCollection<V1ConfigMap>(kc, '/api/v1/configmaps', () => core.listConfigMapForAllNamespaces(), { log }),
    secrets: watchCollection<V1Secret>(kc, '/api/v1/secrets', () => core.listSecretForAllNamespaces(), { log }),
    services: withServices ? watchCollection<V1Service>(kc, '/api/v1/services', () => core.listServiceForAllNamespaces(), { log }) : undefined,
    endpointSlices: withServices ? watchCollection<V1EndpointSlice>(kc, '/apis/discovery.k8s.io/v1/endpointslices', () => discovery.listEndpointSliceForAllNamespaces(), { log }) : undefined,
  };
}

export function mainCollections(c: MainCaches): WatchedCollection<{ metadata?: { name?: string } }>[] {
  const all = [c.pods, c.nodes, c.namespaces, c.configMaps, c.secrets, c.services, c.endpointSlices];
  return all.filter((x): x is NonNullable<typeof x> => x !== undefined) as WatchedCollection<{ metadata?: { name?: string } }>[];
}
