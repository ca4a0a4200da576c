// Coalesces frame writes: the first write in a tick corks the socket, a microtask-later uncork sends all
// queued buffers in one writev (one TLS record batch instead of one per frame).
import type { Duplex } from 'node:stream';

export class FrameWriter {
  private corked = false;
  private waiters: Array<() => void> = [];

  /**
   * Bytes we let queue in the socket before making stream writers wait. A TLS socket's own high-water
   * mark is 16 KiB; waiting for 'drain' at that level turns bulk transfer into stop-and-go.
   */
  constructor(
    private readonly socket: Duplex,
    private readonly budget = 1024 * 1024,
  ) {
    socket.on('drain', () => this.releaseWaiters());
  }

  /** Queues a buffer; false when the socket's buffer is over its high-water mark. */
  write(buf: Buffer): boolean {
    if (this.socket.destroyed) return false;
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => this.flush());
    }
    return this.socket.write(buf);
  }

  /** Calls `fn` once the socket can take more data (now, if it already can). */
  whenWritable(fn: () => void): void {
    if (this.socket.writableLength < this.budget || this.socket.destroyed) {
      fn();
      return;
    }
    this.waiters.push(fn);
  }

  /** Wakes everything waiting for drain (used when the socket goes away). */
  releaseWaiters(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }

  private flush(): void {
    this.corked = false;
    this.socket.uncork();
  }
}
