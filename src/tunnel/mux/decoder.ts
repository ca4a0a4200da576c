// Incremental frame parser. DATA payloads are handed on as slices of the incoming chunks as they arrive
// (no copy, no waiting for the whole frame); only headers and small control payloads are buffered.
import { FrameType, HEADER_BYTES, MAX_CONTROL_PAYLOAD, isKnownType } from './frame.ts';

export interface FrameSink {
  data(id: number, chunk: Buffer): void;
  control(type: FrameType, id: number, payload: Buffer): void;
}

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export class FrameDecoder {
  private readonly header = Buffer.alloc(HEADER_BYTES);
  private headerFill = 0;
  private type: FrameType = FrameType.DATA;
  private id = 0;
  private remaining = 0;
  private control: Buffer | null = null;
  private controlFill = 0;
  private inBody = false;

  constructor(
    private readonly sink: FrameSink,
    private readonly maxData: number,
  ) {}

  push(chunk: Buffer): void {
    let off = 0;
    while (off < chunk.length) {
      off = this.inBody ? this.body(chunk, off) : this.fillHeader(chunk, off);
    }
  }

  private fillHeader(chunk: Buffer, off: number): number {
    const n = Math.min(HEADER_BYTES - this.headerFill, chunk.length - off);
    chunk.copy(this.header, this.headerFill, off, off + n);
    this.headerFill += n;
    if (this.headerFill === HEADER_BYTES) this.startFrame();
    return off + n;
  }

  private startFrame(): void {
    this.headerFill = 0;
    const t = this.header.readUInt8(0);
    if (!isKnownType(t)) throw new ProtocolError(`unknown frame type ${t}`);
    this.type = t;
    this.id = this.header.readUInt32BE(1);
    this.remaining = this.header.readUInt32BE(5);
    const isData = t === FrameType.DATA;
    if (this.remaining > (isData ? this.maxData : MAX_CONTROL_PAYLOAD)) {
      throw new ProtocolError(`frame type ${t} too large: ${this.remaining} bytes`);
    }
    if (isData) {
      this.inBody = this.remaining > 0;
      return;
    }
    this.control = Buffer.allocUnsafe(this.remaining);
    this.controlFill = 0;
    this.inBody = true;
    if (this.remaining === 0) this.finishControl();
  }

  private body(chunk: Buffer, off: number): number {
    const n = Math.min(this.remaining, chunk.length - off);
    this.remaining -= n;
    if (this.type === FrameType.DATA) {
      if (this.remaining === 0) this.inBody = false;
      this.sink.data(this.id, chunk.subarray(off, off + n));
      return off + n;
    }
    const ctl = this.control as Buffer;
    chunk.copy(ctl, this.controlFill, off, off + n);
    this.controlFill += n;
    if (this.remaining === 0) this.finishControl();
    return off + n;
  }

  private finishControl(): void {
    const payload = this.control as Buffer;
    this.control = null;
    this.inBody = false;
    this.sink.control(this.type, this.id, payload);
  }
}
