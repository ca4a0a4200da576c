import type { CoreV1Event, KubernetesObject, V1ConfigMap, V1EndpointSlice, V1Node, V1Pod, V1Secret, V1Service } from '@kubernetes/client-node';
import { watchCollection, type Clock, type Logger, type WatchedCollection } from '../../kube/index.ts';
import { LABELS } from './constants.ts';
import { EdgeHealth } from './health.ts';
import type { EdgeSpec, VirtualKubeletOptions } from './types.ts';

/** Everything the virtual kubelet knows about one edge cluster: its health and informer caches. */
export interface EdgeRuntime {
  spec: EdgeSpec;
  health: EdgeHealth;
  nodes: WatchedCollection<V1Node>;
  /** Offloaded pods (those carrying an origin label). */
  pods: WatchedCollection<V1Pod>;
  configMaps: WatchedCollection<V1ConfigMap>;
  secrets: WatchedCollection<V1Secret>;
  services?: WatchedCollection<V1Service>;
  endpointSlices?: WatchedCollection<V1EndpointSlice>;
  events?: WatchedCollection<CoreV1Event>;
  /** True once every cache has listed once: before that, absence proves nothing. */
  synced: boolean;
  /** Every offloaded pod of this edge has been reconciled once (only then may unused copies be pruned). */
  adopted: boolean;
  /** Remote namespaces known to exist (created on demand). */
  namespaces: Map<string, Promise<void>>;
  /** Offloaded pods by their origin `namespace/name`. */
  podsByOrigin: Map<string, V1Pod>;
  stop(): Promise<void>;
}

export interface EdgeHooks {
  onNode(edge: EdgeRuntime, node: V1Node): void;
  onPod(edge: EdgeRuntime, pod: V1Pod, deleted: boolean): void;
  onReflected(edge: EdgeRuntime, obj: KubernetesObject): void;
  onEvent(edge: EdgeRuntime, ev: CoreV1Event): void;
  onReachability(edge: EdgeRuntime, reachable: boolean): void;
  onSynced(edge: EdgeRuntime): void;
}

export function originKey(pod: V1Pod): string | undefined {
  const l = pod.metadata?.labels ?? {};
  const ns = l[LABELS.originNamespace];
  const name = l[LABELS.originName];
  return ns && name ? `${ns}/${name}` : undefined;
}

const REFLECTED = `${LABELS.reflected}`;

function informers(spec: EdgeSpec, log: Logger, opts: VirtualKubeletOptions) {
  const { kc, core, discovery } = spec.clients;
  const labelSelector = REFLECTED;
  return {
    nodes: watchCollection<V1Node>(kc, '/api/v1/nodes', () => core.listNode(), { log }),
    pods: watchCollection<V1Pod>(kc, '/api/v1/pods', () => core.listPodForAllNamespaces({ labelSelector: LABELS.originUid }), { log, labelSelector: LABELS.originUid }),
    configMaps: watchCollection<V1ConfigMap>(kc, '/api/v1/configmaps', () => core.listConfigMapForAllNamespaces({ labelSelector }), { log, labelSelector }),
    secrets: watchCollection<V1Secret>(kc, '/api/v1/secrets', () => core.listSecretForAllNamespaces({ labelSelector }), { log, labelSelector }),
    services: opts.reflectServices ? watchCollection<V1Service>(kc, '/api/v1/services', () => core.listServiceForAllNamespaces({ labelSelector }), { log, labelSelector }) : undefined,
    endpointSlices: opts.reflectServices
      ? watchCollection<V1EndpointSlice>(kc, '/apis/discovery.k8s.io/v1/endpointslices', () => discovery.listEndpointSliceForAllNamespaces({ labelSelector }), { log, labelSelector })
      : undefined,
    events: opts.reflectEvents ? watchCollection<CoreV1Event>(kc, '/api/v1/events', () => core.listEventForAllNamespaces(), { log }) : undefined,
  };
}

/** Starts the informers and the health probe of one edge cluster. */
export function startEdge(spec: EdgeSpec, deps: { clock: Clock; log: Logger; hooks: EdgeHooks }, opts: VirtualKubeletOptions): EdgeRuntime {
  const log = deps.log.child({ edge: spec.name });
  const inf = informers(spec, log, opts);
  const edge: EdgeRuntime = {
    spec,
    ...inf,
    health: new EdgeHealth(spec.name, spec.clients, { clock: deps.clock, log, onChange: (r) => deps.hooks.onReachability(edge, r) }, {
      graceMs: opts.graceSeconds * 1000,
      probeMs: opts.probeSeconds * 1000,
      timeoutMs: opts.requestTimeoutMs,
    }),
    synced: false,
    adopted: false,
    namespaces: new Map(),
    podsByOrigin: new Map(),
    async stop() {
      edge.health.stop();
      await Promise.all(allCollections(edge).map((c) => c.stop()));
    },
  };
  wire(edge, deps.hooks);
  edge.health.start();
  void Promise.all(allCollections(edge).map((c) => c.synced())).then(() => {
    edge.synced = true;
    log.info({ nodes: edge.nodes.list().length, pods: edge.pods.list().length }, 'edge cluster caches synced');
    deps.hooks.onSynced(edge);
  });
  return edge;
}

function allCollections(edge: EdgeRuntime): WatchedCollection<KubernetesObject>[] {
  const all: (WatchedCollection<KubernetesObject> | undefined)[] = [edge.nodes, edge.pods, edge.configMaps, edge.secrets, edge.services, edge.endpointSlices, edge.events];
  return all.filter((c): c is WatchedCollection<KubernetesObject> => c !== undefined);
}

function wire(edge: EdgeRuntime, hooks: EdgeHooks): void {
  const alive = () => edge.health.ok();
  edge.nodes.onChange((n) => {
    alive();
    hooks.onNode(edge, n);
  });
  edge.pods.onChange((p, deleted) => {
    alive();
    indexPod(edge, p, deleted);
    hooks.onPod(edge, p, deleted);
  });
  for (const c of [edge.configMaps, edge.secrets, edge.services, edge.endpointSlices]) {
    c?.onChange((o) => {
      alive();
      hooks.onReflected(edge, o);
    });
  }
  edge.events?.onChange((e, deleted) => {
    alive();
    if (!deleted) hooks.onEvent(edge, e);
  });
}

function indexPod(edge: EdgeRuntime, pod: V1Pod, deleted: boolean): void {
  const key = originKey(pod);
  if (!key) return;
  const current = edge.podsByOrigin.get(key);
  if (deleted) {
    if (current?.metadata?.uid === pod.metadata?.uid) edge.podsByOrigin.delete(key);
    return;
  }
  edge.podsByOrigin.set(key, pod);
}
