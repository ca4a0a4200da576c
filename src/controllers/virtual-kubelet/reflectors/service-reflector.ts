import type { V1EndpointSlice, V1Service } from '@kubernetes/client-node';
import { isConflict, isNotFound, type KubeClients } from '../../../kube/index.ts';
import { planWiring, type PortAssignments, type WiringPlan } from '../../../tunnel/wiring.ts';
import type { EndpointSlice, Service } from '../../../tunnel/k8s-types.ts';
import { MANAGED_BY_LABEL, OMNI_MANAGER } from '../../../tunnel/k8s-types.ts';
import { LABELS } from '../constants.ts';
import { metaOf } from '../meta.ts';
import type { VkContext } from '../context.ts';
import type { EdgeRuntime } from '../edge.ts';
import { edgeCall } from '../edge-call.ts';
import { stableJson } from '../json.ts';
import { ensureRemoteNamespace } from '../namespaces.ts';
import { JSON_PATCH } from '../patch.ts';
import { WorkQueue, type HandlerResult } from '../queue.ts';
import { HUB_CONFIG, SPOKE_CONFIG, hubConfigText, spokeConfigTexts } from '../../../tunnel/gateway-config.ts';
import { toWiringService, toWiringSlice } from '../../../tunnel/k8s-convert.ts';
import { GatewayConfigWriter, listenersIn, type ConfigTarget } from './gateway-config.ts';

/** Where the tunnel's gateways listen: the hub inside main, a spoke inside each edge. */
export interface GatewayAddresses {
  hubAddress: string;
  spokeAddress(edge: string): string | undefined;
  /** Called with every new plan (the gateways take their listeners and allow-list from it). */
  onPlan?(plan: WiringPlan): void;
}

type Obj = V1Service | V1EndpointSlice;
interface Target {
  where: string;
  write: (call: () => Promise<unknown>) => Promise<unknown>;
  clients: KubeClients;
  current: Obj[];
}

const KEY = 'wiring';

/**
 * Services and EndpointSlices both ways, as the tunnel's wiring model (src/tunnel/wiring.ts) says:
 * main Services appear in every edge (selector-less with a slice to the spoke gateway, or with their
 * selector where the pods are local), and main gets slices to the hub for services backed by edge pods.
 */
export class ServiceReflector {
  readonly queue: WorkQueue;
  private ports: PortAssignments | undefined;
  private readonly configs = new GatewayConfigWriter();
  writes = 0;

  constructor(
    private readonly ctx: VkContext,
    private readonly gateways: GatewayAddresses,
  ) {
    this.queue = new WorkQueue('services', () => this.reconcile(), ctx, { workers: 1 });
  }

  changed(): void {
    this.queue.add(KEY);
  }

  private virtualNodes(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const n of this.ctx.caches.nodes.list()) {
      const { name, labels } = metaOf(n);
      if (labels[LABELS.edgeLocation]) out[name] = labels[LABELS.edgeLocation];
    }
    return out;
  }

  private spokes(): Record<string, { gatewayAddress: string }> {
    const out: Record<string, { gatewayAddress: string }> = {};
    for (const e of this.ctx.edges.values()) {
      const address = this.gateways.spokeAddress(e.spec.name);
      if (address && e.synced) out[e.spec.name] = { gatewayAddress: address };
    }
    return out;
  }

  private plan(): WiringPlan {
    const { caches } = this.ctx;
    return planWiring({
      main: {
        services: (caches.services?.list() ?? []).map(toWiringService),
        endpointSlices: (caches.endpointSlices?.list() ?? []).map(toWiringSlice),
      },
      virtualNodes: this.virtualNodes(),
      edges: this.spokes(),
      hubAddress: this.gateways.hubAddress,
      previousPorts: this.ports,
    });
  }

  private async reconcile(): Promise<HandlerResult> {
    if (!this.ctx.state.mainSynced) return { requeueAfterMs: 200 };
    // No hub yet (its pod is not Ready): slices would point nowhere; the address change re-queues this.
    if (!this.gateways.hubAddress) return;
    await this.restorePorts();
    const plan = this.plan();
    this.ports = plan.ports;
    this.gateways.onPlan?.(plan);
    await this.configs.apply(this.mainTarget(), HUB_CONFIG, hubConfigText(plan));
    await this.applyMain(plan.main.endpointSlices);
    const spokeTexts = spokeConfigTexts(plan);
    for (const [name, wiring] of Object.entries(plan.edges)) {
      const edge = this.ctx.edges.get(name);
      if (!edge?.health.reachable()) continue;
      await this.configs.apply(this.edgeTarget(edge), SPOKE_CONFIG, spokeTexts[name]);
      await this.applyEdge(edge, wiring.services, wiring.endpointSlices);
    }
  }

  private mainTarget(): ConfigTarget {
    return { where: 'main', owner: this.ctx.main, core: this.ctx.main.core, write: (c) => c() };
  }

  private edgeTarget(edge: EdgeRuntime): ConfigTarget {
    return {
      where: edge.spec.name,
      owner: edge,
      core: edge.spec.clients.core,
      write: (c) => edgeCall(edge, this.ctx.opts.requestTimeoutMs, 'gateway config', c),
    };
  }

  /** After a restart, takes the listener ports the gateways already have instead of assigning new ones. */
  private async restorePorts(): Promise<void> {
    const ports = this.ports ?? { hub: await listenersIn(this.mainTarget(), 'hub'), spokes: {} };
    for (const name of Object.keys(this.spokes())) {
      const edge = this.ctx.edges.get(name);
      if (edge && !(name in ports.spokes))
        ports.spokes[name] = await listenersIn(this.edgeTarget(edge), 'spoke');
    }
    this.ports = ports;
  }

  private async applyMain(slices: EndpointSlice[]): Promise<void> {
    const current = (this.ctx.caches.endpointSlices?.list() ?? []).filter(
      (s) =>
        s.metadata?.labels?.[MANAGED_BY_LABEL] === OMNI_MANAGER && s.metadata?.labels?.[LABELS.reflected],
    );
    await this.sync(
      { where: 'main', write: (c) => c(), clients: this.ctx.main, current },
      'EndpointSlice',
      slices.map(withReflectedLabel),
    );
  }

  private async applyEdge(edge: EdgeRuntime, services: Service[], slices: EndpointSlice[]): Promise<void> {
    const write = (c: () => Promise<unknown>) => edgeCall(edge, this.ctx.opts.requestTimeoutMs, 'wiring', c);
    for (const ns of new Set([...services, ...slices].map((o) => o.metadata.namespace)))
      await ensureRemoteNamespace(edge, ns, ns, this.ctx.opts.requestTimeoutMs);
    await this.sync(
      { where: edge.spec.name, write, clients: edge.spec.clients, current: edge.services?.list() ?? [] },
      'Service',
      services.map(withReflectedLabel),
    );
    await this.sync(
      {
        where: edge.spec.name,
        write,
        clients: edge.spec.clients,
        current: edge.endpointSlices?.list() ?? [],
      },
      'EndpointSlice',
      slices.map(withReflectedLabel),
    );
  }

  private async sync(
    t: Target,
    kind: 'Service' | 'EndpointSlice',
    desired: (Service | EndpointSlice)[],
  ): Promise<void> {
    const have = new Map(t.current.map((o) => [`${o.metadata?.namespace}/${o.metadata?.name}`, o]));
    for (const d of desired) {
      const key = `${d.metadata.namespace}/${d.metadata.name}`;
      const cur = have.get(key);
      have.delete(key);
      if (cur && fingerprint(d) === fingerprint(cur)) continue;
      await t.write(() => upsert(t.clients, kind, d));
      this.writes++;
    }
    for (const stale of have.values()) {
      await t
        .write(() => remove(t.clients, kind, stale))
        .catch((err: unknown) => {
          if (!isNotFound(err)) throw err;
        });
    }
  }
}

