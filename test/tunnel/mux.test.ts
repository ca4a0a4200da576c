import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  FrameDecoder,
  FrameType,
  MuxSession,
  ProtocolError,
  ResetCode,
  StreamResetError,
  encodeControl,
  encodeHeader,
  type MuxStream,
} from '../../src/tunnel/mux/index.ts';
import { payload, readAll, sha256, sleep, socketPair, waitFor, writeAll } from './helpers.ts';

function collect(): { frames: Array<[number, number, string]>; data: Buffer[]; sink: FrameDecoder } {
  const frames: Array<[number, number, string]> = [];
  const data: Buffer[] = [];
  const sink = new FrameDecoder(
    {
      data: (id, c) => data.push(Buffer.from(c)),
      control: (t, id, p) => frames.push([t, id, p.toString('utf8')]),
    },
    1024,
  );
  return { frames, data, sink };
}

test('decoder reassembles frames split at every byte boundary and streams DATA without waiting', () => {
  const wire = Buffer.concat([
    encodeControl(FrameType.OPEN, 1, Buffer.from('default/web:80')),
    encodeHeader(FrameType.DATA, 1, 5),
    Buffer.from('hello'),
    encodeControl(FrameType.FIN, 1),
  ]);
  for (let split = 1; split < wire.length; split++) {
    const { frames, data, sink } = collect();
    sink.push(wire.subarray(0, split));
    sink.push(wire.subarray(split));
    assert.deepEqual(frames, [
      [FrameType.OPEN, 1, 'default/web:80'],
      [FrameType.FIN, 1, ''],
    ]);
    assert.equal(Buffer.concat(data).toString(), 'hello');
  }
});

test('decoder rejects unknown types and oversized frames', () => {
  assert.throws(() => collect().sink.push(Buffer.from([99, 0, 0, 0, 1, 0, 0, 0, 0])), ProtocolError);
  assert.throws(() => collect().sink.push(encodeHeader(FrameType.DATA, 1, 4096)), ProtocolError);
  assert.throws(() => collect().sink.push(encodeHeader(FrameType.OPEN, 1, 1 << 20)), ProtocolError);
});

async function sessionPair(window = 1024 * 1024): Promise<[MuxSession, MuxSession, () => void]> {
  const [a, b, close] = await socketPair();
  const client = new MuxSession(a, 'client', { window, keepaliveMs: 0 });
  const server = new MuxSession(b, 'server', { window, keepaliveMs: 0 });
  return [client, server, () => (client.destroy(), server.destroy(), close())];
}

test('streams opened from both sides carry data and half-close independently', async () => {
  const [client, server, close] = await sessionPair();
  const echo = (s: MuxStream): void => void s.pipe(s);
  server.on('stream', echo);
  client.on('stream', echo);
  const a = client.open('x/a:1');
  const b = server.open('x/b:2');
  const gotA = readAll(a);
  const gotB = readAll(b);
  a.end('from client');
  b.end('from server');
  assert.equal((await gotA).toString(), 'from client');
  assert.equal((await gotB).toString(), 'from server');
  await waitFor(() => client.streamCount === 0 && server.streamCount === 0, 2000, 'streams to close');
  close();
});

test('large transfer over many concurrent streams arrives intact', async () => {
  const [client, server, close] = await sessionPair(512 * 1024);
  server.on('stream', (s) => void s.pipe(s));
  const jobs = Array.from({ length: 32 }, async (_, i) => {
    const data = payload(1024 * 1024 + i * 17, i + 1);
    const s = client.open(`t/${i}:1`);
    const got = readAll(s);
    await writeAll(s, data, 100_000);
    assert.equal(sha256(await got), sha256(data));
  });
  await Promise.all(jobs);
  close();
});

test('a slow reader holds the sender to its window; other streams keep flowing', async () => {
  const window = 512 * 1024;
  const [client, server, close] = await sessionPair(window);
  const opened: MuxStream[] = [];
  server.on('stream', (s) => {
    s.on('error', () => undefined);
    opened.push(s);
    if (s.target === 'fast') s.pipe(s);
  });
  const slow = client.open('slow');
  slow.on('error', () => undefined);
  let accepted = 0;
  const chunk = Buffer.alloc(64 * 1024);
  // Write until the stream pushes back and stays blocked.
  for (let i = 0; i < 400; i++) {
    accepted += chunk.length;
    if (!slow.write(chunk)) {
      const drained = await Promise.race([
        new Promise<boolean>((r) => slow.once('drain', () => r(true))),
        sleep(200).then(() => false),
      ]);
      if (!drained) break;
    }
  }
  // Bounded by the receive window plus the stream's own write buffer, far below 400 × 64 KiB.
  assert.ok(accepted <= window + 2 * 1024 * 1024, `accepted ${accepted}`);
  const stalled = opened.find((s) => s.target === 'slow');
  assert.ok(stalled && stalled.readableLength <= window);

  const fast = client.open('fast');
  const got = readAll(fast);
  fast.end('still flowing');
  assert.equal((await got).toString(), 'still flowing');

  // Draining the slow stream grants window again and the writer unblocks.
  stalled.resume();
  slow.end();
  await new Promise<void>((r) => slow.once('finish', () => r()));
  close();
});

test('reset propagates with its code; session close resets open streams', async () => {
  const [client, server, close] = await sessionPair();
  server.on('stream', (s) => s.reset(ResetCode.FORBIDDEN, 'not allowed'));
  const s = client.open('nope');
  const err = await new Promise<Error>((r) => s.on('error', r));
  assert.ok(err instanceof StreamResetError);
  assert.equal(err.code, ResetCode.FORBIDDEN);

  server.removeAllListeners('stream');
  server.on('stream', (st) => st.on('error', () => undefined));
  const open = client.open('hang');
  const err2 = new Promise<Error>((r) => open.on('error', r));
  server.destroy();
  assert.equal(((await err2) as StreamResetError).code, ResetCode.SESSION_CLOSED);
  close();
});

test('ping measures a round trip; GOAWAY refuses new streams and ends the session when idle', async () => {
  const [client, server, close] = await sessionPair();
  server.on('stream', (s) => void s.pipe(s));
  assert.ok((await client.ping()) >= 0);
  const live = client.open('live');
  await sleep(20);
  server.goAway();
  await waitFor(() => client.isDraining, 1000, 'goaway');
  assert.throws(() => client.open('new'));
  const got = readAll(live);
  live.end('bye');
  assert.equal((await got).toString(), 'bye');
  await waitFor(() => client.closed && server.closed, 2000, 'session end');
  close();
});
