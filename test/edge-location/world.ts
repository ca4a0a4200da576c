// The embedded world for edge-location tests: a kube-sim main cluster with omni's CRDs, the simulated
// clouds, embedded edge clusters, and a controller that can be killed and started again.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubernetesObject } from '@kubernetes/client-node';
import { startKubeSim, type KubeSim } from '../../kube-sim/src/index.ts';
import { loadEmbeddedCatalog, type Catalog } from '../../src/catalog/index.ts';
import { KubeNodeRegistrar } from '../../src/clouds/registrar.ts';
import { createSimClouds, type SimClouds } from '../../src/clouds/sim/index.ts';
import {
  installCrds,
  startEdgeLocationController,
  type CloudProviders,
  type EdgeClusterProvisioner,
  type EdgeLocationController,
  type EdgeLocationControllerOptions,
  type ReadyEdge,
} from '../../src/controllers/edge-location/index.ts';
import { GROUP, VERSION } from '../../src/apis/index.ts';
import { pino } from 'pino';
import {
  loadKubeConfig,
  makeClients,
  systemClock,
  waitForCrds,
  type Clock,
  type KubeClients,
} from '../../src/kube/index.ts';
import { embeddedEdgeClusters, type EmbeddedEdgeClusters } from '../../src/world/edge-clusters.ts';
import { simCloudProviders } from '../../src/world/sim-cloud-providers.ts';

export const CLUSTER_ID = 'test-cluster';

export interface World {
  sim: KubeSim;
  clients: KubeClients;
  kubeconfigFile: string;
  catalog: Catalog;
  clouds: SimClouds;
  edgeClusters: EmbeddedEdgeClusters;
  ready: Map<string, ReadyEdge>;
  removed: string[];
  logs: string[];
  controller?: EdgeLocationController;
  start(over?: WorldOverrides): EdgeLocationController;
  stop(): Promise<void>;
}

export interface WorldOverrides {
  providers?: CloudProviders;
  edgeClusters?: EdgeClusterProvisioner;
  clock?: Clock;
  /** Merged over the test defaults. */
  options?: Partial<EdgeLocationControllerOptions>;
}

let catalogP: Promise<Catalog> | undefined;

export async function startWorld(): Promise<World> {
  const catalog = await (catalogP ??= loadEmbeddedCatalog());
  const sim = await startKubeSim();
  const clients = makeClients(loadKubeConfig({ yaml: sim.kubeconfigYaml }));
  await installCrds(clients);
  await waitForCrds(clients);
  const dir = mkdtempSync(join(tmpdir(), 'omni-el-'));
  const kubeconfigFile = join(dir, 'kubeconfig');
  writeFileSync(kubeconfigFile, sim.kubeconfigYaml, { mode: 0o600 });
  // Instances boot at once and register their Node with the cluster their user data names.
  const clouds = createSimClouds({
    catalog,
    clock: systemClock,
    seed: 7,
    bootDelayMs: 0,
    registrar: new KubeNodeRegistrar(),
  });
  const edgeClusters = embeddedEdgeClusters();
  const logs: string[] = [];
  // Capture every log line the controller writes, to check that no credential reaches the logs.
  const pinoLog = pino({ level: 'debug' }, { write: (s: string) => void logs.push(s) });
  const w: World = {
    sim,
    clients,
    kubeconfigFile,
    catalog,
    clouds,
    edgeClusters,
    ready: new Map(),
    removed: [],
    logs,
    start(over = {}) {
      w.controller = startEdgeLocationController({
        clients,
        providers: over.providers ?? simCloudProviders(clouds),
        edgeClusters: over.edgeClusters ?? edgeClusters,
        listeners: [
          {
            onReady: (e) => void w.ready.set(e.name, e),
            onRemoved: (n) => void (w.removed.push(n), w.ready.delete(n)),
          },
        ],
        clock: over.clock ?? systemClock,
        log: pinoLog,
        clusterId: CLUSTER_ID,
        catalog,
        options: {
          retryDelayMs: 20,
          maxRetryDelayMs: 200,
          failedRetryMs: 60_000,
          resyncMs: 60_000,
          ...over.options,
        },
      });
      return w.controller;
    },
    async stop() {
      await w.controller?.stop();
      await edgeClusters.stopAll();
      await sim.stop();
    },
  };
  return w;
}

export type Obj = KubernetesObject & {
  spec?: Record<string, unknown>;
  status?: {
    state?: string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    resources?: Record<string, string>;
    edgeClusterEndpoint?: string;
  };
};

export function edgeLocation(name: string, spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: `${GROUP}/${VERSION}`, kind: 'EdgeLocation', metadata: { name }, spec };
}

export async function createLocation(
  clients: KubeClients,
  name: string,
  spec: Record<string, unknown>,
): Promise<void> {
  await clients.custom.createClusterCustomObject({
    group: GROUP,
    version: VERSION,
    plural: 'edgelocations',
    body: edgeLocation(name, spec),
  });
}

export async function getLocation(clients: KubeClients, name: string): Promise<Obj | undefined> {
  try {
    return (await clients.custom.getClusterCustomObject({
      group: GROUP,
      version: VERSION,
      plural: 'edgelocations',
      name,
    })) as Obj;
  } catch {
    return undefined;
  }
}

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await fn();
    if (ok(last)) return last;
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Deletes an EdgeLocation and waits until it is gone (offboarding done, finalizer off). */
export async function deleteLocation(clients: KubeClients, name: string, timeoutMs = 20_000): Promise<void> {
  await clients.custom.deleteClusterCustomObject({
    group: GROUP,
    version: VERSION,
    plural: 'edgelocations',
    name,
  });
  await waitFor(
    `${name} gone`,
    () => getLocation(clients, name),
    (o) => o === undefined,
    timeoutMs,
  );
}

export async function waitForState(
  clients: KubeClients,
  name: string,
  state: string,
  timeoutMs = 10_000,
): Promise<Obj> {
  return (await waitFor(
    `${name} to be ${state}`,
    () => getLocation(clients, name),
    (o) => o?.status?.state === state,
    timeoutMs,
  ))!;
}

/** kubectl as a subprocess, asynchronously: the API server lives in this process, so it must not block. */
export function kubectl(w: World, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('kubectl', ['--kubeconfig', w.kubeconfigFile, ...args]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`kubectl ${args.join(' ')}: ${err}`)),
    );
    child.stdin.end(input ?? '');
  });
}
