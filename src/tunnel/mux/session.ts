// A mux session over one (TLS) connection: many independent streams, opened from either side, each with
// its own flow-control window; keepalive pings; GOAWAY for graceful drain (certificate rotation).
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { FrameDecoder, ProtocolError, type FrameSink } from './decoder.ts';
import {
  FrameType,
  ResetCode,
  decodeReset,
  decodeSettings,
  encodeControl,
  encodeHeader,
  encodeReset,
  encodeSettings,
  u32,
} from './frame.ts';
import { MuxStream, type StreamHost } from './stream.ts';
import { FrameWriter } from './writer.ts';

export interface MuxOptions {
  /** Initial receive window per stream, bytes. 64 KiB throttles any WAN link; default 8 MiB. */
  window?: number;
  /** Largest DATA payload we send and accept, bytes (default 64 KiB). */
  maxFrame?: number;
  /** Streams the peer may have open at once (default 8192). */
  maxStreams?: number;
  /** Ping interval; 0 disables keepalive (default 10 s). */
  keepaliveMs?: number;
  /** A ping unanswered for this long closes the session (default 30 s). */
  keepaliveTimeoutMs?: number;
  /** Counts DATA payload bytes, for metrics. */
  onBytes?: (direction: 'in' | 'out', n: number) => void;
  /** Every measured ping round trip, in milliseconds (keepalive included). */
  onRtt?: (ms: number) => void;
}

export const DEFAULT_WINDOW = 8 * 1024 * 1024;
export const MIN_WINDOW = 256 * 1024;
const DEFAULT_MAX_FRAME = 64 * 1024;
/** What we assume of the peer until its SETTINGS arrive. */
const ASSUMED_PEER = { window: MIN_WINDOW, maxFrame: 16 * 1024 };

type Hooks = 'onBytes' | 'onRtt';
type Resolved = Required<Omit<MuxOptions, Hooks>> & Pick<MuxOptions, Hooks>;

function resolve(o: MuxOptions): Resolved {
  return {
    window: Math.max(MIN_WINDOW, o.window ?? DEFAULT_WINDOW),
    maxFrame: Math.max(1024, o.maxFrame ?? DEFAULT_MAX_FRAME),
    maxStreams: o.maxStreams ?? 8192,
    keepaliveMs: o.keepaliveMs ?? 10_000,
    keepaliveTimeoutMs: o.keepaliveTimeoutMs ?? 30_000,
    onBytes: o.onBytes,
    onRtt: o.onRtt,
  };
}

interface PendingPing {
  start: bigint;
  resolve: (rttMs: number) => void;
  reject: (err: Error) => void;
}

interface SessionEvents {
  stream: [MuxStream];
  close: [Error | undefined];
  goaway: [];
}

export class MuxSession extends EventEmitter<SessionEvents> implements StreamHost, FrameSink {
  private readonly opts: Resolved;
  private readonly writer: FrameWriter;
  private readonly decoder: FrameDecoder;
  private readonly streams = new Map<number, MuxStream>();
  private readonly pings = new Map<number, PendingPing>();
  private peer = { ...ASSUMED_PEER };
  private nextId: number;
  private lastRemoteId = 0;
  private pingSeq = 0;
  private timer: NodeJS.Timeout | null = null;
  private closedFlag = false;
  private draining = false;
  private peerGoingAway = false;

  constructor(
    readonly socket: Duplex,
    readonly role: 'client' | 'server',
    options: MuxOptions = {},
  ) {
    super();
    this.opts = resolve(options);
    this.nextId = role === 'client' ? 1 : 2;
    this.writer = new FrameWriter(socket);
    this.decoder = new FrameDecoder(this, this.opts.maxFrame);
    socket.on('data', (chunk: Buffer) => this.onSocketData(chunk));
    socket.on('error', (err: Error) => this.destroy(err));
    socket.on('end', () => this.destroy());
    socket.on('close', () => this.destroy());
    this.writer.write(encodeControl(FrameType.SETTINGS, 0, encodeSettings(this.opts)));
    this.startKeepalive();
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  get streamCount(): number {
    return this.streams.size;
  }

  /** True once either side announced GOAWAY: no new streams should be opened here. */
  get isDraining(): boolean {
    return this.draining || this.peerGoingAway;
  }

  /** Opens a stream to `target` on the peer. Data may be written at once (no round trip before it). */
  open(target: string): MuxStream {
    if (this.closedFlag) throw new Error('mux session closed');
    if (this.peerGoingAway) throw new Error('peer is going away');
    const id = this.nextId;
    this.nextId += 2;
    const s = this.makeStream(id, target);
    this.writer.write(encodeControl(FrameType.OPEN, id, Buffer.from(target, 'utf8')));
    return s;
  }

  /** Round-trip time in milliseconds. */
  ping(): Promise<number> {
    if (this.closedFlag) return Promise.reject(new Error('mux session closed'));
    const seq = ++this.pingSeq >>> 0;
    return new Promise((resolve, reject) => {
      this.pings.set(seq, { start: process.hrtime.bigint(), resolve, reject });
      const p = Buffer.alloc(8);
      p.writeUInt32BE(seq, 0);
      this.writer.write(encodeControl(FrameType.PING, 0, p));
    });
  }

  /** No new streams from the peer; the session ends once the open ones finish. */
  goAway(): void {
    if (this.draining || this.closedFlag) return;
    this.draining = true;
    this.writer.write(encodeControl(FrameType.GOAWAY, 0));
    this.endIfDrained();
  }

  destroy(err?: Error): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    if (this.timer) clearInterval(this.timer);
    const reason = err?.message ?? 'session closed';
    for (const s of [...this.streams.values()]) s.onReset(ResetCode.SESSION_CLOSED, reason);
    for (const p of this.pings.values()) p.reject(new Error('mux session closed'));
    this.pings.clear();
    this.socket.destroy();
    this.writer.releaseWaiters();
    this.emit('close', err);
  }

