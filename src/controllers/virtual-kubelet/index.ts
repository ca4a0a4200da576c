import type { V1Pod } from '@kubernetes/client-node';
import {
  makeEventRecorder,
  makeLogger,
  systemClock,
  type Clock,
  type KubeClients,
  type Logger,
} from '../../kube/index.ts';
import { MANAGER } from './constants.ts';
import type { VkContext } from './context.ts';
import { startEdge, type EdgeHooks, type EdgeRuntime } from './edge.ts';
import { edgeLogProvider, type PodLogProvider } from './logs.ts';
import { mainCollections, startMainCaches } from './main-caches.ts';
import { NodeMirror } from './node-mirror.ts';
import { PodOffloader, podKey } from './pod-offloader.ts';
import { ConfigReflector } from './reflectors/config-reflector.ts';
import { EventReflector } from './reflectors/event-reflector.ts';
import { ServiceReflector, type GatewayAddresses } from './reflectors/service-reflector.ts';
import { DEFAULT_OPTIONS, type EdgeSpec, type VirtualKubeletOptions } from './types.ts';

export type { EdgeSpec, VirtualKubeletOptions, AddressMapper } from './types.ts';
export type { PodLogProvider } from './logs.ts';
export type { GatewayAddresses } from './reflectors/service-reflector.ts';
export { LABELS, VIRTUAL_NODE_TAINT } from './constants.ts';

export interface VirtualKubeletDeps {
  main: KubeClients;
  /** Edges known at start: a list, or a map from EdgeLocation name to its clients, cloud and region. */
  edges?: EdgeSpec[] | Map<string, Omit<EdgeSpec, 'name'>>;
  clock?: Clock;
  log?: Logger;
  options?: Partial<VirtualKubeletOptions>;
  /** The tunnel's gateway addresses; without them Services and EndpointSlices are not reflected. */
  gateways?: GatewayAddresses;
}

export interface VirtualKubeletStats {
  edges: number;
  podsCreated: number;
  objectsReflected: number;
  eventsReflected: number;
  serviceWrites: number;
  queued: { nodes: number; pods: number; reflect: number; events: number };
}

export interface VirtualKubelet {
  /** Starts serving an edge cluster (the edge-location controller calls it once the edge is Ready). Replaces an edge of the same name. */
  addEdge(edge: EdgeSpec): Promise<void>;
  /** Stops serving an edge; with `deleteNodes` its virtual nodes are deleted too (offboarding). */
  removeEdge(name: string, opts?: { deleteNodes?: boolean }): Promise<void>;
  /** For the main API server's `pods/log`: edge logs for offloaded pods, `fallback` for the rest. */
  logProvider(fallback?: PodLogProvider): PodLogProvider;
  /** Re-plans the Service wiring now (e.g. a gateway's address changed) instead of at the next resync. */
  servicesChanged(): void;
  /** Resolves once main is listed and every edge known so far is listed and adopted. */
  ready(): Promise<void>;
  /** Resolves when no work is queued (tests and benches). */
  idle(): Promise<void>;
  stats(): VirtualKubeletStats;
  stop(): Promise<void>;
}

function edgeList(edges: VirtualKubeletDeps['edges']): EdgeSpec[] {
  if (!edges) return [];
  if (Array.isArray(edges)) return edges;
  return [...edges].map(([name, e]) => ({ ...e, name }));
}

/** One virtual kubelet for all edge nodes of all edge locations, in this process. */
export function startVirtualKubelet(deps: VirtualKubeletDeps): VirtualKubelet {
  const opts: VirtualKubeletOptions = { ...DEFAULT_OPTIONS, ...deps.options };
  const clock = deps.clock ?? systemClock;
  const log = deps.log ?? makeLogger('virtual-kubelet');
  const caches = startMainCaches(deps.main, log, opts.reflectServices);
  const ctx: VkContext = {
    main: deps.main,
    caches,
    edges: new Map(),
    clock,
    log,
    opts,
    recorder: makeEventRecorder(deps.main.core, MANAGER, clock),
    state: { mainSynced: false },
  };
  const nodes = new NodeMirror(ctx);
  const reflector = new ConfigReflector(ctx);
  const pods = new PodOffloader(ctx, nodes, reflector);
  const events = new EventReflector(ctx);
  const services =
    deps.gateways && opts.reflectServices ? new ServiceReflector(ctx, deps.gateways) : undefined;
  const parts = { ctx, nodes, reflector, pods, events, services };
  wireMain(parts);
  const mainSynced = Promise.all(mainCollections(caches).map((c) => c.synced())).then(() => {
    ctx.state.mainSynced = true;
  });
  const adoptions: Promise<void>[] = [];
  const hooks = edgeHooks(parts, mainSynced, adoptions);
  const addEdge = async (spec: EdgeSpec) => {
    await ctx.edges.get(spec.name)?.stop();
    ctx.edges.set(spec.name, startEdge(spec, { clock, log, hooks }, opts));
  };
  for (const e of edgeList(deps.edges)) void addEdge(e);
  nodes.start();
  let stopped = false;
  void resyncLoop(parts, () => stopped);
  const queues = [
    nodes.queue,
    pods.queue,
    reflector.queue,
    events.queue,
    ...(services ? [services.queue] : []),
  ];
  return {
    addEdge,
    async removeEdge(name, o = {}) {
      const edge = ctx.edges.get(name);
      ctx.edges.delete(name);
      await edge?.stop();
      if (o.deleteNodes) await nodes.deleteEdgeNodes(name);
    },
    logProvider: (fallback) => edgeLogProvider(ctx, nodes, fallback),
    servicesChanged: () => services?.changed(),
    async ready() {
      await mainSynced;
      while (adoptions.length < ctx.edges.size || [...ctx.edges.values()].some((e) => !e.adopted))
        await clock.sleep(20);
      await Promise.all(adoptions);
    },
    async idle() {
      while (queues.some((q) => q.length > 0)) await Promise.all(queues.map((q) => q.idle()));
    },
    stats: () => ({
      edges: ctx.edges.size,
      podsCreated: pods.created,
      objectsReflected: reflector.reflectedCount,
      eventsReflected: events.reflectedCount,
      serviceWrites: services?.writes ?? 0,
      queued: {
        nodes: nodes.queue.length,
        pods: pods.queue.length,
        reflect: reflector.queue.length,
        events: events.queue.length,
      },
    }),
    async stop() {
      stopped = true;
      nodes.stop();
      for (const q of queues) q.stop();
      await Promise.all([...ctx.edges.values()].map((e) => e.stop()));
      await Promise.all(mainCollections(caches).map((c) => c.stop()));
    },
  };
}

