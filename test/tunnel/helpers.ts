// Loopback TCP helpers for tunnel tests: socket pairs, echo and sink servers, hashing transfers.
import { createHash } from 'node:crypto';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export async function listen(server: net.Server, host = '127.0.0.1'): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as AddressInfo).port;
}

/** A connected TCP socket pair on loopback. */
export async function socketPair(): Promise<[net.Socket, net.Socket, () => void]> {
  const server = net.createServer({ allowHalfOpen: true });
  const port = await listen(server);
  const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
  const client = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  const other = await accepted;
  server.close();
  return [client, other, () => (client.destroy(), other.destroy())];
}

/** TCP echo server: writes back whatever it reads, half-closes after the client does. */
export async function echoServer(): Promise<{ port: number; close: () => void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer({ allowHalfOpen: true }, (s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
    s.pipe(s);
  });
  const port = await listen(server);
  return { port, close: () => (server.close(), sockets.forEach((s) => s.destroy())) };
}

/** Sink: hashes everything it reads, then replies with the hex sha256 and closes. */
export async function hashServer(): Promise<{ port: number; close: () => void }> {
  const server = net.createServer({ allowHalfOpen: true }, (s) => {
    const h = createHash('sha256');
    s.on('error', () => undefined);
    s.on('data', (c: Buffer) => h.update(c));
    s.on('end', () => s.end(h.digest('hex')));
  });
  const port = await listen(server);
  return { port, close: () => server.close() };
}

/** A server that accepts and never reads: the slowest possible reader. */
export async function stalledServer(): Promise<{ port: number; close: () => void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.pause();
    s.on('error', () => undefined);
  });
  const port = await listen(server);
  return { port, close: () => (server.close(), sockets.forEach((s) => s.destroy())) };
}

/** Writes chunks until the socket stays blocked for `quietMs`; returns the bytes it accepted. */
export async function fillUntilBlocked(s: Duplex, limit: number, quietMs = 300): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024, 7);
  let accepted = 0;
  while (accepted < limit) {
    accepted += chunk.length;
    if (s.write(chunk)) continue;
    const drained = await new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), quietMs);
      s.once('drain', () => (clearTimeout(t), resolve(true)));
    });
    if (!drained) break;
  }
  return accepted;
}

export function readAll(s: Duplex): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    s.on('data', (c: Buffer) => parts.push(c));
    s.on('end', () => resolve(Buffer.concat(parts)));
    s.on('error', reject);
  });
}

/** Deterministic pseudo-random payload (fast to make, not all zeros). */
export function payload(bytes: number, seed = 1): Buffer {
  const b = Buffer.allocUnsafe(bytes);
  let x = seed >>> 0 || 1;
  for (let i = 0; i + 4 <= bytes; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b.writeUInt32LE(x >>> 0, i);
  }
  for (let i = bytes - (bytes % 4); i < bytes; i++) b[i] = i & 0xff;
  return b;
}

export function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

/** Writes `data` in chunks honouring backpressure, then ends. */
export async function writeAll(s: Duplex, data: Buffer, chunk = 256 * 1024): Promise<void> {
  for (let off = 0; off < data.length; off += chunk) {
    if (!s.write(data.subarray(off, off + chunk))) {
      await new Promise<void>((resolve, reject) => {
        s.once('drain', resolve);
        s.once('error', reject);
      });
    }
  }
  s.end();
}

export function waitFor(cond: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (cond()) return resolve();
      if (Date.now() - start > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
