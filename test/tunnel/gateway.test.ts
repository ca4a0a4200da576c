import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { ResetCode, StreamResetError } from '../../src/tunnel/mux/index.ts';
import { fillUntilBlocked, payload, readAll, sha256, sleep } from './helpers.ts';
import { SVC, httpGet, roundTrip, world, type World } from './fixture.ts';

let w: World;
before(async () => {
  w = await world();
});
after(async () => {
  await w.close();
});

test('edge→main: echo and HTTP through spoke A, hub, real endpoints', async () => {
  assert.equal((await roundTrip(w.portA(SVC.mainEcho), 'ping')).toString(), 'ping');
  assert.equal(await httpGet(w.portA(SVC.mainWeb), '/hello'), 'main-web GET /hello');
});

test('main→edge: the hub listener reaches the HTTP server behind spoke A', async () => {
  assert.equal(await httpGet(w.edgeApiPort, '/items'), 'edge-a-api GET /items');
});

test('edge→edge: spoke A → hub → spoke B → echo in edge-b', async () => {
  assert.equal((await roundTrip(w.portA(SVC.edgeBEcho), 'across edges')).toString(), 'across edges');
});

test('200 concurrent streams keep their own bytes', async () => {
  const jobs = Array.from({ length: 200 }, async (_, i) => {
    const data = payload(1000 + i * 97, i + 7);
    const port = i % 2 ? w.portA(SVC.mainEcho) : w.portA(SVC.edgeBEcho);
    assert.equal(sha256(await roundTrip(port, data)), sha256(data));
  });
  await Promise.all(jobs);
});

test('large transfers arrive intact (32 MiB edge→main, 16 MiB edge→edge)', async () => {
  const big = payload(32 * 1024 * 1024, 3);
  const got = await roundTrip(w.portA(SVC.mainHash), big);
  assert.equal(got.toString(), sha256(big));
  const mid = payload(16 * 1024 * 1024, 4);
  assert.equal(sha256(await roundTrip(w.portA(SVC.edgeBEcho), mid)), sha256(mid));
});

test('a slow reader behind the tunnel pushes back on the writer instead of buffering', async () => {
  const sock = net.connect({ host: '127.0.0.1', port: w.portA(SVC.mainSlow) });
  sock.on('error', () => undefined);
  await new Promise((r) => sock.once('connect', r));
  const before = process.memoryUsage().arrayBuffers;
  const accepted = await fillUntilBlocked(sock, 512 * 1024 * 1024);
  const grown = process.memoryUsage().arrayBuffers - before;
  sock.destroy();
  // Kernel socket buffers on two TCP hops plus two 1 MiB stream windows; nowhere near the 512 MiB offered.
  assert.ok(accepted < 64 * 1024 * 1024, `accepted ${accepted >> 20} MiB`);
  assert.ok(grown < 32 * 1024 * 1024, `user-space buffers grew ${grown >> 20} MiB`);
});

test('a location cannot reach a service outside its allow-list', async () => {
  // The spoke answers the refused stream with a TCP reset to the local client.
  await assert.rejects(roundTrip(w.portB(SVC.mainWeb), 'GET / HTTP/1.0\r\n\r\n'), /ECONNRESET/);
  const s = await w.spokeB.openStream(SVC.edgeApi);
  const err = await new Promise<Error>((r) => s.on('error', r));
  assert.ok(err instanceof StreamResetError && err.code === ResetCode.FORBIDDEN, String(err));
});

test('the hub port speaks no plaintext', async () => {
  const got = await roundTrip(w.hubPort, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  assert.ok(!got.toString('latin1').includes('HTTP'), 'no HTTP answer');
});

test('metrics count bytes, streams and refusals per location', async () => {
  const text = await w.hub.metrics.registry.metrics();
  assert.match(text, /omni_tunnel_bytes_total\{location="edge-a",direction="in"\} [1-9]/);
  assert.match(text, /omni_tunnel_connect_errors_total\{location="edge-b",reason="forbidden"\} [1-9]/);
  assert.match(text, /omni_tunnel_streams_total\{location="edge-b",route="edge-to-edge"\} [1-9]/);
  const spokeText = await w.spokeA.metrics.registry.metrics();
  assert.match(spokeText, /omni_tunnel_rtt_seconds_count\{location="edge-a"\} [1-9]/);
});

test('kill the hub mid-stream: spokes reconnect and new connections work', async () => {
  const port = w.hubPort;
  const s = await w.spokeA.openStream(SVC.mainHash);
  const outcome = readAll(s).then(
    () => 'ended',
    () => 'reset',
  );
  s.write(payload(4 * 1024 * 1024, 9));
  await w.hub.close();
  assert.equal(await outcome, 'reset');
  // A connection made while the hub is down waits for the link instead of failing.
  const waiting = roundTrip(w.portA(SVC.mainEcho), 'queued while down');
  await sleep(100);
  await w.startHub(port);
  assert.equal((await waiting).toString(), 'queued while down');
  await Promise.all([w.spokeA.ready(5000), w.spokeB.ready(5000)]);
  assert.equal((await roundTrip(w.portA(SVC.mainEcho), 'after restart')).toString(), 'after restart');
  assert.equal((await roundTrip(w.portA(SVC.edgeBEcho), 'edge again')).toString(), 'edge again');
  assert.equal(await httpGet(w.edgeApiPort, '/again'), 'edge-a-api GET /again');
});
