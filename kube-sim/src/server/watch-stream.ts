import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClusterApi } from '../api/cluster-api.ts';
import type { WatchEvent, WatchOptions } from '../api/types.ts';
import { startWatch } from '../api/watch.ts';
import type { ResourceType } from '../registry/resource-type.ts';
import { ApiError } from '../util/errors.ts';
import { partialMetadata, toTable, type IncludeObject } from './table.ts';
import type { AcceptInfo } from './negotiation.ts';

/** A watcher further behind than this is dropped; its client re-watches, as kine does to slow subscribers. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const BOOKMARK_INTERVAL_MS = 30_000;

export interface WatchRequest {
  api: ClusterApi;
  type: ResourceType;
  options: WatchOptions;
  accept: AcceptInfo;
  includeObject: IncludeObject;
  timeoutSeconds?: number;
  /** Every open watch registers its closer here, so the server can end them all. */
  registry: Set<() => void>;
}

function encode(w: WatchRequest, ev: WatchEvent): string {
  let object = ev.object;
  if (ev.type !== 'ERROR' && ev.type !== 'BOOKMARK') {
    if (w.accept.table) object = toTable(w.api, w.type, [ev.object], { includeObject: w.includeObject });
    else if (w.accept.partialMetadata) object = partialMetadata(ev.object);
  }
  return `${JSON.stringify({ type: ev.type, object })}\n`;
}

/** Streams watch events as newline-delimited JSON until the client goes or the timeout ends it. */
export function serveWatch(req: IncomingMessage, res: ServerResponse, w: WatchRequest): void {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache, private',
  });
  res.flushHeaders();
  res.socket?.setNoDelay(true);
  let closed = false;
  const timers: NodeJS.Timeout[] = [];
  let handle: { stop(): void; bookmark(): WatchEvent } | undefined;
  const close = (): void => {
    if (closed) return;
    closed = true;
    w.registry.delete(close);
    handle?.stop();
    for (const t of timers) clearTimeout(t);
    res.end();
  };
  const write = (ev: WatchEvent): void => {
    if (closed) return;
    res.write(encode(w, ev));
    if (res.writableLength > MAX_BUFFERED_BYTES) close();
  };
  res.on('close', close);
  w.registry.add(close);
  try {
    handle = startWatch(w.api, w.type, w.options, write);
  } catch (err) {
    const status =
      err instanceof ApiError ? err.toStatus() : { kind: 'Status', code: 500, message: String(err) };
    res.write(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
    close();
    return;
  }
  if (w.options.allowWatchBookmarks) {
    const t = setInterval(() => handle && write(handle.bookmark()), BOOKMARK_INTERVAL_MS);
    t.unref();
    timers.push(t);
  }
  const timeoutMs = (w.timeoutSeconds ?? 1800 + Math.floor(Math.random() * 1800)) * 1000;
  const t = setTimeout(close, timeoutMs);
  t.unref();
  timers.push(t);
  void req;
}