  // --- FrameSink ---

  data(id: number, chunk: Buffer): void {
    this.opts.onBytes?.('in', chunk.length);
    this.streams.get(id)?.onData(chunk);
  }

  control(type: FrameType, id: number, payload: Buffer): void {
    if (type === FrameType.SETTINGS) return this.onSettings(payload);
    if (type === FrameType.OPEN) return this.onOpen(id, payload.toString('utf8'));
    if (type <= FrameType.RESET) return this.streamControl(type, id, payload);
    if (type === FrameType.PING) {
      this.writer.write(encodeControl(FrameType.PONG, id, payload));
    } else if (type === FrameType.PONG) {
      this.onPong(payload);
    } else if (type === FrameType.GOAWAY) {
      this.peerGoingAway = true;
      this.emit('goaway');
    }
  }

  private streamControl(type: FrameType, id: number, payload: Buffer): void {
    const s = this.streams.get(id);
    if (!s) return;
    if (type === FrameType.WINDOW) s.onWindow(payload.length >= 4 ? payload.readUInt32BE(0) : 0);
    else if (type === FrameType.FIN) s.onFin();
    else if (type === FrameType.RESET) {
      const { code, message } = decodeReset(payload);
      s.onReset(code, message);
    }
  }

  // --- StreamHost ---

  sendData(id: number, chunk: Buffer): void {
    this.opts.onBytes?.('out', chunk.length);
    this.writer.write(encodeHeader(FrameType.DATA, id, chunk.length));
    this.writer.write(chunk);
  }

  sendWindow(id: number, increment: number): void {
    this.writer.write(encodeControl(FrameType.WINDOW, id, u32(increment)));
  }

  sendFin(id: number): void {
    this.writer.write(encodeControl(FrameType.FIN, id));
  }

  sendReset(id: number, code: ResetCode, message: string): void {
    this.writer.write(encodeControl(FrameType.RESET, id, encodeReset(code, message)));
  }

  whenWritable(fn: () => void): void {
    this.writer.whenWritable(fn);
  }

  maxFrame(): number {
    return Math.min(this.opts.maxFrame, this.peer.maxFrame);
  }

  streamClosed(stream: MuxStream): void {
    if (this.streams.get(stream.id) === stream) this.streams.delete(stream.id);
    this.endIfDrained();
  }

  // --- internals ---

  private onSocketData(chunk: Buffer): void {
    try {
      this.decoder.push(chunk);
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      this.destroy(err);
    }
  }

  private makeStream(id: number, target: string): MuxStream {
    const s = new MuxStream(id, target, this, { send: this.peer.window, receive: this.opts.window });
    this.streams.set(id, s);
    return s;
  }

  private onSettings(payload: Buffer): void {
    const s = decodeSettings(payload);
    if (!s) return this.destroy(new ProtocolError('bad SETTINGS frame'));
    const delta = s.window - this.peer.window;
    this.peer = { window: s.window, maxFrame: Math.max(1024, s.maxFrame) };
    if (delta !== 0) for (const st of this.streams.values()) st.adjustSendWindow(delta);
  }

  private onOpen(id: number, target: string): void {
    const remoteParity = this.role === 'client' ? 0 : 1;
    if (id % 2 !== remoteParity || id <= this.lastRemoteId) {
      return this.destroy(new ProtocolError(`bad stream id ${id} in OPEN`));
    }
    this.lastRemoteId = id;
    if (this.draining || this.streams.size >= this.opts.maxStreams) {
      return this.sendReset(id, ResetCode.REFUSED, this.draining ? 'going away' : 'too many streams');
    }
    this.emit('stream', this.makeStream(id, target));
  }

  private onPong(payload: Buffer): void {
    if (payload.length < 4) return;
    const seq = payload.readUInt32BE(0);
    const p = this.pings.get(seq);
    if (!p) return;
    this.pings.delete(seq);
    const ms = Number(process.hrtime.bigint() - p.start) / 1e6;
    this.opts.onRtt?.(ms);
    p.resolve(ms);
  }

  private startKeepalive(): void {
    const every = this.opts.keepaliveMs;
    if (every <= 0) return;
    let outstanding: number | null = null;
    this.timer = setInterval(() => {
      if (outstanding !== null && Date.now() - outstanding > this.opts.keepaliveTimeoutMs) {
        this.destroy(new Error('keepalive timeout'));
        return;
      }
      if (outstanding !== null) return;
      outstanding = Date.now();
      this.ping().then(
        () => (outstanding = null),
        () => undefined,
      );
    }, every);
    this.timer.unref();
  }

  private endIfDrained(): void {
    if (this.draining && this.streams.size === 0 && !this.closedFlag) {
      this.socket.end();
    }
  }
}
