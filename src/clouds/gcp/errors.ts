// GCP errors mapped to omni's typed errors. Reads the port's GcpApiError, and also raw gax/gaxios
// errors (numeric gRPC code or HTTP status, reason in errors[] or in the message).

import { redact } from '../credentials.ts';
import type { Credentials } from '../credentials.ts';
import {
  AuthenticationError,
  CapacityError,
  CloudError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  ThrottlingError,
  TransientError,
} from '../errors.ts';
import type { OfferingKey } from '../errors.ts';

const CAPACITY_REASONS = [
  'ZONE_RESOURCE_POOL_EXHAUSTED_WITH_DETAILS',
  'ZONE_RESOURCE_POOL_EXHAUSTED',
  'QUOTA_EXCEEDED',
  'quotaExceeded',
  'RESOURCE_NOT_AVAILABLE',
];
const THROTTLING_REASONS = ['RATE_LIMIT_EXCEEDED', 'rateLimitExceeded', 'userRateLimitExceeded'];
const KNOWN_REASONS = [...CAPACITY_REASONS, ...THROTTLING_REASONS];
/** gRPC status codes as HTTP statuses. */
const GRPC_TO_HTTP: Record<number, number> = {
  3: 400,
  4: 504,
  5: 404,
  6: 409,
  7: 403,
  8: 429,
  13: 500,
  14: 503,
  16: 401,
};

interface RawGcpError {
  status?: number | string;
  code?: number | string;
  reason?: string;
  message?: string;
  errors?: { reason?: string; code?: string }[];
  response?: { status?: number };
}

export interface NormalizedGcpError {
  status: number;
  reason: string;
  message: string;
}

function statusOf(e: RawGcpError): number {
  if (typeof e.status === 'number') return e.status;
  if (typeof e.response?.status === 'number') return e.response.status;
  if (typeof e.code === 'number') return e.code >= 100 ? e.code : (GRPC_TO_HTTP[e.code] ?? 500);
  return 0;
}

function reasonOf(e: RawGcpError, message: string): string {
  const listed = e.errors?.[0]?.reason ?? e.errors?.[0]?.code;
  const inMessage = KNOWN_REASONS.find((r) => message.includes(r));
  return e.reason ?? listed ?? inMessage ?? (typeof e.code === 'string' ? e.code : '');
}

export function normalizeGcpError(err: unknown): NormalizedGcpError {
  const e = (err ?? {}) as RawGcpError;
  const message = e.message ?? String(err);
  return { status: statusOf(e), reason: reasonOf(e, message), message };
}

export function isGcpNotFound(err: unknown): boolean {
  const n = normalizeGcpError(err);
  return n.status === 404 || n.reason === 'notFound';
}

export function isGcpAlreadyExists(err: unknown): boolean {
  const n = normalizeGcpError(err);
  return n.status === 409 || n.reason === 'alreadyExists';
}

type ErrorClass = new (message: string, code?: string) => CloudError;
const BY_STATUS: Record<number, ErrorClass> = {
  401: AuthenticationError,
  403: PermissionError,
  404: NotFoundError,
  429: ThrottlingError,
};

function classify(n: NormalizedGcpError): ErrorClass {
  if (CAPACITY_REASONS.includes(n.reason)) return CapacityError;
  if (THROTTLING_REASONS.includes(n.reason)) return ThrottlingError;
  const byStatus = BY_STATUS[n.status];
  if (byStatus) return byStatus;
  return n.status === 0 || n.status >= 500 ? TransientError : InvalidRequestError;
}

export function mapGcpError(
  err: unknown,
  ctx: { operation: string; offering?: OfferingKey; credentials?: Credentials },
): CloudError {
  if (err instanceof CloudError) return err;
  const n = normalizeGcpError(err);
  const code = n.reason || String(n.status);
  const message = `gcp ${ctx.operation}: ${code}: ${redact(n.message, ctx.credentials)}`;
  const Kind = classify(n);
  if (Kind === CapacityError) return new CapacityError(message, code, ctx.offering);
  return new Kind(message, code);
}
