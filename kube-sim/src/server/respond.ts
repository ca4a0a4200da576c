import type { ServerResponse } from 'node:http';
import { ApiError, internalError } from '../util/errors.ts';

export interface JsonResponseOptions {
  /** application/json unless given. */
  contentType?: string;
  /** Sent as `Warning: 299` headers, which kubectl prints. */
  warnings?: string[];
}

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  { contentType = 'application/json', warnings = [] }: JsonResponseOptions = {},
): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | string[]> = {
    'Content-Type': contentType,
    'Content-Length': String(Buffer.byteLength(text)),
  };
  if (warnings.length) headers.Warning = warnings.map((w) => `299 - "${w.replace(/"/g, '\\"')}"`);
  res.writeHead(code, headers);
  res.end(text);
}

export function sendText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: unknown): void {
  const e = err instanceof ApiError ? err : internalError(err instanceof Error ? err.message : String(err));
  if (res.headersSent) {
    res.end();
    return;
  }
  const headers: Record<string, string> = {};
  // Only when the Status says so: a PDB-blocked eviction has none, so kubectl drain retries on its own every 5 s
  // instead of client-go silently retrying ten times.
  if (e.code === 429 && e.details?.retryAfterSeconds)
    headers['Retry-After'] = String(e.details.retryAfterSeconds);
  const text = JSON.stringify(e.toStatus());
  res.writeHead(e.code, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}
