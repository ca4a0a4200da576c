// Hub and two spokes as separate `omni gateway` processes. Where network namespaces can be made, each
// runs in its own namespace (hub ↔ edge-a and hub ↔ edge-b over veth pairs on 10.213.0.0/16, a subnet that
// exists only inside these namespaces; no namespace has a default route, and edge-a has no path to edge-b).
// Otherwise the same scenario runs on loopback. Nothing is ever addressed outside loopback or these namespaces.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { certInfo, createCa, issueEdgeCert, issueHubCert } from '../../src/tunnel/pki/index.ts';
import { sleep } from './helpers.ts';
import { ProcessSet, deleteNamespaces, ip, netnsAvailable, streamingClient, tool, type Proc } from './processes.ts';

const avail = netnsAvailable();
const useNetns = avail.ok && process.env.OMNI_TEST_NO_NETNS !== '1';
if (!useNetns) {
  const why = avail.ok ? 'OMNI_TEST_NO_NETNS=1' : avail.why;
  console.log(`# network namespaces unavailable (${why}); running the process test on loopback instead`);
}

const tag = `omni-t9-${process.pid}`;
const NS = useNetns ? { hub: `${tag}-hub`, a: `${tag}-a`, b: `${tag}-b` } : { hub: null, a: null, b: null };
const ADDR = useNetns
  ? { hubForA: '10.213.1.1', hubForB: '10.213.2.1', a: '10.213.1.2', b: '10.213.2.2' }
  : { hubForA: '127.0.0.1', hubForB: '127.0.0.1', a: '127.0.0.1', b: '127.0.0.1' };

