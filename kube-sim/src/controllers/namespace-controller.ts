import type { ClusterApi } from '../api/cluster-api.ts';
import { deleteObject } from '../api/delete.ts';
import { meta } from '../api/object-meta.ts';
import { finalizeNamespace } from '../api/subresources.ts';
import type { Clock } from '../util/clock.ts';

/**
 * Namespace lifecycle: every namespace gets a `default` ServiceAccount; a terminating namespace
 * has its content deleted and is finalized once it is empty.
 */
export class NamespaceController {
  private readonly terminating = new Set<string>();
  private stops: (() => void)[] = [];
  private scheduled = false;

  constructor(
    private readonly api: ClusterApi,
    private readonly clock: Clock,
  ) {}

  start(): void {
    for (const ns of this.api.store.list('/namespaces')) this.observe(String(meta(ns).name), Boolean(meta(ns).deletionTimestamp));
    this.stops.push(
      this.api.store.subscribe('/namespaces', (ev) => {
        if (ev.type !== 'DELETED') this.observe(String(meta(ev.object).name), Boolean(meta(ev.object).deletionTimestamp));
      }),
      this.api.store.subscribeAll((ev) => {
        const ns = meta(ev.object).namespace as string | undefined;
        if (ev.type === 'DELETED' && ns && this.terminating.has(ns)) this.schedule();
      }),
      this.clock.setInterval(() => this.terminating.size && this.schedule(), 1000),
    );
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
  }

  private observe(name: string, deleting: boolean): void {
    if (deleting) {
      this.terminating.add(name);
      this.schedule();
    } else this.ensureServiceAccount(name);
  }

  private ensureServiceAccount(ns: string): void {
    if (this.api.store.get('/serviceaccounts', ns, 'default')) return;
    setImmediate(() => {
      try {
        const t = this.api.resolve('', 'v1', 'serviceaccounts');
        if (!this.api.tryGet(t, ns, 'default')) this.api.create(t, ns, { metadata: { name: 'default' } });
      } catch {
        // The namespace went away meanwhile.
      }
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      for (const ns of [...this.terminating]) this.sweep(ns);
    });
  }

  private sweep(ns: string): void {
    if (!this.api.store.get('/namespaces', undefined, ns)) {
      this.terminating.delete(ns);
      return;
    }
    let remaining = 0;
    for (const t of this.api.registry.all()) {
      if (!t.namespaced || !t.verbs.includes('delete')) continue;
      for (const obj of this.api.store.list(`${t.group}/${t.resource}`, ns)) {
        remaining++;
        if (meta(obj).deletionTimestamp) continue;
        try {
          deleteObject(this.api, t, { namespace: ns, name: String(meta(obj).name) }, { propagationPolicy: 'Background' });
        } catch {
          // Retried on the next sweep.
        }
      }
    }
    if (remaining === 0) {
      finalizeNamespace(this.api, ns, { spec: { finalizers: [] } });
      this.terminating.delete(ns);
    }
  }
}
