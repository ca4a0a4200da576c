import type { JsonObject } from '../../util/json.ts';
import type { SimController } from '../../cluster.ts';
import type { ResourceType } from '../../registry/resource-type.ts';
import type { StoredEvent } from '../../store/store.ts';
import type { ControllerContext } from './context.ts';
import { WorkQueue } from './queue.ts';
import { controllerRef, isDeleting, keyOf, namespaceOf, splitKey } from './pods.ts';

export interface WorkloadKind {
  group: string;
  version: string;
  resource: string;
  kind: string;
  /** Also wake the owner when one of its dependents of this resource changes (default: pods only). */
  dependents?: string[];
}

/**
 * The skeleton of a kube-controller-manager loop: a work queue of owner keys, fed by changes of the
 * owner and of the pods (or other dependents) it controls; `reconcile` runs outside store callbacks.
 */
export abstract class WorkloadController implements SimController {
  protected readonly queue: WorkQueue;
  protected readonly type: ResourceType;
  protected readonly podType: ResourceType;
  private readonly resKey: string;
  private stops: (() => void)[] = [];

  constructor(
    protected readonly ctx: ControllerContext,
    protected readonly kind: WorkloadKind,
  ) {
    this.type = ctx.api.resolve(kind.group, kind.version, kind.resource);
    this.podType = ctx.api.resolve('', 'v1', 'pods');
    this.resKey = `${kind.group}/${kind.resource}`;
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
  }

  start(): void {
    const store = this.ctx.api.store;
    for (const obj of store.list(this.resKey)) this.queue.add(keyOf(obj));
    this.stops.push(store.subscribe(this.resKey, (ev) => this.queue.add(keyOf(ev.object))));
    for (const dep of this.kind.dependents ?? ['/pods'])
      this.stops.push(store.subscribe(dep, (ev) => this.onDependent(ev)));
    this.stops.push(...this.extraSubscriptions());
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
    this.queue.stop();
  }

  protected extraSubscriptions(): (() => void)[] {
    return [];
  }

  private onDependent(ev: StoredEvent): void {
    for (const obj of ev.prev ? [ev.object, ev.prev] : [ev.object]) {
      const ref = controllerRef(obj);
      if (ref && ref.kind === this.kind.kind) this.queue.add(`${namespaceOf(obj)}/${ref.name}`);
    }
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const obj = this.ctx.api.store.get(this.resKey, namespace, name);
    if (!obj || isDeleting(obj)) return;
    this.reconcile(obj);
  }

  protected abstract reconcile(obj: JsonObject): void;

  /** Writes status only when it changed (the pipeline drops no-op writes). */
  protected writeStatus(obj: JsonObject, status: JsonObject): void {
    this.ctx.api.mutate(
      this.type,
      { namespace: namespaceOf(obj), name: String((obj.metadata as JsonObject).name) },
      (draft) => {
        draft.status = { ...((draft.status as JsonObject | undefined) ?? {}), ...status };
      },
      { subresource: 'status' },
    );
  }
}
