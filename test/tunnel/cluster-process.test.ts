// The deployable command lines: `omni gateway hub --from-cluster` and `omni gateway spoke --from-cluster`
// as processes, each given only a kubeconfig and its certificate files, as their Deployments run them.
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { HUB_CONFIG, SPOKE_CONFIG } from '../../src/tunnel/gateway-config.ts';
import { pki } from './fixture.ts';
import { echoServer } from './helpers.ts';
import {
  eventually,
  freePort,
  putConfigMap,
  putService,
  putSlice,
  side,
  tryEcho,
  type Side,
} from './cluster-fixture.ts';
import { ProcessSet, type Proc } from './processes.ts';

const ECHO = 'default/echo:7';
let main: Side;
let edge: Side;
let dir: string;
const procs = new ProcessSet();
const closers: (() => void)[] = [];

function files(name: string, bundle: { certPem: string; keyPem: string }): string[] {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  const ca = join(dir, 'ca.crt');
  writeFileSync(cert, bundle.certPem);
  writeFileSync(key, bundle.keyPem);
  writeFileSync(ca, pki().ca.certPem);
  return ['--cert', cert, '--key', key, '--ca', ca];
}

function kubeconfig(name: string, s: Side): string {
  const file = join(dir, `${name}.kubeconfig`);
  writeFileSync(file, s.cluster.kubeconfigYaml);
  return file;
}

/** A spoke process for edge-a dialling `hub`, listening for the echo Service on the port it returns. */
async function startSpoke(hub: string): Promise<number> {
  const listenerPort = await freePort();
  await putConfigMap(
    edge.clients,
    SPOKE_CONFIG.configMap,
    SPOKE_CONFIG.key,
    JSON.stringify({ listeners: { [ECHO]: listenerPort } }),
  );
  const args = ['--hub', hub, '--location', 'edge-a', ...files('edge-a', pki().edgeA)];
  await procs.gateway(null, ['spoke', '--from-cluster', '--kubeconfig', kubeconfig('edge', edge), ...args]);
  return listenerPort;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'omni-gw-cluster-'));
  [main, edge] = await Promise.all([side('main'), side('edge-a')]);
  const echo = await echoServer();
  closers.push(echo.close);
  await putService(main.clients, 'default', 'echo', 7);
  await putSlice(main.clients, 'default', 'echo', [{ address: '127.0.0.1', port: echo.port }]);
  await putConfigMap(
    main.clients,
    HUB_CONFIG.configMap,
    HUB_CONFIG.key,
    'locations: {edge-a: {allow: [default/echo:7]}}\n',
  );
});

after(async () => {
  await procs.killAll();
  closers.forEach((c) => c());
  await Promise.all([main?.cluster.stop(), edge?.cluster.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

test('hub and spoke processes run from a kubeconfig and their certificates only', async () => {
  const hub = await procs.gateway(null, [
    'hub',
    '--from-cluster',
    '--kubeconfig',
    kubeconfig('main', main),
    '--listen',
    '127.0.0.1:0',
    ...files('hub', pki().hub),
  ]);
  const ready = JSON.parse(hub.lines.find((l) => l.includes('"ready":true')) ?? '{}') as {
    port?: number;
    source?: string;
  };
  assert.equal(ready.source, 'cluster');
  const listenerPort = await startSpoke(`127.0.0.1:${ready.port}`);
  await eventually(
    'edge→main echo through the processes',
    async () => (await tryEcho(listenerPort, 'from a pod')) === 'from a pod',
    15_000,
  );
});

function httpStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path }, (res) => (res.resume(), resolve(res.statusCode ?? 0)))
      .on('error', () => resolve(0));
  });
}

function exitOf(p: Proc): Promise<number | null> {
  if (p.child.exitCode !== null) return Promise.resolve(p.child.exitCode);
  return new Promise((resolve) => p.child.once('exit', (code) => resolve(code)));
}

test('two hub replicas run active/standby on a Lease; the standby takes over, a hub that loses the Lease exits', async () => {
  await procs.killAll(); // the previous test's hub and spoke would answer on the same listener
  const port = await freePort();
  const [metricsA, metricsB] = [await freePort(), await freePort()];
  const hubArgs = (metrics: number): string[] => [
    'hub',
    '--from-cluster',
    '--kubeconfig',
    kubeconfig('main', main),
    '--listen',
    `127.0.0.1:${port}`,
    '--leader-elect',
    '--leader-election-id',
    'omni-hub-test',
    '--metrics',
    `127.0.0.1:${metrics}`,
    ...files('hub', pki().hub),
  ];
  const a = await procs.gateway(null, hubArgs(metricsA));
  const b = await procs.gateway(null, hubArgs(metricsB), /"standby":true/);
  assert.equal(await httpStatus(metricsA, '/readyz'), 200);
  assert.equal(
    await httpStatus(metricsB, '/readyz'),
    503,
    'the standby is not Ready, so no Service routes to it',
  );
  assert.equal(await httpStatus(metricsB, '/healthz'), 200);

  // The spoke dials one address, as it dials the hub Service's load balancer.
  const listenerPort = await startSpoke(`127.0.0.1:${port}`);
  const echoes = async (): Promise<boolean> => (await tryEcho(listenerPort, 'via the hub')) === 'via the hub';
  await eventually('echo through the active hub', echoes, 15_000);

  await procs.kill(a, 'SIGTERM');
  await eventually(
    'the standby to serve',
    async () => b.lines.some((l) => l.includes('"ready":true')),
    15_000,
  );
  assert.equal(await httpStatus(metricsB, '/readyz'), 200);
  await eventually('echo through the new active hub', echoes, 20_000);

  // Another holder takes the Lease (say, after this replica was cut off from the API server for too long).
  const lease = await main.clients.coordination.readNamespacedLease({
    name: 'omni-hub-test',
    namespace: 'castai-omni',
  });
  await main.clients.coordination.replaceNamespacedLease({
    name: 'omni-hub-test',
    namespace: 'castai-omni',
    body: { ...lease, spec: { ...lease.spec, holderIdentity: 'another-replica', renewTime: new Date() } },
  });
  assert.equal(await exitOf(b), 1, 'exits, to restart as a standby');
  assert.ok(
    b.lines.some((l) => l.includes('lost the Lease castai-omni/omni-hub-test')),
    b.lines.join('\n'),
  );
});
