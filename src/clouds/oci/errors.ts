// OCI errors (statusCode + serviceCode + message) mapped to omni's typed errors. OCI reports "Out of
// host capacity" as a 500 InternalError, and hides permission problems behind 404
// NotAuthorizedOrNotFound.

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

interface RawOciError {
  statusCode?: number;
  serviceCode?: string;
  message?: string;
}

export interface OciErrorContext {
  operation: string;
  offering?: OfferingKey;
  credentials?: Credentials;
  /** On a create or launch, 404 NotAuthorizedOrNotFound means a missing permission. */
  writing?: boolean;
}

type ErrorClass = new (message: string, code?: string) => CloudError;

function isCapacity(e: RawOciError): boolean {
  const m = (e.message ?? '').toLowerCase();
  return (
    m.includes('out of host capacity') ||
    e.serviceCode === 'LimitExceeded' ||
    e.serviceCode === 'QuotaExceeded'
  );
}

const BY_SERVICE_CODE: Record<string, ErrorClass> = {
  TooManyRequests: ThrottlingError,
  NotAuthenticated: AuthenticationError,
  IncorrectState: TransientError,
};
const BY_STATUS: Record<number, ErrorClass> = { 401: AuthenticationError, 429: ThrottlingError };

function classify(e: RawOciError, writing: boolean): ErrorClass {
  const status = e.statusCode ?? 0;
  if (isCapacity(e)) return CapacityError;
  const known = BY_SERVICE_CODE[e.serviceCode ?? ''] ?? BY_STATUS[status];
  if (known) return known;
  if (status === 404) return writing ? PermissionError : NotFoundError;
  return status === 0 || status >= 500 ? TransientError : InvalidRequestError;
}

export function isOciNotFound(err: unknown): boolean {
  return (err as RawOciError | undefined)?.statusCode === 404;
}

export function mapOciError(err: unknown, ctx: OciErrorContext): CloudError {
  if (err instanceof CloudError) return err;
  const e = (err ?? {}) as RawOciError;
  const code = e.serviceCode ?? String(e.statusCode ?? 'Unknown');
  const message = `oci ${ctx.operation}: ${e.statusCode ?? ''} ${code}: ${redact(e.message ?? '', ctx.credentials)}`;
  const Kind = classify(e, ctx.writing ?? false);
  if (Kind === CapacityError) return new CapacityError(message, code, ctx.offering);
  return new Kind(message, code);
}
