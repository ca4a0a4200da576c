import type { JsonObject } from '../util/json.ts';
import { badRequest } from '../util/errors.ts';
import { resourceKey, type ResourceType } from '../registry/resource-type.ts';
import type { StoredEvent } from '../store/store.ts';
import type { ClusterApi } from './cluster-api.ts';
import { compileMatcher, type ObjectMatcher } from './matcher.ts';
import type { WatchEvent, WatchOptions } from './types.ts';

export type WatchSink = (ev: WatchEvent) => void;

/** Turns a store event into what a filtered watcher sees (a label change can be an ADDED or DELETED). */
function translate(ev: StoredEvent, matches: ObjectMatcher): WatchEvent | undefined {
  if (ev.type === 'ADDED') return matches(ev.object) ? { type: 'ADDED', object: ev.object } : undefined;
  if (ev.type === 'DELETED')
    return ev.prev && matches(ev.prev) ? { type: 'DELETED', object: ev.object } : undefined;
  return translateModified(ev, matches);
}

/** A change that moves the object into or out of the filter is an ADDED or DELETED for the watcher. */
function translateModified(ev: StoredEvent, matches: ObjectMatcher): WatchEvent | undefined {
  const was = ev.prev ? matches(ev.prev) : false;
  const is = matches(ev.object);
  if (was && is) return { type: 'MODIFIED', object: ev.object };
  if (!was && is) return { type: 'ADDED', object: ev.object };
  if (was && !is) return { type: 'DELETED', object: ev.object };
  return undefined;
}

function parseRv(rv: string | undefined): number | undefined {
  if (rv === undefined || rv === '' || rv === '0') return undefined;
  const n = Number(rv);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`invalid resource version: ${rv}`);
  return n;
}

export interface WatchHandle {
  stop(): void;
  /** A bookmark carrying the current revision. */
  bookmark(): WatchEvent;
}

/**
 * Starts a watch: replays what happened after resourceVersion (or the current state when none is
 * given), then streams. Throws 410 when the resourceVersion was compacted away.
 */
export function startWatch(
  api: ClusterApi,
  t: ResourceType,
  opts: WatchOptions,
  sink: WatchSink,
): WatchHandle {
  const matches = compileMatcher(t, opts);
  const from = parseRv(opts.resourceVersion);
  const initial: WatchEvent[] = [];
  if (from === undefined || opts.sendInitialEvents) {
    for (const obj of api.list(t, { namespace: opts.namespace }).items)
      if (matches(obj)) initial.push({ type: 'ADDED', object: obj });
  } else {
    for (const ev of api.eventsSince(t, from)) {
      const out = translate(ev, matches);
      if (out) initial.push(out);
    }
  }
  for (const ev of initial) sink(ev);
  if (opts.sendInitialEvents) sink(bookmarkEvent(t, api.store.revision, true));
  const unsubscribe = api.store.subscribe(resourceKey(t), (ev) => {
    const out = translate(ev, matches);
    if (out) sink(out);
  });
  return { stop: unsubscribe, bookmark: () => bookmarkEvent(t, api.store.revision, false) };
}

function bookmarkEvent(t: ResourceType, rev: number, initialEventsEnd: boolean): WatchEvent {
  const metadata: JsonObject = { resourceVersion: String(rev) };
  if (initialEventsEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
  return {
    type: 'BOOKMARK',
    object: { kind: t.kind, apiVersion: t.group ? `${t.group}/${t.version}` : t.version, metadata },
  };
}
