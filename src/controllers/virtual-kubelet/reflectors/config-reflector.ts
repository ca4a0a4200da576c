import type { V1ConfigMap, V1Pod, V1Secret } from '@kubernetes/client-node';
import { isConflict } from '../../../kube/index.ts';
import { LABELS, REFLECTED_ROOT_CA, ROOT_CA_CONFIGMAP } from '../constants.ts';
import { metaOf } from '../meta.ts';
import type { VkContext } from '../context.ts';
import type { EdgeRuntime } from '../edge.ts';
import { edgeCall, ignoreNotFound } from '../edge-call.ts';
import { ensureRemoteNamespace } from '../namespaces.ts';
import { JSON_PATCH } from '../patch.ts';
import { WorkQueue, type HandlerResult } from '../queue.ts';
import { dependencyKey, parseDependencyKey, podDependencies, type Dependency } from './dependencies.ts';
import { forgeConfigMap, forgeSecret, sameContent } from './object-forge.ts';
import { mainToken, TOKEN_EXPIRES_ANNOTATION, tokenSecretName } from './token.ts';

type Reflected = V1ConfigMap | V1Secret;

/**
 * Reflects the ConfigMaps, Secrets and ServiceAccount tokens that offloaded pods use into their edge
 * cluster, keeps them in sync with main, and deletes an edge copy once no offloaded pod uses it.
 */
export class ConfigReflector {
  readonly queue: WorkQueue;
  /** edge → dependency key → pods (main `ns/name`) that use it. */
  private readonly refs = new Map<string, Map<string, Set<string>>>();
  private readonly podDeps = new Map<string, { edge: string; deps: string[] }>();
  reflectedCount = 0;

  constructor(private readonly ctx: VkContext) {
    this.queue = new WorkQueue('reflect', (k) => this.reconcile(k), ctx, { workers: 8 });
  }

  /** Records what `pod` uses in `edge` and makes sure it is there (called before the pod is created). */
  async ensure(edge: EdgeRuntime, pod: V1Pod, podKey: string): Promise<void> {
    const deps = podDependencies(pod);
    this.track(edge.spec.name, podKey, deps.map(dependencyKey));
    for (const d of deps) await this.reflect(edge, d);
  }

  /** Forgets a pod's uses; copies nobody uses any more are deleted. */
  release(podKey: string): void {
    const prev = this.podDeps.get(podKey);
    if (!prev) return;
    this.podDeps.delete(podKey);
    const byDep = this.refs.get(prev.edge);
    for (const k of prev.deps) {
      const users = byDep?.get(k);
      users?.delete(podKey);
      if (users && users.size === 0) {
        byDep?.delete(k);
        this.queue.add(`${prev.edge}|${k}`);
      }
    }
  }

  /** A main ConfigMap or Secret changed: every edge that uses it gets the change. */
  mainChanged(kind: 'ConfigMap' | 'Secret', namespace: string, name: string): void {
    const k = dependencyKey({ kind, namespace, name });
    for (const [edge, byDep] of this.refs) if (byDep.has(k)) this.queue.add(`${edge}|${k}`);
  }

  /** An edge copy changed (or was deleted): put main's content back, or remove it if unused. */
  remoteChanged(edge: EdgeRuntime, obj: Reflected, kind: 'ConfigMap' | 'Secret'): void {
    const origin = obj.metadata?.labels?.[LABELS.originNamespace];
    const name = obj.metadata?.name ?? '';
    if (!origin) return;
    if (kind === 'Secret' && name.startsWith(tokenSecretName(''))) return this.queue.add(`${edge.spec.name}|${dependencyKey({ kind: 'Token', namespace: origin, name: name.slice(tokenSecretName('').length) })}`);
    const mainName = kind === 'ConfigMap' && name === REFLECTED_ROOT_CA ? ROOT_CA_CONFIGMAP : name;
    this.queue.add(`${edge.spec.name}|${dependencyKey({ kind, namespace: origin, name: mainName })}`);
  }

  /** Every reflected key of every edge (periodic resync; also finds edge copies nobody uses). */
  resync(): void {
    for (const [edge, byDep] of this.refs) for (const k of byDep.keys()) this.queue.add(`${edge}|${k}`);
    for (const edge of this.ctx.edges.values()) {
      for (const cm of edge.configMaps.list()) this.remoteChanged(edge, cm, 'ConfigMap');
      for (const s of edge.secrets.list()) this.remoteChanged(edge, s, 'Secret');
    }
  }

  private track(edge: string, podKey: string, deps: string[]): void {
    const prev = this.podDeps.get(podKey);
    if (prev && prev.edge === edge && prev.deps.join() === deps.join()) return;
    if (prev) this.release(podKey);
    this.podDeps.set(podKey, { edge, deps });
    let byDep = this.refs.get(edge);
    if (!byDep) this.refs.set(edge, (byDep = new Map()));
    for (const k of deps) {
      let users = byDep.get(k);
      if (!users) byDep.set(k, (users = new Set()));
      users.add(podKey);
    }
  }