function withReflectedLabel<T extends Service | EndpointSlice>(o: T): T {
  return {
    ...o,
    metadata: { ...o.metadata, labels: { ...(o.metadata.labels ?? {}), [LABELS.reflected]: 'true' } },
  };
}

function serviceShape(o: Service | V1Service): unknown {
  const spec = o.spec ?? {};
  return {
    ports: (spec.ports ?? []).map((p) => [p.name ?? '', p.port, p.protocol ?? 'TCP', p.targetPort ?? p.port]),
    selector: spec.selector ?? {},
  };
}

function sliceShape(o: EndpointSlice | V1EndpointSlice): unknown {
  return {
    endpoints: (o.endpoints ?? []).map((e) => [e.addresses, e.conditions?.ready ?? true, e.nodeName ?? '']),
    ports: (o.ports ?? []).map((p) => [p.name ?? '', p.port, p.protocol]),
  };
}

function fingerprint(o: Service | EndpointSlice | Obj): string {
  const shape = 'addressType' in o ? sliceShape(o as EndpointSlice) : serviceShape(o as Service);
  return stableJson([o.metadata?.labels ?? {}, shape]);
}

async function upsert(
  clients: KubeClients,
  kind: 'Service' | 'EndpointSlice',
  d: Service | EndpointSlice,
): Promise<void> {
  const { namespace, name } = d.metadata;
  try {
    if (kind === 'Service') await clients.core.createNamespacedService({ namespace, body: d as V1Service });
    else await clients.discovery.createNamespacedEndpointSlice({ namespace, body: d as V1EndpointSlice });
    return;
  } catch (err) {
    if (!isConflict(err)) throw err;
  }
  const labels = { op: 'add', path: '/metadata/labels', value: d.metadata.labels ?? {} };
  if (kind === 'Service') {
    const spec = (d as Service).spec;
    const ops = [
      labels,
      { op: 'add', path: '/spec/ports', value: spec.ports ?? [] },
      spec.selector
        ? { op: 'add', path: '/spec/selector', value: spec.selector }
        : { op: 'add', path: '/spec/selector', value: {} },
    ];
    await clients.core.patchNamespacedService({ name, namespace, body: ops }, JSON_PATCH);
    return;
  }
  const s = d as EndpointSlice;
  await clients.discovery.patchNamespacedEndpointSlice(
    {
      name,
      namespace,
      body: [
        labels,
        { op: 'add', path: '/endpoints', value: s.endpoints },
        { op: 'add', path: '/ports', value: s.ports ?? [] },
      ],
    },
    JSON_PATCH,
  );
}

async function remove(clients: KubeClients, kind: 'Service' | 'EndpointSlice', o: Obj): Promise<void> {
  const name = o.metadata?.name ?? '';
  const namespace = o.metadata?.namespace ?? '';
  if (kind === 'Service') await clients.core.deleteNamespacedService({ name, namespace });
  else await clients.discovery.deleteNamespacedEndpointSlice({ name, namespace });
}
