// kube-sim API server figures: writes/s over HTTPS from one client, watch delivery latency with
// 100 watchers, and memory with 10,000 nodes and 100,000 pods stored.
import { spawn } from 'node:child_process';
import https from 'node:https';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { startKubeSim } from '../src/index.ts';

interface Target {
  url: string;
  token: string;
  ca: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function startServerProcess(): Promise<{ target: Target; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'kube-sim-bench-'));
  const file = join(dir, 'kubeconfig.yaml');
  const child = spawn(process.execPath, ['bin/omni.js', 'kube-sim', '--port', '0', '--kubeconfig', file], { stdio: 'ignore' });
  for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 200));
  const kc = YAML.parse(readFileSync(file, 'utf8')) as {
    clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
    users: { user: { token: string } }[];
  };
  return {
    target: {
      url: kc.clusters[0].cluster.server,
      token: kc.users[0].user.token,
      ca: Buffer.from(kc.clusters[0].cluster['certificate-authority-data'], 'base64').toString(),
    },
    stop: () => child.kill('SIGTERM'),
  };
}

function requester(t: Target) {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 16, ca: t.ca });
  return (method: string, path: string, body: unknown, contentType = 'application/json') =>
    new Promise<number>((resolve, reject) => {
      const data = JSON.stringify(body);
      const req = https.request(`${t.url}${path}`, {
        method,
        agent,
        headers: { Authorization: `Bearer ${t.token}`, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(data) },
      }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(data);
    });
}

async function runConcurrent(n: number, concurrency: number, fn: (i: number) => Promise<number>): Promise<number> {
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const status = await fn(i);
      if (status >= 300) failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failures;
}

async function writes(t: Target): Promise<void> {
  const req = requester(t);
  const n = 6000;
  let start = performance.now();
  let failed = await runConcurrent(n, 16, (i) => req('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: `cm-${i}` }, data: { v: '0' } }));
  const creates = n / ((performance.now() - start) / 1000);
  start = performance.now();
  failed += await runConcurrent(n, 16, (i) => req('PATCH', `/api/v1/namespaces/default/configmaps/cm-${i}`, { data: { v: '1' } }, 'application/merge-patch+json'));
  const updates = n / ((performance.now() - start) / 1000);
  console.log(`creates over HTTPS (1 client, 16 in flight): ${creates.toFixed(0)}/s   [target >= 3000 writes/s]`);
  console.log(`updates over HTTPS (merge patch):             ${updates.toFixed(0)}/s   (failed requests: ${failed})`);
}

async function watchLatency(t: Target): Promise<void> {
  const watchers = 100;
  const latencies: number[] = [];
  const sent = new Map<string, number>();
  const reqs: import('node:http').ClientRequest[] = [];
  let ready = 0;
  for (let w = 0; w < watchers; w++) {
    const r = https.request(`${t.url}/api/v1/namespaces/kube-public/configmaps?watch=true`, { headers: { Authorization: `Bearer ${t.token}` }, ca: t.ca, agent: false }, (res) => {
      ready++;
      let buf = '';
      res.on('data', (d: Buffer) => {
        buf += d.toString();
        let i: number;
        while ((i = buf.indexOf('\n')) >= 0) {
          const ev = JSON.parse(buf.slice(0, i)) as { object: { metadata: { name: string } } };
          buf = buf.slice(i + 1);
          const at = sent.get(ev.object.metadata.name);
          if (at !== undefined) latencies.push(performance.now() - at);
        }
      });
    });
    r.on('error', () => undefined);
    r.end();
    reqs.push(r);
  }
  while (ready < watchers) await new Promise((r) => setTimeout(r, 10));
  const req = requester(t);
  const events = 200;
  for (let i = 0; i < events; i++) {
    const name = `lat-${i}`;
    sent.set(name, performance.now());
    await req('POST', '/api/v1/namespaces/kube-public/configmaps', { metadata: { name } });
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => setTimeout(r, 500));
  for (const r of reqs) r.destroy();
  latencies.sort((a, b) => a - b);
  console.log(`watch delivery with ${watchers} watchers (${latencies.length} deliveries): p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms   [target p99 <= 50 ms]`);
}

async function memory(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const sim = await startKubeSim({ historySize: 1000 });
  const { api } = sim;
  const nodes = api.resolve('', 'v1', 'nodes');
  const pods = api.resolve('', 'v1', 'pods');
  const start = performance.now();
  for (let i = 0; i < 10_000; i++) {
    api.create(nodes, undefined, {
      metadata: { name: `node-${i}`, labels: { 'kubernetes.io/hostname': `node-${i}`, 'topology.kubernetes.io/zone': `zone-${i % 3}` } },
      status: { capacity: { cpu: '8', memory: '32Gi', pods: '110' }, allocatable: { cpu: '7910m', memory: '29Gi', pods: '110' } },
    });
  }
  for (let i = 0; i < 100_000; i++) {
    api.create(pods, 'default', {
      metadata: { name: `pod-${i}`, labels: { app: `app-${i % 50}` } },
      spec: { nodeName: `node-${i % 10_000}`, containers: [{ name: 'main', image: 'registry.example/app:1.0', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
    });
  }
  const took = (performance.now() - start) / 1000;
  gc?.();
  const used = process.memoryUsage().heapUsed - before;
  console.log(`stored 10,000 nodes + 100,000 pods in-process in ${took.toFixed(1)} s (${(110_000 / took).toFixed(0)} creates/s through the pipeline)`);
  console.log(`heap used for that store: ${(used / 1024 / 1024).toFixed(0)} MiB   [target <= 2048 MiB]`);
  await sim.stop();
}

const server = await startServerProcess();
try {
  await writes(server.target);
  await watchLatency(server.target);
} finally {
  server.stop();
}
await memory();
process.exit(0);
