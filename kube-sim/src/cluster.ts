import { randomBytes } from 'node:crypto';
import type { JsonObject } from './util/json.ts';
import { ScaledClock, type Clock } from './util/clock.ts';
import { Store } from './store/store.ts';
import { Registry } from './registry/registry.ts';
import { ClusterApi } from './api/cluster-api.ts';
import { builtinStrategy, type Strategy } from './api/strategies/index.ts';
import { crdStrategy, customResourceStrategy, customResourceUnknownFields, watchCrds } from './api/crds.ts';
import { resourceKey, type ResourceType } from './registry/resource-type.ts';
import { builtinUnknownFields } from './openapi/index.ts';
import { ApiServer } from './server/api-server.ts';
import { generateServerCertificates } from './server/tls.ts';
import { buildKubeconfig, kubeconfigYaml, type Kubeconfig } from './server/kubeconfig.ts';
import type { LogProvider } from './server/resource-handler.ts';
import { GarbageCollector } from './controllers/garbage-collector.ts';
import { NamespaceController } from './controllers/namespace-controller.ts';

export interface KubeSimOptions {
  /** Cluster name used in the kubeconfig. */
  name?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** What /version reports; 1.31 makes the kubectl dispatcher speak JSON. */
  kubernetesVersion?: string;
  token?: string;
  clock?: Clock;
  /** Events kept for watches that resume from an old resourceVersion. */
  historySize?: number;
  defaultNotReadyTolerationSeconds?: number;
  defaultUnreachableTolerationSeconds?: number;
  /** Serves `kubectl logs`; the simulated kubelet replaces the default. */
  logs?: LogProvider;
}

/** A controller that runs inside kube-sim and can be stopped with it. */
export interface SimController {
  start(): void;
  stop(): void;
}

export interface KubeSim {
  name: string;
  url: string;
  port: number;
  token: string;
  caPem: string;
  kubeconfig: Kubeconfig;
  kubeconfigYaml: string;
  api: ClusterApi;
  clock: Clock;
  /** Adds an in-process controller (scheduler, kubelet…), started now and stopped with the cluster. */
  addController(c: SimController): void;
  /** Replaces the provider behind pods/log. */
  setLogProvider(p: LogProvider): void;
  /** Makes the API server drop every connection until resume() (an unreachable control plane). */
  pause(): void;
  resume(): void;
  /** Ends every open watch stream (clients re-watch, as after an API server restart). */
  dropWatches(): void;
  stop(): Promise<void>;
}

const BOOT_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

function defaultLogs(pod: JsonObject, container: string): string {
  const phase = (pod.status as JsonObject | undefined)?.phase;
  const name = String((pod.metadata as JsonObject).name);
  if (phase === 'Pending') return `container "${container}" in pod "${name}" is waiting to start: ContainerCreating\n`;
  return `kube-sim: simulated output of container ${container} in pod ${name}\n`;
}

function wireStrategies(api: ClusterApi): void {
  const crStrategies = new Map<string, Strategy>();
  api.hooks = {
    strategyFor(t: ResourceType): Strategy {
      if (t.crdName) {
        const key = `${t.group}/${t.version}/${t.resource}`;
        if (!crStrategies.has(key)) crStrategies.set(key, customResourceStrategy(api, t));
        return crStrategies.get(key)!;
      }
      if (t.resource === 'customresourcedefinitions' && t.group === 'apiextensions.k8s.io') return crdStrategy;
      return builtinStrategy(resourceKey(t));
    },
    unknownFields(t: ResourceType, obj: JsonObject): string[] {
      if (t.crdName) return customResourceUnknownFields(api, t, obj);
      return builtinUnknownFields(t.kind, obj);
    },
  };
  api.registry.onChange(() => crStrategies.clear());
}

function bootstrap(api: ClusterApi): void {
  const ns = api.resolve('', 'v1', 'namespaces');
  for (const name of BOOT_NAMESPACES) api.create(ns, undefined, { metadata: { name } });
  api.create(api.resolve('', 'v1', 'services'), 'default', {
    metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
  });
}

/** Starts a kube-sim API server in-process and returns its kubeconfig and handles. */
export async function startKubeSim(opts: KubeSimOptions = {}): Promise<KubeSim> {
  const name = opts.name ?? 'kube-sim';
  const clock = opts.clock ?? new ScaledClock(1);
  const api = new ClusterApi(new Store({ historySize: opts.historySize }), new Registry(), clock, {
    defaultNotReadyTolerationSeconds: opts.defaultNotReadyTolerationSeconds,
    defaultUnreachableTolerationSeconds: opts.defaultUnreachableTolerationSeconds,
  });
  wireStrategies(api);
  watchCrds(api);
  bootstrap(api);
  const controllers: SimController[] = [new GarbageCollector(api), new NamespaceController(api, clock)];
  for (const c of controllers) c.start();
  const token = opts.token ?? randomBytes(24).toString('hex');
  const certs = generateServerCertificates(name);
  let logs: LogProvider = opts.logs ?? defaultLogs;
  const server = new ApiServer({ api, certs, token, kubernetesVersion: opts.kubernetesVersion ?? '1.31', logs: (p, c, o) => logs(p, c, o), host: opts.host });
  const port = await server.listen(opts.port ?? 0);
  const url = `https://127.0.0.1:${port}`;
  const kubeconfig = buildKubeconfig({ name, server: url, caPem: certs.caCertPem, token });
  return {
    name,
    url,
    port,
    token,
    caPem: certs.caCertPem,
    kubeconfig,
    kubeconfigYaml: kubeconfigYaml(kubeconfig),
    api,
    clock,
    addController(c) {
      controllers.push(c);
      c.start();
    },
    setLogProvider(p) {
      logs = p;
    },
    pause() {
      server.paused = true;
      server.dropWatches();
    },
    dropWatches() {
      server.dropWatches();
    },
    resume() {
      server.paused = false;
    },
    async stop() {
      for (const c of controllers.reverse()) c.stop();
      await server.close();
    },
  };
}
