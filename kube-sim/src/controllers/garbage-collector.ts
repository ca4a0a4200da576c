import type { JsonObject } from '../util/json.ts';
import type { ClusterApi } from '../api/cluster-api.ts';
import { deleteObject } from '../api/delete.ts';
import { meta } from '../api/object-meta.ts';
import type { StoredEvent } from '../store/store.ts';
import type { ResourceType } from '../registry/resource-type.ts';

interface Ref {
  resKey: string;
  namespace?: string;
  name: string;
}

interface OwnerReference {
  uid: string;
  blockOwnerDeletion?: boolean;
}

function ownerRefs(obj: JsonObject): OwnerReference[] {
  return (meta(obj).ownerReferences as OwnerReference[] | undefined) ?? [];
}

/**
 * The garbage collector: dependents of a deleted owner are deleted (background), deleted before
 * the owner (foreground), or released (orphan), following ownerReferences as kube-controller-manager does.
 */
export class GarbageCollector {
  private readonly dependents = new Map<string, Map<string, Ref>>();
  private readonly liveUids = new Map<string, Ref>();
  private readonly queue = new Set<string>();
  private scheduled = false;
  private stopFn?: () => void;

  constructor(private readonly api: ClusterApi) {}

  start(): void {
    for (const t of this.api.registry.all()) {
      for (const obj of this.api.store.list(`${t.group}/${t.resource}`))
        this.index({ rev: 0, type: 'ADDED', resKey: `${t.group}/${t.resource}`, object: obj });
    }
    this.stopFn = this.api.store.subscribeAll((ev) => this.onEvent(ev));
  }

  stop(): void {
    this.stopFn?.();
  }

  private refKey(r: Ref): string {
    return `${r.resKey}|${r.namespace ?? ''}|${r.name}`;
  }

  private index(ev: StoredEvent): void {
    const m = meta(ev.object);
    const ref: Ref = {
      resKey: ev.resKey,
      namespace: m.namespace as string | undefined,
      name: String(m.name),
    };
    const key = this.refKey(ref);
    for (const o of ev.prev ? ownerRefs(ev.prev) : []) this.dependents.get(o.uid)?.delete(key);
    if (ev.type === 'DELETED') {
      this.liveUids.delete(String(m.uid));
      return;
    }
    this.liveUids.set(String(m.uid), ref);
    for (const o of ownerRefs(ev.object)) {
      if (!this.dependents.has(o.uid)) this.dependents.set(o.uid, new Map());
      this.dependents.get(o.uid)!.set(key, ref);
    }
  }

  private onEvent(ev: StoredEvent): void {
    this.index(ev);
    const m = meta(ev.object);
    const uid = String(m.uid);
    if (ev.type === 'DELETED' || m.deletionTimestamp) this.enqueue(uid);
    if (ev.type === 'DELETED') for (const o of ownerRefs(ev.object)) this.enqueue(o.uid);
    if (ev.type === 'ADDED' && ownerRefs(ev.object).some((o) => !this.liveUids.has(o.uid)))
      this.enqueueDependent(ev.object);
  }

  /** A dependent created after its owner vanished is collected too. */
  private enqueueDependent(obj: JsonObject): void {
    for (const o of ownerRefs(obj)) if (!this.liveUids.has(o.uid)) this.enqueue(o.uid);
  }

  private enqueue(uid: string): void {
    this.queue.add(uid);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    const uids = [...this.queue];
    this.queue.clear();
    for (const uid of uids) {
      try {
        this.process(uid);
      } catch {
        // Conflicts with concurrent writers are retried on the next event for this owner.
      }
    }
  }

  private typeOf(resKey: string): ResourceType | undefined {
    const [group, resource] = resKey.split('/');
    return this.api.registry.byGroupResource(group, resource);
  }

  private getRef(ref: Ref): JsonObject | undefined {
    return this.api.store.get(ref.resKey, ref.namespace, ref.name);
  }

  private process(uid: string): void {
    const ownerRef = this.liveUids.get(uid);
    const owner = ownerRef ? this.getRef(ownerRef) : undefined;
    const deps = [...(this.dependents.get(uid)?.values() ?? [])];
    if (!owner) return this.collectOrphans(uid, deps);
    const finalizers = (meta(owner).finalizers as string[] | undefined) ?? [];
    if (!meta(owner).deletionTimestamp) return;
    if (finalizers.includes('orphan')) this.orphan(uid, owner, deps);
    else if (finalizers.includes('foregroundDeletion')) this.foreground(uid, owner, deps);
  }

  private collectOrphans(uid: string, deps: Ref[]): void {
    for (const d of deps) {
      const obj = this.getRef(d);
      const t = this.typeOf(d.resKey);
      if (!obj || !t) continue;
      const others = ownerRefs(obj).filter((o) => o.uid !== uid && this.liveUids.has(o.uid));
      if (others.length > 0) {
        this.api.mutate(t, d, (draft) => {
          meta(draft).ownerReferences = ownerRefs(draft).filter((o) => o.uid !== uid);
        });
      } else if (!meta(obj).deletionTimestamp) {
        deleteObject(this.api, t, d, { propagationPolicy: 'Background' });
      }
    }
  }

  private removeFinalizer(owner: JsonObject, finalizer: string): void {
    const t = this.typeOfObject(owner);
    if (!t) return;
    const m = meta(owner);
    this.api.mutate(t, { namespace: m.namespace as string | undefined, name: String(m.name) }, (draft) => {
      meta(draft).finalizers = ((meta(draft).finalizers as string[] | undefined) ?? []).filter(
        (f) => f !== finalizer,
      );
    });
  }

  private typeOfObject(obj: JsonObject): ResourceType | undefined {
    const ref = this.liveUids.get(String(meta(obj).uid));
    return ref ? this.typeOf(ref.resKey) : undefined;
  }

  private orphan(uid: string, owner: JsonObject, deps: Ref[]): void {
    for (const d of deps) {
      const t = this.typeOf(d.resKey);
      if (!t || !this.getRef(d)) continue;
      this.api.mutate(t, d, (draft) => {
        const rest = ownerRefs(draft).filter((o) => o.uid !== uid);
        if (rest.length) meta(draft).ownerReferences = rest;
        else delete meta(draft).ownerReferences;
      });
    }
    this.removeFinalizer(owner, 'orphan');
  }

  private foreground(_uid: string, owner: JsonObject, deps: Ref[]): void {
    let blocking = 0;
    for (const d of deps) {
      const obj = this.getRef(d);
      const t = this.typeOf(d.resKey);
      if (!obj || !t) continue;
      blocking++;
      if (!meta(obj).deletionTimestamp) deleteObject(this.api, t, d, { propagationPolicy: 'Foreground' });
    }
    if (blocking === 0) this.removeFinalizer(owner, 'foregroundDeletion');
  }
}
