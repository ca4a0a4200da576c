// Wire format of the tunnel mux: a 9-byte header (type u8, stream id u32, payload length u32) and a payload.
// DATA payloads are raw bytes; control payloads are tiny and binary (no JSON anywhere on the wire).

export const HEADER_BYTES = 9;

export const FrameType = {
  SETTINGS: 0,
  OPEN: 1,
  DATA: 2,
  WINDOW: 3,
  FIN: 4,
  RESET: 5,
  PING: 6,
  PONG: 7,
  GOAWAY: 8,
} as const;
export type FrameType = (typeof FrameType)[keyof typeof FrameType];

/** Why a stream was reset; carried in RESET frames. */
export const ResetCode = {
  CANCEL: 0,
  PROTOCOL: 1,
  REFUSED: 2,
  FORBIDDEN: 3,
  NO_ROUTE: 4,
  CONNECT_FAILED: 5,
  FLOW_CONTROL: 6,
  INTERNAL: 7,
  SESSION_CLOSED: 8,
} as const;
export type ResetCode = (typeof ResetCode)[keyof typeof ResetCode];

const RESET_NAMES = new Map<number, string>(Object.entries(ResetCode).map(([k, v]) => [v, k]));

export function resetCodeName(code: number): string {
  return RESET_NAMES.get(code) ?? `UNKNOWN_${code}`;
}

/** Largest control payload a peer accepts (targets, reset reasons, settings). */
export const MAX_CONTROL_PAYLOAD = 4096;

export function isKnownType(t: number): t is FrameType {
  return t >= FrameType.SETTINGS && t <= FrameType.GOAWAY;
}

export function encodeHeader(type: FrameType, id: number, length: number): Buffer {
  const h = Buffer.allocUnsafe(HEADER_BYTES);
  h.writeUInt8(type, 0);
  h.writeUInt32BE(id, 1);
  h.writeUInt32BE(length, 5);
  return h;
}

/** A whole control frame in one buffer. */
export function encodeControl(type: FrameType, id: number, payload?: Buffer): Buffer {
  const len = payload?.length ?? 0;
  const b = Buffer.allocUnsafe(HEADER_BYTES + len);
  b.writeUInt8(type, 0);
  b.writeUInt32BE(id, 1);
  b.writeUInt32BE(len, 5);
  if (payload) payload.copy(b, HEADER_BYTES);
  return b;
}

export function u32(n: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32BE(n >>> 0, 0);
  return b;
}

export function encodeReset(code: ResetCode, message: string): Buffer {
  const msg = Buffer.from(message.slice(0, 512), 'utf8');
  const b = Buffer.allocUnsafe(2 + msg.length);
  b.writeUInt16BE(code, 0);
  msg.copy(b, 2);
  return b;
}

export function decodeReset(payload: Buffer): { code: number; message: string } {
  if (payload.length < 2) return { code: ResetCode.PROTOCOL, message: 'short reset frame' };
  return { code: payload.readUInt16BE(0), message: payload.subarray(2).toString('utf8') };
}

/** SETTINGS: the sender's initial per-stream receive window and its largest accepted DATA payload. */
export interface PeerSettings {
  window: number;
  maxFrame: number;
}

export function encodeSettings(s: PeerSettings): Buffer {
  const b = Buffer.allocUnsafe(8);
  b.writeUInt32BE(s.window, 0);
  b.writeUInt32BE(s.maxFrame, 4);
  return b;
}

export function decodeSettings(payload: Buffer): PeerSettings | null {
  if (payload.length < 8) return null;
  return { window: payload.readUInt32BE(0), maxFrame: payload.readUInt32BE(4) };
}
