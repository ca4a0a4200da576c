// AWS error codes (SDK v3 puts the code in `name`) mapped to omni's typed errors.

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

const CAPACITY = new Set([
  'InsufficientInstanceCapacity',
  'InsufficientHostCapacity',
  'InsufficientReservedInstanceCapacity',
  'InsufficientCapacityOnHost',
  'InsufficientFreeAddressesInSubnet',
  'InstanceLimitExceeded',
  'VcpuLimitExceeded',
  'MaxSpotInstanceCountExceeded',
  'SpotMaxPriceTooLow',
  'Unsupported', // the type is not offered in this zone
]);
const THROTTLING = new Set([
  'RequestLimitExceeded',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
]);
const PERMISSION = new Set([
  'UnauthorizedOperation',
  'AccessDenied',
  'AccessDeniedException',
  'Blocked',
  'OptInRequired',
]);
const AUTHENTICATION = new Set([
  'AuthFailure',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'UnrecognizedClientException',
]);
const TRANSIENT = new Set([
  'InternalError',
  'InternalFailure',
  'ServiceUnavailable',
  'Unavailable',
  'ServiceFailure',
]);

interface AwsLikeError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export interface AwsErrorContext {
  operation: string;
  offering?: OfferingKey;
  credentials?: Credentials;
}

export function awsCode(err: unknown): string {
  return (err as AwsLikeError | undefined)?.name ?? '';
}

export function isAwsNotFound(err: unknown): boolean {
  const code = awsCode(err);
  return code === 'NoSuchEntity' || code.endsWith('.NotFound') || code.endsWith('NotFoundException');
}

type ErrorClass = new (message: string, code?: string) => CloudError;

const BY_CODE: [Set<string>, ErrorClass][] = [
  [CAPACITY, CapacityError],
  [THROTTLING, ThrottlingError],
  [PERMISSION, PermissionError],
  [AUTHENTICATION, AuthenticationError],
  [TRANSIENT, TransientError],
];
const BY_STATUS: Record<number, ErrorClass> = {
  401: AuthenticationError,
  403: PermissionError,
  404: NotFoundError,
  429: ThrottlingError,
};

function classify(code: string, status: number | undefined): ErrorClass {
  const byCode = BY_CODE.find(([codes]) => codes.has(code));
  if (byCode) return byCode[1];
  if (code === 'NoSuchEntity' || code.endsWith('.NotFound')) return NotFoundError;
  if (status === undefined || status >= 500) return TransientError;
  return BY_STATUS[status] ?? InvalidRequestError;
}

export function mapAwsError(err: unknown, ctx: AwsErrorContext): CloudError {
  if (err instanceof CloudError) return err;
  const e = (err ?? {}) as AwsLikeError;
  const code = e.name ?? 'Unknown';
  const message = `aws ${ctx.operation}: ${code}: ${redact(e.message ?? '', ctx.credentials)}`;
  const Kind = classify(code, e.$metadata?.httpStatusCode);
  if (Kind === CapacityError) return new CapacityError(message, code, ctx.offering);
  return new Kind(message, code);
}
