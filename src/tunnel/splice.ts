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
  a.pipe(b);
  b.pipe(a);
}