  private async reconcile(key: string): Promise<HandlerResult> {
    const bar = key.indexOf('|');
    const edge = this.ctx.edges.get(key.slice(0, bar));
    if (!edge || !edge.synced) return;
    if (!edge.health.reachable()) return { requeueAfterMs: this.ctx.opts.probeSeconds * 1000 };
    const dep = parseDependencyKey(key.slice(bar + 1));
    const used = (this.refs.get(edge.spec.name)?.get(key.slice(bar + 1))?.size ?? 0) > 0;
    if (used) return this.reflect(edge, dep);
    // Only prune once every offloaded pod has been seen, so a restart never deletes what running pods use.
    if (!edge.adopted) return { requeueAfterMs: 1000 };
    await this.deleteRemote(edge, dep);
  }

  /** The edge copy as the edge's cache has it. */
  private current(edge: EdgeRuntime, kind: string, name: string, namespace: string): Reflected | undefined {
    return kind === 'ConfigMap' ? edge.configMaps.get(name, namespace) : edge.secrets.get(name, namespace);
  }

  /** Token copies are fetched only when missing or due: each TokenRequest returns a new token. */
  private tokenFresh(edge: EdgeRuntime, dep: Dependency, namespace: string): boolean {
    const current = edge.secrets.get(tokenSecretName(dep.name), namespace);
    return dep.kind === 'Token' && !!current && !tokenDue(current, this.ctx.clock.now());
  }

  private async reflect(edge: EdgeRuntime, dep: Dependency): Promise<void> {
    const namespace = this.ctx.opts.remoteNamespace(dep.namespace);
    if (this.tokenFresh(edge, dep, namespace)) return;
    const desired = await this.desired(dep, namespace);
    if (!desired) return;
    const { name } = metaOf(desired);
    if (dep.kind !== 'Token' && sameContent(desired, this.current(edge, String(desired.kind), name, namespace))) return;
    await ensureRemoteNamespace(edge, namespace, dep.namespace, this.ctx.opts.requestTimeoutMs);
    await this.upsert(edge, desired);
    this.reflectedCount++;
  }

  private async desired(dep: Dependency, namespace: string): Promise<Reflected | undefined> {
    if (dep.kind === 'ConfigMap') {
      const cm = this.ctx.caches.configMaps.get(dep.name, dep.namespace);
      return cm && forgeConfigMap(cm, namespace);
    }
    if (dep.kind === 'Secret') {
      const s = this.ctx.caches.secrets.get(dep.name, dep.namespace);
      return s && forgeSecret(s, namespace);
    }
    const token = await mainToken(this.ctx.main, dep.namespace, dep.name, this.ctx.caches.secrets.list());
    const secret = forgeSecret({ metadata: { namespace: dep.namespace }, type: 'Opaque', data: token.data }, namespace, tokenSecretName(dep.name));
    if (token.expires) secret.metadata!.annotations = { [TOKEN_EXPIRES_ANNOTATION]: String(token.expires) };
    return secret;
  }

  /** Create, or (it exists) replace labels, annotations and data with a JSON patch. */
  private async upsert(edge: EdgeRuntime, obj: Reflected): Promise<void> {
    const { core } = edge.spec.clients;
    const call = <T>(what: string, fn: () => Promise<T>) => edgeCall(edge, this.ctx.opts.requestTimeoutMs, what, fn);
    const { name, namespace, labels, annotations } = metaOf(obj);
    const isCm = obj.kind === 'ConfigMap';
    try {
      if (isCm) await call(`create configmap ${name}`, () => core.createNamespacedConfigMap({ namespace, body: obj }));
      else await call(`create secret ${name}`, () => core.createNamespacedSecret({ namespace, body: obj as V1Secret }));
      return;
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
    const ops = [
      { op: 'add', path: '/metadata/labels', value: labels },
      { op: 'add', path: '/metadata/annotations', value: annotations },
      { op: 'add', path: '/data', value: obj.data ?? {} },
    ];
    if (isCm) await call(`patch configmap ${name}`, () => core.patchNamespacedConfigMap({ name, namespace, body: [...ops, { op: 'add', path: '/binaryData', value: (obj as V1ConfigMap).binaryData ?? {} }] }, JSON_PATCH));
    else await call(`patch secret ${name}`, () => core.patchNamespacedSecret({ name, namespace, body: ops }, JSON_PATCH));
  }

  private async deleteRemote(edge: EdgeRuntime, dep: Dependency): Promise<void> {
    const namespace = this.ctx.opts.remoteNamespace(dep.namespace);
    const { core } = edge.spec.clients;
    const t = this.ctx.opts.requestTimeoutMs;
    if (dep.kind === 'ConfigMap') {
      const name = dep.name === ROOT_CA_CONFIGMAP ? REFLECTED_ROOT_CA : dep.name;
      if (!edge.configMaps.get(name, namespace)) return;
      await edgeCall(edge, t, `delete configmap ${name}`, () => core.deleteNamespacedConfigMap({ name, namespace })).catch(ignoreNotFound);
      return;
    }
    const name = dep.kind === 'Token' ? tokenSecretName(dep.name) : dep.name;
    if (!edge.secrets.get(name, namespace)) return;
    await edgeCall(edge, t, `delete secret ${name}`, () => core.deleteNamespacedSecret({ name, namespace })).catch(ignoreNotFound);
  }
}

/** Token copies are renewed once 80% of their life has passed. */
function tokenDue(current: Reflected | undefined, now: number): boolean {
  const expires = Number(current?.metadata?.annotations?.[TOKEN_EXPIRES_ANNOTATION] ?? 0);
  return expires > 0 && now > expires - 0.2 * 3600_000;
}
