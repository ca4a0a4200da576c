import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { startKubeSim, type KubeSim, type KubeSimOptions } from '../src/index.ts';

export interface TestCluster {
  sim: KubeSim;
  dir: string;
  kubeconfigPath: string;
  kc: KubeConfig;
  /** Runs kubectl against the cluster; never throws, returns exit code and output. */
  kubectl(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Writes a file in the cluster's temp folder and returns its path. */
  file(name: string, content: string): string;
  /** A raw HTTPS request with the cluster's CA and (unless told otherwise) its token. */
  request(method: string, path: string, opts?: { body?: string | Buffer; contentType?: string; token?: string | null; accept?: string }): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>;
  stop(): Promise<void>;
}

export async function startTestCluster(opts: KubeSimOptions = {}): Promise<TestCluster> {
  const sim = await startKubeSim(opts);
  const dir = mkdtempSync(join(tmpdir(), 'kube-sim-test-'));
  const kubeconfigPath = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfigPath, sim.kubeconfigYaml);
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfigYaml);
  const https = await import('node:https');
  return {
    sim,
    dir,
    kubeconfigPath,
    kc,
    kubectl(args, input) {
      return new Promise((resolve) => {
        const child = execFile(
          'kubectl',
          args,
          { env: { ...process.env, KUBECONFIG: kubeconfigPath, HOME: dir, KUBECACHEDIR: join(dir, 'cache') }, timeout: 60_000 },
          (err, stdout, stderr) => {
            const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
            resolve({ code, stdout, stderr });
          },
        );
        if (input !== undefined) child.stdin?.end(input);
      });
    },
    file(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    request(method, path, o = {}) {
      return new Promise((resolve, reject) => {
        const headers: Record<string, string> = {};
        if (o.token !== null) headers.Authorization = `Bearer ${o.token ?? sim.token}`;
        if (o.contentType) headers['Content-Type'] = o.contentType;
        if (o.accept) headers.Accept = o.accept;
        // Node sends DELETE bodies unchunked, so the length must be given.
        if (o.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(o.body));
        const req = https.request(`${sim.url}${path}`, { method, headers, ca: sim.caPem }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }));
        });
        req.on('error', reject);
        if (o.body !== undefined) req.write(o.body);
        req.end();
      });
    },
    async stop() {
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `fn` until it returns a truthy value or `ms` passes. */
export async function eventually<T>(fn: () => T | Promise<T>, ms = 10_000, step = 20): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`condition not met in ${ms} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, step));
  }
}
