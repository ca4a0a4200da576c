export { MuxSession, DEFAULT_WINDOW, MIN_WINDOW, type MuxOptions } from './session.ts';
export { MuxStream, StreamResetError } from './stream.ts';
export { ResetCode, resetCodeName, FrameType, HEADER_BYTES, encodeControl, encodeHeader } from './frame.ts';
export { FrameDecoder, ProtocolError, type FrameSink } from './decoder.ts';
