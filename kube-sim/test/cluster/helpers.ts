import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { startSimulatedCluster, type SimulatedCluster, type SimulatedClusterOptions } from '../../src/index.ts';
import type { JsonObject } from '../../src/util/json.ts';

export type { JsonObject };

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TestCluster {
  sim: SimulatedCluster;
  kubeconfig: KubeConfig;
  kubectl(...args: string[]): Promise<KubectlResult>;
  /** kubectl that must succeed; returns stdout. */
  ok(...args: string[]): Promise<string>;
  getJson(...args: string[]): Promise<JsonObject>;
  apply(manifest: JsonObject): Promise<string>;
  close(): Promise<void>;
}

/** A simulated cluster sped up for tests, with a kubeconfig file for kubectl and one for client-node. */
export async function startTestCluster(opts: SimulatedClusterOptions = {}): Promise<TestCluster> {
  const sim = await startSimulatedCluster({ timeScale: 20, kubeletDelaySeconds: 1, ...opts });
  const dir = mkdtempSync(join(tmpdir(), 'kube-sim-cluster-'));
  const file = join(dir, 'kubeconfig');
  writeFileSync(file, sim.kubeconfigYaml);
  const kubeconfig = new KubeConfig();
  kubeconfig.loadFromString(sim.kubeconfigYaml);
  const kubectl = (...args: string[]) =>
    new Promise<KubectlResult>((resolve) => {
      execFile('/usr/bin/kubectl', [`--cache-dir=${join(dir, 'cache')}`, ...args], { env: { ...process.env, KUBECONFIG: file, HOME: dir }, timeout: 120_000 }, (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  const ok = async (...args: string[]) => {
    const r = await kubectl(...args);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}${r.stdout}`);
    return r.stdout;
  };
  return {
    sim,
    kubeconfig,
    kubectl,
    ok,
    getJson: async (...args) => JSON.parse(await ok('get', '-o', 'json', ...args)) as JsonObject,
    apply: async (manifest) => {
      const f = join(dir, `m-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(f, JSON.stringify(manifest));
      return ok('apply', '-f', f);
    },
    close: async () => {
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `fn` returns a truthy value (real time; the cluster's clock runs fast). */
export async function waitFor<T>(fn: () => T | Promise<T>, what: string, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export function items(list: JsonObject): JsonObject[] {
  return (list.items as JsonObject[] | undefined) ?? [];
}

export function field(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as JsonObject)[part];
  }
  return cur;
}

/** Pods in a namespace through the in-process store (cheap polling). */
export function pods(sim: SimulatedCluster, namespace = 'default', filter: (p: JsonObject) => boolean = () => true): JsonObject[] {
  return sim.podIndex.inNamespace(namespace).filter(filter);
}

export const phase = (p: JsonObject) => String(field(p, 'status.phase'));
export const running = (p: JsonObject) => phase(p) === 'Running' && !field(p, 'metadata.deletionTimestamp');
