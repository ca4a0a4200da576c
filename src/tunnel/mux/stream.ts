// One multiplexed byte stream: a Duplex whose writes wait for the peer's window (backpressure reaches the
// writer through the write callback) and whose reads grant the peer more window only once consumed.
import { Duplex } from 'node:stream';
import { ResetCode, resetCodeName } from './frame.ts';

/** What a stream needs from its session. */
export interface StreamHost {
  sendData(id: number, chunk: Buffer): void;
  sendWindow(id: number, increment: number): void;
  sendFin(id: number): void;
  sendReset(id: number, code: ResetCode, message: string): void;
  whenWritable(fn: () => void): void;
  maxFrame(): number;
  streamClosed(stream: MuxStream): void;
}

export class StreamResetError extends Error {
  override name = 'StreamResetError';
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`stream reset (${resetCodeName(code)})${message ? `: ${message}` : ''}`);
  }
}

interface PendingWrite {
  chunk: Buffer;
  cb: (err?: Error | null) => void;
}

export class MuxStream extends Duplex {
  private sendWindow: number;
  private received = 0;
  private credited = 0;
  private pending: PendingWrite | null = null;
  private resetByPeer = false;
  private finSent = false;
  private localReset: ResetCode | null = null;
  bytesIn = 0;
  bytesOut = 0;

  constructor(
    readonly id: number,
    readonly target: string,
    private readonly host: StreamHost,
    windows: { send: number; receive: number },
  ) {
    super({ allowHalfOpen: true, readableHighWaterMark: 256 * 1024, writableHighWaterMark: 256 * 1024 });
    this.sendWindow = windows.send;
    this.recvWindow = windows.receive;
  }

  private readonly recvWindow: number;

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.pending = { chunk, cb };
    this.pump();
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.finSent = true;
    this.host.sendFin(this.id);
    cb();
  }

  override _read(): void {
    this.grantConsumed();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.tellPeer(err);
    const p = this.pending;
    this.pending = null;
    this.host.streamClosed(this);
    if (p) p.cb(err ?? new Error('stream destroyed'));
    cb(err);
  }

  /** A stream that did not finish cleanly both ways is reset on the peer too (unless the peer reset it). */
  private tellPeer(err: Error | null): void {
    const clean = !err && this.finSent && this.readableEnded;
    if (clean || this.resetByPeer) return;
    const code = this.localReset ?? (err instanceof StreamResetError ? err.code : ResetCode.CANCEL);
    this.host.sendReset(this.id, code as ResetCode, err?.message ?? this.resetMessage);
  }

  /** Resets the stream with a code (and reason) the peer sees; no error is emitted locally. */
  reset(code: ResetCode, message = ''): void {
    if (this.destroyed) return;
    this.localReset = code;
    this.resetMessage = message;
    this.destroy();
  }

  private resetMessage = '';

  // --- called by the session ---

  onData(chunk: Buffer): void {
    if (this.received + chunk.length - this.credited > this.recvWindow) {
      this.localReset = ResetCode.FLOW_CONTROL;
      this.destroy(new StreamResetError(ResetCode.FLOW_CONTROL, 'peer exceeded the stream window'));
      return;
    }
    this.received += chunk.length;
    this.bytesIn += chunk.length;
    if (this.readableEnded || this.destroyed) return;
    this.push(chunk);
    this.grantConsumed();
  }

  onWindow(increment: number): void {
    this.sendWindow += increment;
    if (this.pending) this.pump();
  }

  onFin(): void {
    this.push(null);
  }

  onReset(code: number, message: string): void {
    this.resetByPeer = true;
    // A peer CANCEL after we both half-closed is not an error for the local user.
    this.destroy(code === ResetCode.CANCEL && this.readableEnded ? undefined : new StreamResetError(code, message));
  }

  /** Applies a change in the peer's initial window (SETTINGS arriving after the stream opened). */
  adjustSendWindow(delta: number): void {
    this.onWindow(delta);
  }

  private pump(): void {
    const p = this.pending;
    if (!p || this.destroyed) return;
    const max = this.host.maxFrame();
    let off = 0;
    while (off < p.chunk.length && this.sendWindow > 0) {
      const n = Math.min(p.chunk.length - off, this.sendWindow, max);
      this.host.sendData(this.id, p.chunk.subarray(off, off + n));
      off += n;
      this.sendWindow -= n;
      this.bytesOut += n;
    }
    if (off < p.chunk.length) {
      p.chunk = p.chunk.subarray(off);
      return;
    }
    this.pending = null;
    this.host.whenWritable(() => p.cb());
  }

  private grantConsumed(): void {
    const consumed = this.received - this.readableLength;
    const owed = consumed - this.credited;
    if (owed <= 0 || this.destroyed) return;
    // Batched credit: one WINDOW frame per quarter window consumed. Progress is guaranteed because a
    // blocked sender has a full window outstanding, which the reader drains below its high-water mark.
    if (owed >= this.recvWindow / 4) {
      this.credited += owed;
      this.host.sendWindow(this.id, owed);
    }
  }
}
