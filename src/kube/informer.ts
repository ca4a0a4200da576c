import {
  makeInformer,
  type KubeConfig,
  type KubernetesObject,
  type ListPromise,
} from '@kubernetes/client-node';
import type { Logger } from './logger.ts';

export type ObjectHandler<T> = (obj: T) => void;

export interface WatchedCollection<T extends KubernetesObject> {
  /** Objects currently known, from the informer's cache. */
  list(): T[];
  get(name: string, namespace?: string): T | undefined;
  /** Called on add, update and delete (deleted objects come with `deleted: true`). */
  onChange(fn: (obj: T, deleted: boolean) => void): void;
  /** Resolves once the first list has been delivered. */
  synced(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A client-node informer that restarts itself after errors with backoff (client-node stops an
 * informer on any error other than 410), so controllers survive API server restarts and glitches.
 */
export function watchCollection<T extends KubernetesObject>(
  kc: KubeConfig,
  path: string,
  listFn: ListPromise<T>,
  opts: { log: Logger; labelSelector?: string },
): WatchedCollection<T> {
  const { log } = opts;
  let resolveSynced!: () => void;
  const syncedP = new Promise<void>((r) => (resolveSynced = r));
  // Synced means the first list is in the cache: client-node emits 'connect' before listing and its
  // start() resolves even when the list failed, so neither of those can tell.
  const listed: ListPromise<T> = async () => {
    const list = await listFn();
    setImmediate(resolveSynced);
    return list;
  };
  const informer = makeInformer<T>(kc, path, listed, opts.labelSelector);
  const handlers: ((obj: T, deleted: boolean) => void)[] = [];
  let stopped = false;
  let backoff = 200;
  const emit = (obj: T, deleted: boolean) => {
    for (const h of handlers) h(obj, deleted);
  };
  informer.on('add', (o) => emit(o, false));
  informer.on('update', (o) => emit(o, false));
  informer.on('delete', (o) => emit(o, true));
  informer.on('connect', () => {
    backoff = 200;
  });
  informer.on('error', (err: unknown) => {
    if (stopped) return;
    log.debug({ path, err: String(err) }, 'watch failed; restarting');
    const wait = backoff;
    backoff = Math.min(backoff * 2, 10_000);
    setTimeout(() => {
      if (!stopped) informer.start().catch(() => undefined);
    }, wait).unref();
  });
  informer.start().catch((err: unknown) => informer_error(err));
  function informer_error(err: unknown): void {
    log.debug({ path, err: String(err) }, 'initial list failed; retrying');
    setTimeout(() => {
      if (!stopped) informer.start().catch(informer_error);
    }, backoff).unref();
    backoff = Math.min(backoff * 2, 10_000);
  }
  return {
    list: () => [...informer.list()],
    get: (name, namespace) => informer.get(name, namespace),
    onChange: (fn) => handlers.push(fn),
    synced: () => syncedP,
    async stop() {
      stopped = true;
      await informer.stop().catch(() => undefined);
    },
  };
}
