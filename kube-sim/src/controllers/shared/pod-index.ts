import type { JsonObject } from '../../util/json.ts';
import type { Store, StoredEvent } from '../../store/store.ts';
import { controllerRef, keyOf, namespaceOf, specOf } from './pods.ts';

type Bucket = Map<string, JsonObject>;

function put(index: Map<string, Bucket>, k: string | undefined, key: string, pod: JsonObject): void {
  if (!k) return;
  let b = index.get(k);
  if (!b) {
    b = new Map();
    index.set(k, b);
  }
  b.set(key, pod);
}

function drop(index: Map<string, Bucket>, k: string | undefined, key: string): void {
  if (!k) return;
  const b = index.get(k);
  if (!b) return;
  b.delete(key);
  if (b.size === 0) index.delete(k);
}

/**
 * The pods informer every controller shares: pods by controlling owner, by node and by namespace,
 * kept current from store events so no controller lists pods per reconcile.
 */
export class PodIndex {
  private readonly byOwner = new Map<string, Bucket>();
  private readonly byNode = new Map<string, Bucket>();
  private readonly byNamespace = new Map<string, Bucket>();
  private unsubscribe?: () => void;

  constructor(private readonly store: Store) {}

  start(): void {
    for (const pod of this.store.list('/pods')) this.add(pod);
    this.unsubscribe = this.store.subscribe('/pods', (ev) => this.onEvent(ev));
  }

  stop(): void {
    this.unsubscribe?.();
  }

  ownedBy(uid: string): JsonObject[] {
    return [...(this.byOwner.get(uid)?.values() ?? [])];
  }

  onNode(node: string): JsonObject[] {
    return [...(this.byNode.get(node)?.values() ?? [])];
  }

  inNamespace(ns: string): JsonObject[] {
    return [...(this.byNamespace.get(ns)?.values() ?? [])];
  }

  private onEvent(ev: StoredEvent): void {
    if (ev.prev) this.remove(ev.prev);
    if (ev.type !== 'DELETED') this.add(ev.object);
  }

  private add(pod: JsonObject): void {
    const key = keyOf(pod);
    put(this.byOwner, controllerRef(pod)?.uid, key, pod);
    put(this.byNode, specOf(pod).nodeName as string | undefined, key, pod);
    put(this.byNamespace, namespaceOf(pod), key, pod);
  }

  private remove(pod: JsonObject): void {
    const key = keyOf(pod);
    drop(this.byOwner, controllerRef(pod)?.uid, key);
    drop(this.byNode, specOf(pod).nodeName as string | undefined, key);
    drop(this.byNamespace, namespaceOf(pod), key);
  }
}
