// Joins two byte streams both ways with backpressure (pipe), half-close (end follows end) and error
// propagation (one side failing tears down the other).
import net from 'node:net';
import type { Duplex } from 'node:stream';

/** Tears a side down; a TCP socket gets an RST so the far client sees a reset, not a clean end. */
function abort(d: Duplex): void {
  if (d instanceof net.Socket && !d.destroyed && !d.connecting) {
    try {
      d.resetAndDestroy();
      return;
    } catch {
      // fall through to a plain destroy
    }
  }
  d.destroy();
}

export function splice(a: Duplex, b: Duplex, onClose?: (err?: Error) => void): void {
  let firstError: Error | undefined;
  let closed = 0;
  const fail = (err: Error): void => {
    firstError ??= err;
    abort(a);
    abort(b);
  };
  const done = (): void => {
    closed += 1;
    if (closed === 2) onClose?.(firstError);
  };
  a.on('error', fail);
  b.on('error', fail);
  a.once('close', () => {
    if (!a.writableFinished || !a.readableEnded) abort(b);
    done();
  });
  b.once('close', () => {
    if (!b.writableFinished || !b.readableEnded) abort(a);
    done();
  });
  pump(a, b);
  pump(b, a);
}

/** Bytes a destination may queue before its source is paused. */
const QUEUE_LIMIT = 1024 * 1024;

/**
 * Like pipe, but corks the destination for the rest of the tick so the many small reads that arrive
 * together (16 KiB TLS records, mux frames) leave in one writev, and tolerates up to QUEUE_LIMIT queued
 * bytes before pausing (a socket's own 16 KiB high-water mark would pause on every chunk).
 */
function pump(src: Duplex, dst: Duplex): void {
  let corked = false;
  const uncork = (): void => {
    corked = false;
    dst.uncork();
  };
  src.on('data', (chunk: Buffer) => {
    if (dst.destroyed) return;
    if (!corked) {
      corked = true;
      dst.cork();
      process.nextTick(uncork);
    }
    dst.write(chunk);
    if (dst.writableLength > QUEUE_LIMIT) src.pause();
  });
  dst.on('drain', () => src.resume());
  src.once('end', () => {
    if (!dst.destroyed) dst.end();
  });
}
