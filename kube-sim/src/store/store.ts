import type { JsonObject } from '../util/json.ts';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoredEvent {
  rev: number;
  type: EventType;
  resKey: string;
  object: JsonObject;
  /** The object before this change (MODIFIED and DELETED). */
  prev?: JsonObject;
}

export type Subscriber = (ev: StoredEvent) => void;

export interface StoreOptions {
  /** How many events the log keeps for watches that resume from an old resourceVersion. */
  historySize?: number;
}

function itemKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/**
 * An in-memory, etcd-like store: one revision counter per cluster, objects per resource, and an
 * append-only event log with a compaction point. Stored objects are never mutated after put,
 * so the log can share them.
 */
export class Store {
  private rev = 1;
  private compacted = 0;
  private readonly buckets = new Map<string, Map<string, JsonObject>>();
  private log: StoredEvent[] = [];
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly allSubscribers = new Set<Subscriber>();
  private readonly historySize: number;

  constructor(opts: StoreOptions = {}) {
    this.historySize = opts.historySize ?? 50_000;
  }

  get revision(): number {
    return this.rev;
  }

  /** Events at or below this revision are gone; watches from older revisions get 410. */
  get compactedRevision(): number {
    return this.compacted;
  }

  private bucket(resKey: string): Map<string, JsonObject> {
    let b = this.buckets.get(resKey);
    if (!b) {
      b = new Map();
      this.buckets.set(resKey, b);
    }
    return b;
  }

  get(resKey: string, namespace: string | undefined, name: string): JsonObject | undefined {
    return this.buckets.get(resKey)?.get(itemKey(namespace, name));
  }

  /** Objects of a resource, sorted by namespace/name, optionally in one namespace. */
  list(resKey: string, namespace?: string): JsonObject[] {
    const b = this.buckets.get(resKey);
    if (!b) return [];
    const keys = [...b.keys()].sort();
    const prefix = namespace ? `${namespace}/` : undefined;
    const out: JsonObject[] = [];
    for (const k of keys) if (!prefix || k.startsWith(prefix)) out.push(b.get(k)!);
    return out;
  }

  count(resKey: string): number {
    return this.buckets.get(resKey)?.size ?? 0;
  }

  /** Assigns the next revision, stores the object and emits ADDED or MODIFIED. */
  put(resKey: string, obj: JsonObject): JsonObject {
    const meta = obj.metadata as JsonObject;
    const key = itemKey(meta.namespace as string | undefined, meta.name as string);
    const b = this.bucket(resKey);
    const prev = b.get(key);
    const rev = ++this.rev;
    const stored = { ...obj, metadata: { ...meta, resourceVersion: String(rev) } };
    b.set(key, stored);
    this.emit({ rev, type: prev ? 'MODIFIED' : 'ADDED', resKey, object: stored, prev });
    return stored;
  }

  /** Removes the object and emits DELETED carrying it with a fresh resourceVersion. */
  remove(resKey: string, obj: JsonObject): JsonObject | undefined {
    const meta = obj.metadata as JsonObject;
    const key = itemKey(meta.namespace as string | undefined, meta.name as string);
    const b = this.buckets.get(resKey);
    const prev = b?.get(key);
    if (!b || !prev) return undefined;
    b.delete(key);
    const rev = ++this.rev;
    const gone = { ...obj, metadata: { ...meta, resourceVersion: String(rev) } };
    this.emit({ rev, type: 'DELETED', resKey, object: gone, prev });
    return gone;
  }

  /** Drops every object of a resource without events (used when a CRD goes away, after deleting them). */
  dropResource(resKey: string): void {
    this.buckets.delete(resKey);
  }

  private emit(ev: StoredEvent): void {
    this.log.push(ev);
    if (this.log.length > this.historySize * 1.25) this.compactTo(this.log[this.log.length - this.historySize].rev - 1);
    const subs = this.subscribers.get(ev.resKey);
    if (subs) for (const s of [...subs]) s(ev);
    for (const s of [...this.allSubscribers]) s(ev);
  }

  /** Every event of every resource (the garbage collector and namespace controller use it). */
  subscribeAll(fn: Subscriber): () => void {
    this.allSubscribers.add(fn);
    return () => this.allSubscribers.delete(fn);
  }

  /** Forgets events up to and including `rev`. */
  compactTo(rev: number): void {
    const target = Math.min(rev, this.rev);
    if (target <= this.compacted) return;
    let i = 0;
    while (i < this.log.length && this.log[i].rev <= target) i++;
    this.log = this.log.slice(i);
    this.compacted = target;
  }

  /** Events of a resource after `rev`, or 'expired' when they were compacted away. */
  eventsSince(resKey: string, rev: number): StoredEvent[] | 'expired' {
    if (rev < this.compacted) return 'expired';
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.log[mid].rev <= rev) lo = mid + 1;
      else hi = mid;
    }
    const out: StoredEvent[] = [];
    for (let i = lo; i < this.log.length; i++) if (this.log[i].resKey === resKey) out.push(this.log[i]);
    return out;
  }

  subscribe(resKey: string, fn: Subscriber): () => void {
    let set = this.subscribers.get(resKey);
    if (!set) {
      set = new Set();
      this.subscribers.set(resKey, set);
    }
    set.add(fn);
    return () => set!.delete(fn);
  }
}
