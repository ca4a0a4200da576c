// Ready listeners for the two consumers of edge locations: the autoscaler's location registry
// (MutableLocationRegistry) and the virtual kubelet. Typed structurally so this file imports neither.
import { loadKubeConfig, makeClients, type KubeClients } from '../../kube/index.ts';
import type { EdgeReadyListener, ReadyEdge } from './ports.ts';

/** What `MutableLocationRegistry` offers (a ReadyEdge is a LocationTarget). */
export interface EdgeRegistry {
  setEdge(target: ReadyEdge): void;
  removeEdge(name: string): void;
}

/** What the virtual kubelet offers. */
export interface EdgeServer {
  addEdge(edge: { name: string; clients: KubeClients; cloud: string; region: string }): Promise<void>;
  removeEdge(name: string, opts?: { deleteNodes?: boolean }): Promise<void>;
}

export function registryListener(registry: EdgeRegistry): EdgeReadyListener {
  return { onReady: (edge) => registry.setEdge(edge), onRemoved: (name) => registry.removeEdge(name) };
}

/** Serves each Ready edge cluster; an offboarded location's virtual nodes are deleted. */
export function virtualKubeletListener(vk: EdgeServer, onError: (err: unknown) => void = () => undefined): EdgeReadyListener {
  return {
    onReady(edge) {
      const clients = makeClients(loadKubeConfig({ yaml: edge.kubeconfigYaml }));
      vk.addEdge({ name: edge.name, clients, cloud: edge.cloud, region: edge.region }).catch(onError);
    },
    onRemoved(name) {
      vk.removeEdge(name, { deleteNodes: true }).catch(onError);
    },
  };
}
