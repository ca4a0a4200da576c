// Small helpers over node:http: JSON replies, bounded JSON bodies, and HTTP errors as values.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorBody, FieldError } from './api-types.ts';

const MAX_BODY_BYTES = 1 << 20;

/** An error that becomes an HTTP reply with a JSON body. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields?: FieldError[];
  constructor(status: number, code: string, message: string, fields?: FieldError[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: HttpError): void {
  const body: ErrorBody = { error: err.code, message: err.message };
  if (err.fields) body.fields = err.fields;
  sendJson(res, err.status, body);
}

export function sendText(res: ServerResponse, status: number, type: string, text: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/** Reads a JSON object body (at most 1 MiB); 400 on anything else, 415 on another content type. */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) throw new HttpError(415, 'UnsupportedMediaType', 'send application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'TooLarge', 'body larger than 1 MiB');
    chunks.push(chunk);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'BadRequest', 'body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new HttpError(400, 'BadRequest', 'body must be a JSON object');
  return parsed as Record<string, unknown>;
}
