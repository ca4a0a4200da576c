// The EdgeLocation controller: watches EdgeLocations and their EdgeNodeConfigurations and reconciles
// each location in a keyed queue (one pass per location at a time).
import type { KubernetesListObject, KubernetesObject } from '@kubernetes/client-node';
import {
  makeEventRecorder,
  watchCollection,
  type KubeClients,
  type WatchedCollection,
} from '../../kube/index.ts';
import { COMPONENT, GROUP, LOCATION_LABEL, NODE_CONFIG_PLURAL, PLURAL, VERSION } from './constants.ts';
import { DEFAULT_OPTIONS, scrub, type Ctx, type EdgeLocationControllerDeps } from './context.ts';
import { KeyedQueue } from './queue.ts';
import { reconcile } from './reconcile.ts';
import { ensureNamespace } from './secrets.ts';
import { ensureTunnelPki } from './tunnel-identity.ts';

const STOP_WAIT_MS = 30_000;

export interface EdgeLocationController {
  stop(): Promise<void>;
  /** Resolves when no reconcile pass is running (tests). */
  idle(): Promise<void>;
}

function customList(clients: KubeClients, plural: string) {
  return async (): Promise<KubernetesListObject<KubernetesObject>> =>
    (await clients.custom.listClusterCustomObject({
      group: GROUP,
      version: VERSION,
      plural,
    })) as KubernetesListObject<KubernetesObject>;
}

function makeCtx(deps: EdgeLocationControllerDeps): Ctx {
  return {
    ...deps,
    options: { ...DEFAULT_OPTIONS, ...deps.options },
    events: makeEventRecorder(deps.clients.core, COMPONENT, deps.clock),
    announced: new Map(),
    removed: new Set(),
    failedAt: new Map(),
    spokesApplied: new Map(),
  };
}

function makeQueue(ctx: Ctx): KeyedQueue {
  return new KeyedQueue({
    clock: ctx.clock,
    retryDelayMs: ctx.options.retryDelayMs,
    maxRetryDelayMs: ctx.options.maxRetryDelayMs,
    async work(name) {
      const out = await reconcile(ctx, name);
      return out.backoff ? 'backoff' : out.requeueAfterMs;
    },
    onError(name, err) {
      ctx.log.warn({ edgeLocation: name, err: scrub(String(err)) }, 'reconcile failed; will retry');
    },
  });
}

export function startEdgeLocationController(deps: EdgeLocationControllerDeps): EdgeLocationController {
  const ctx = makeCtx(deps);
  const queue = makeQueue(ctx);
  const kc = deps.clients.kc;
  const watches: WatchedCollection<KubernetesObject>[] = [];
  let stopped = false;
  const start = async () => {
    await ensureNamespace(deps.clients.core).catch((err: unknown) =>
      ctx.log.warn({ err: String(err) }, 'could not create the namespace'),
    );
    if (stopped) return;
    // The hub pod mounts omni-hub-tls: it must exist before any edge location does.
    await ensureTunnelPki(ctx).catch((err: unknown) =>
      ctx.log.warn({ err: String(err) }, 'could not make the tunnel CA and hub certificate'),
    );
    if (stopped) return;
    const locations = watchCollection(
      kc,
      `/apis/${GROUP}/${VERSION}/${PLURAL}`,
      customList(deps.clients, PLURAL),
      { log: ctx.log },
    );
    locations.onChange((o) => queue.add(o.metadata?.name ?? ''));
    const configs = watchCollection(
      kc,
      `/apis/${GROUP}/${VERSION}/${NODE_CONFIG_PLURAL}`,
      customList(deps.clients, NODE_CONFIG_PLURAL),
      { log: ctx.log },
    );
    configs.onChange((o) => {
      const owner = o.metadata?.labels?.[LOCATION_LABEL];
      if (owner) queue.add(owner);
    });
    watches.push(locations, configs);
  };
  const started = start();
  const resync = setInterval(() => {
    for (const o of watches[0]?.list() ?? []) queue.add(o.metadata?.name ?? '');
  }, ctx.options.resyncMs);
  resync.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(resync);
      queue.stop();
      await started;
      // A pass still running could otherwise make an edge cluster after the caller has torn them down;
      // one stuck in a call that never returns is not waited for past STOP_WAIT_MS.
      await Promise.race([queue.idle(), new Promise((r) => setTimeout(r, STOP_WAIT_MS).unref())]);
      await Promise.all(watches.map((w) => w.stop()));
    },
    idle: () => queue.idle(),
  };
}
