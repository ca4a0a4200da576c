import type { JsonObject } from '../../util/json.ts';
import type { SimController } from '../../cluster.ts';
import type { ResourceType } from '../../registry/resource-type.ts';
import type { StoredEvent } from '../../store/store.ts';
import { deleteObject } from '../../api/delete.ts';
import { rfc3339 } from '../../util/clock.ts';
import type { ControllerContext } from '../shared/context.ts';
import { WorkQueue } from '../shared/queue.ts';
import {
  keyOf,
  labelsOf,
  metaOf,
  nameOf,
  namespaceOf,
  ownerReference,
  splitKey,
  type Labels,
} from '../shared/pods.ts';
import {
  endpointSubsets,
  podEndpoints,
  resolvePorts,
  selectorOf,
  selects,
  sliceEndpoints,
} from './endpoint-model.ts';

const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
const SERVICE_NAME = 'kubernetes.io/service-name';
const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';

/** Endpoints and EndpointSlices for Services with selectors: ready pods as addresses, the rest not ready. */
export class EndpointsController implements SimController {
  private readonly queue: WorkQueue;
  private readonly selectors = new Map<string, Map<string, Labels>>();
  private readonly epType: ResourceType;
  private readonly sliceType: ResourceType;
  private stops: (() => void)[] = [];

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (k) => this.sync(k));
    this.epType = ctx.api.resolve('', 'v1', 'endpoints');
    this.sliceType = ctx.api.resolve('discovery.k8s.io', 'v1', 'endpointslices');
  }

  start(): void {
    const store = this.ctx.api.store;
    for (const svc of store.list('/services'))
      this.onService({ rev: 0, type: 'ADDED', resKey: '/services', object: svc });
    this.stops.push(
      store.subscribe('/services', (ev) => this.onService(ev)),
      store.subscribe('/pods', (ev) => this.onPod(ev)),
    );
  }

  stop(): void {
    for (const s of this.stops) s();
    this.stops = [];
    this.queue.stop();
  }

  private onService(ev: StoredEvent): void {
    const ns = namespaceOf(ev.object);
    const byName = this.selectors.get(ns) ?? new Map<string, Labels>();
    this.selectors.set(ns, byName);
    const selector = ev.type === 'DELETED' ? undefined : selectorOf(ev.object);
    if (selector) byName.set(nameOf(ev.object), selector);
    else byName.delete(nameOf(ev.object));
    this.queue.add(keyOf(ev.object));
  }

  private onPod(ev: StoredEvent): void {
    const ns = namespaceOf(ev.object);
    const byName = this.selectors.get(ns);
    if (!byName) return;
    for (const [name, selector] of byName) {
      if (selects(selector, ev.object) || (ev.prev && selects(selector, ev.prev)))
        this.queue.add(`${ns}/${name}`);
    }
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.ctx.api.store.get('/services', namespace, name);
    if (!svc || !selectorOf(svc)) return this.dropEndpoints(namespace!, name, svc);
    const eps = podEndpoints(svc, this.ctx.pods.inNamespace(namespace!));
    this.writeEndpoints(svc, endpointSubsets(eps));
    this.writeSlice(svc, eps);
  }

  private dropEndpoints(namespace: string, name: string, svc: JsonObject | undefined): void {
    const ep = this.ctx.api.tryGet(this.epType, namespace, name);
    if (!ep || svc) return;
    deleteObject(this.ctx.api, this.epType, { namespace, name });
  }

  private writeEndpoints(svc: JsonObject, subsets: JsonObject[]): void {
    const ns = namespaceOf(svc);
    const name = nameOf(svc);
    const existing = this.ctx.api.tryGet(this.epType, ns, name);
    const labels = { ...labelsOf(svc), [MANAGED_BY]: 'endpoint-controller' };
    if (!existing) {
      const body: JsonObject = {
        metadata: { name, labels, annotations: { [TRIGGER]: rfc3339(this.ctx.clock.now()) } },
      };
      if (subsets.length) body.subsets = subsets;
      this.ctx.api.create(this.epType, ns, body);
      return;
    }
    this.ctx.api.mutate(this.epType, { namespace: ns, name }, (draft) => {
      if (subsets.length) draft.subsets = subsets;
      else delete draft.subsets;
      metaOf(draft).labels = labels;
    });
  }

  private zoneOf(node: string): string | undefined {
    const n = this.ctx.api.store.get('/nodes', undefined, node);
    return n ? labelsOf(n)['topology.kubernetes.io/zone'] : undefined;
  }

  private writeSlice(svc: JsonObject, eps: ReturnType<typeof podEndpoints>): void {
    const ns = namespaceOf(svc);
    const ports = eps.find((e) => e.ports.length)?.ports ?? resolvePorts(svc, { metadata: {}, spec: {} });
    const body = { addressType: 'IPv4', endpoints: sliceEndpoints(eps, (n) => this.zoneOf(n)), ports };
    const existing = this.ctx.api.list(this.sliceType, {
      namespace: ns,
      labelSelector: `${SERVICE_NAME}=${nameOf(svc)},${MANAGED_BY}=${SLICE_CONTROLLER}`,
    }).items[0];
    if (existing) {
      this.ctx.api.mutate(this.sliceType, { namespace: ns, name: nameOf(existing) }, (draft) =>
        Object.assign(draft, body),
      );
      return;
    }
    this.ctx.api.create(this.sliceType, ns, {
      metadata: {
        generateName: `${nameOf(svc)}-`,
        labels: { ...labelsOf(svc), [SERVICE_NAME]: nameOf(svc), [MANAGED_BY]: SLICE_CONTROLLER },
        ownerReferences: [ownerReference(svc)],
      },
      ...body,
    });
  }
}