interface Parts {
  ctx: VkContext;
  nodes: NodeMirror;
  reflector: ConfigReflector;
  pods: PodOffloader;
  events: EventReflector;
  services?: ServiceReflector;
}

function hasRemote(ctx: VkContext, key: string): boolean {
  for (const e of ctx.edges.values()) if (e.podsByOrigin.has(key)) return true;
  return false;
}

function wireMain({ ctx, nodes, reflector, pods, services }: Parts): void {
  const { caches } = ctx;
  if (services)
    for (const c of [caches.services, caches.endpointSlices, caches.nodes])
      c?.onChange(() => services.changed());
  caches.pods.onChange((p: V1Pod) => {
    const key = podKey(p);
    if (pods.onVirtualNode(p) || hasRemote(ctx, key)) pods.enqueue(key);
  });
  caches.nodes.onChange((n) => {
    for (const e of ctx.edges.values())
      if (e.nodes.get(n.metadata?.name ?? '')) nodes.enqueue(e.spec.name, n.metadata?.name ?? '');
  });
  caches.configMaps.onChange((cm) =>
    reflector.mainChanged('ConfigMap', cm.metadata?.namespace ?? '', cm.metadata?.name ?? ''),
  );
  caches.secrets.onChange((s) =>
    reflector.mainChanged('Secret', s.metadata?.namespace ?? '', s.metadata?.name ?? ''),
  );
}

function podsOfEdge(ctx: VkContext, edge: EdgeRuntime): string[] {
  const keys = new Set(edge.podsByOrigin.keys());
  for (const p of ctx.caches.pods.list())
    if (p.spec?.nodeName && edge.nodes.get(p.spec.nodeName)) keys.add(podKey(p));
  return [...keys];
}

function edgeHooks(parts: Parts, mainSynced: Promise<void>, adoptions: Promise<void>[]): EdgeHooks {
  const { ctx, nodes, reflector, pods, events, services } = parts;
  return {
    onNode: (edge, n) => nodes.enqueue(edge.spec.name, n.metadata?.name ?? ''),
    onPod: (edge, p) => {
      const k =
        p.metadata?.labels &&
        `${p.metadata.labels['omni.cast.ai/origin-namespace']}/${p.metadata.labels['omni.cast.ai/origin-name']}`;
      if (k) pods.enqueue(k);
    },
    onReflected: (edge, o) => {
      if (o.kind === 'ConfigMap' || o.kind === 'Secret') reflector.remoteChanged(edge, o, o.kind);
      else services?.changed();
    },
    onEvent: (edge, ev) => events.onEdgeEvent(edge, ev),
    onReachability: (edge) => {
      nodes.enqueueEdge(edge);
      services?.changed();
      for (const k of podsOfEdge(ctx, edge)) pods.enqueue(k);
    },
    onSynced: (edge) => {
      nodes.enqueueEdge(edge);
      services?.changed();
      adoptions.push(adopt(parts, edge, mainSynced));
    },
  };
}

/** Reconciles every pod of a newly listed edge once; only then may its unused reflected copies be pruned. */
async function adopt(
  { ctx, pods, reflector }: Parts,
  edge: EdgeRuntime,
  mainSynced: Promise<void>,
): Promise<void> {
  await mainSynced;
  const keys = podsOfEdge(ctx, edge);
  for (const k of keys) pods.enqueue(k);
  await pods.queue.idle();
  edge.adopted = true;
  ctx.log.info({ edge: edge.spec.name, pods: keys.length }, 'edge adopted');
  reflector.resync();
}

async function resyncLoop({ ctx, pods, reflector, services }: Parts, stopped: () => boolean): Promise<void> {
  while (!stopped()) {
    await ctx.clock.sleep(ctx.opts.resyncSeconds * 1000);
    if (stopped()) return;
    pods.resync();
    reflector.resync();
    services?.changed();
  }
}