function makeNamespaces(): void {
  const { hub, a, b } = NS as { hub: string; a: string; b: string };
  for (const n of [hub, a, b]) {
    ip('netns', 'add', n);
    ip('-n', n, 'link', 'set', 'lo', 'up');
  }
  // veth pairs created directly inside the namespaces: nothing is added to the root namespace.
  const link = (edge: string, hubDev: string, hubIp: string, edgeIp: string): void => {
    ip('-n', hub, 'link', 'add', hubDev, 'type', 'veth', 'peer', 'name', 'uplink', 'netns', edge);
    ip('-n', hub, 'addr', 'add', `${hubIp}/24`, 'dev', hubDev);
    ip('-n', edge, 'addr', 'add', `${edgeIp}/24`, 'dev', 'uplink');
    ip('-n', hub, 'link', 'set', hubDev, 'up');
    ip('-n', edge, 'link', 'set', 'uplink', 'up');
  };
  link(a, 'to-a', ADDR.hubForA, ADDR.a);
  link(b, 'to-b', ADDR.hubForB, ADDR.b);
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

interface Ports {
  hub: number;
  hubApi: number;
  mainEcho: number;
  mainWeb: number;
  aApi: number;
  bEcho: number;
  aEcho: number;
  aBEcho: number;
  bWeb: number;
  bEchoL: number;
}

describe(`gateways as processes (${useNetns ? 'network namespaces' : 'loopback'})`, () => {
  const procs = new ProcessSet();
  const dir = mkdtempSync(join(tmpdir(), 'omni-tunnel-'));
  const f = (name: string): string => join(dir, name);
  let ports: Ports;
  let hub: Proc;
  let bSerial = '';
  let hubArgs: string[] = [];

  before(async () => {
    if (useNetns) {
      process.once('exit', () => deleteNamespaces(Object.values(NS) as string[]));
      makeNamespaces();
    }
    const list = await Promise.all(Array.from({ length: 10 }, freePort));
    ports = { hub: list[0], hubApi: list[1], mainEcho: list[2], mainWeb: list[3], aApi: list[4], bEcho: list[5], aEcho: list[6], aBEcho: list[7], bWeb: list[8], bEchoL: list[9] };
    const ca = createCa();
    const ips = [...new Set([ADDR.hubForA, ADDR.hubForB, '127.0.0.1'])];
    const write = (name: string, b: { certPem: string; keyPem: string }): void => {
      writeFileSync(f(`${name}.crt`), b.certPem);
      writeFileSync(f(`${name}.key`), b.keyPem);
    };
    writeFileSync(f('ca.crt'), ca.certPem);
    write('hub', issueHubCert(ca, { ips }));
    write('edge-a', issueEdgeCert(ca, 'edge-a'));
    const b = issueEdgeCert(ca, 'edge-b');
    bSerial = certInfo(b.certPem).serial;
    write('edge-b', b);
    writeFileSync(
      f('policy.json'),
      JSON.stringify({
        locations: {
          'edge-a': { allow: ['default/echo:7', 'shop/b-echo:9000'], serves: ['shop/api:8080'] },
          'edge-b': { allow: ['default/echo:7'], serves: ['shop/b-echo:9000'] },
        },
      }),
    );
    writeFileSync(f('revoked.json'), JSON.stringify({ revoked: [] }));
    writeFileSync(f('main-endpoints.json'), JSON.stringify({ 'default/echo:7': [`127.0.0.1:${ports.mainEcho}`], 'default/web:80': [`127.0.0.1:${ports.mainWeb}`] }));
    writeFileSync(f('a-endpoints.json'), JSON.stringify({ 'shop/api:8080': [`127.0.0.1:${ports.aApi}`] }));
    writeFileSync(f('b-endpoints.json'), JSON.stringify({ 'shop/b-echo:9000': [`127.0.0.1:${ports.bEcho}`] }));

    await Promise.all([
      procs.server(NS.hub, 'echo', ports.mainEcho),
      procs.server(NS.hub, 'http', ports.mainWeb, 'main-web'),
      procs.server(NS.a, 'http', ports.aApi, 'edge-a-api'),
      procs.server(NS.b, 'echo', ports.bEcho),
    ]);
    const tlsArgs = (name: string): string[] => ['--cert', f(`${name}.crt`), '--key', f(`${name}.key`), '--ca', f('ca.crt')];
    hubArgs = [
      'hub', '--listen', `0.0.0.0:${ports.hub}`, ...tlsArgs('hub'), '--policy', f('policy.json'),
      '--endpoints', f('main-endpoints.json'), '--revocations', f('revoked.json'),
      '--listener', `shop/api:8080=127.0.0.1:${ports.hubApi}`,
    ];
    hub = await procs.gateway(NS.hub, hubArgs);
    const spoke = (loc: string, hubIp: string, extra: string[]): string[] => [
      'spoke', '--hub', `${hubIp}:${ports.hub}`, '--location', loc, ...tlsArgs(loc), ...extra,
    ];
    await Promise.all([
      procs.gateway(NS.a, spoke('edge-a', ADDR.hubForA, [
        '--endpoints', f('a-endpoints.json'),
        '--listener', `default/echo:7=127.0.0.1:${ports.aEcho}`,
        '--listener', `shop/b-echo:9000=127.0.0.1:${ports.aBEcho}`,
      ])),
      procs.gateway(NS.b, spoke('edge-b', ADDR.hubForB, [
        '--endpoints', f('b-endpoints.json'),
        '--listener', `default/echo:7=127.0.0.1:${ports.bEchoL}`,
        '--listener', `default/web:80=127.0.0.1:${ports.bWeb}`,
      ])),
    ]);
  });

  after(async () => {
    await procs.killAll();
    if (useNetns) deleteNamespaces(Object.values(NS) as string[]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Retries a client until it prints what we expect (the spokes may still be dialling). */
  async function eventually(ns: string | null, args: string[], expected: string, timeoutMs = 8000): Promise<void> {
    const start = Date.now();
    let got = '';
    while (Date.now() - start < timeoutMs) {
      got = tool(ns, args);
      if (got === expected) return;
      await sleep(150);
    }
    assert.equal(got, expected);
  }

  it('edge→main: a client in edge-a reaches the echo service in main', async () => {
    await eventually(NS.a, ['echo', '127.0.0.1', String(ports.aEcho), 'hello main'], 'hello main');
  });

  it('main→edge: a client in main reaches the HTTP service in edge-a', async () => {
    await eventually(NS.hub, ['get', '127.0.0.1', String(ports.hubApi), '/orders'], 'edge-a-api GET /orders');
  });

  it('edge→edge: edge-a reaches edge-b only through the hub', async () => {
    await eventually(NS.a, ['echo', '127.0.0.1', String(ports.aBEcho), 'via hub'], 'via hub');
    if (useNetns) {
      // Inside edge-a (no default route) the edge-b address is simply not routable.
      assert.match(tool(NS.a, ['probe', ADDR.b, String(ports.bEcho)]), /^unreachable/);
    }
  });

  it('edge-b cannot use a service its location is not allowed', () => {
    assert.match(tool(NS.b, ['echo', '127.0.0.1', String(ports.bWeb), 'GET / HTTP/1.0\r\n\r\n']), /^(error|$)/);
  });

  it('the hub port refuses plaintext', () => {
    const got = tool(NS.a, ['echo', ADDR.hubForA, String(ports.hub), 'GET / HTTP/1.1\r\n\r\n']);
    assert.ok(!got.includes('HTTP'), got);
  });

  it('kill the hub mid-stream: the stream is reset, spokes reconnect, new connections work', async () => {
    const client = streamingClient(NS.a, '127.0.0.1', ports.aEcho);
    await client.first;
    await sleep(200);
    await procs.kill(hub);
    assert.equal(await client.outcome, 'reset');
    hub = await procs.gateway(NS.hub, hubArgs);
    await eventually(NS.a, ['echo', '127.0.0.1', String(ports.aEcho), 'back'], 'back', 15_000);
    await eventually(NS.a, ['echo', '127.0.0.1', String(ports.aBEcho), 'b back'], 'b back', 15_000);
  });

  it('revoking edge-b closes its connection and refuses it from then on', async () => {
    writeFileSync(f('revoked.json'), JSON.stringify({ revoked: [{ serial: bSerial, revokedAt: new Date().toISOString() }] }));
    const start = Date.now();
    let got = '';
    while (Date.now() - start < 8000) {
      got = tool(NS.a, ['echo', '127.0.0.1', String(ports.aBEcho), 'to b']);
      if (got !== 'to b') break;
      await sleep(200);
    }
    assert.notEqual(got, 'to b', 'edge-b is no longer reachable');
    await eventually(NS.a, ['echo', '127.0.0.1', String(ports.aEcho), 'a unaffected'], 'a unaffected');
  });
});
