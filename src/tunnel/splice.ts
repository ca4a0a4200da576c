// Joins two byte streams both ways with backpressure (pipe), half-close (end follows end) and error
// propagation (one side failing tears down the other).
import type { Duplex } from 'node:stream';

export function splice(a: Duplex, b: Duplex, onClose?: (err?: Error) => void): void {
  let firstError: Error | undefined;
  let closed = 0;
  const fail = (err: Error): void => {
    firstError ??= err;
    a.destroy();
    b.destroy();
  };
  const done = (): void => {
    closed += 1;
    if (closed === 2) onClose?.(firstError);
  };
  a.on('error', fail);
  b.on('error', fail);
  a.once('close', () => {
    if (!a.writableFinished || !a.readableEnded) b.destroy();
    done();
  });
  b.once('close', () => {
    if (!b.writableFinished || !b.readableEnded) a.destroy();
    done();
  });
  a.pipe(b);
  b.pipe(a);
}
