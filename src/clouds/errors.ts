// Typed cloud errors. Every adapter maps its SDK's error codes onto these, so callers branch on the
// class, never on a cloud's message text. Messages never carry credentials.

export interface OfferingKey {
  region: string;
  zone: string;
  instanceType: string;
  lifecycle: 'spot' | 'on-demand';
}

export abstract class CloudError extends Error {
  /** The cloud's own error code (e.g. InsufficientInstanceCapacity), when there is one. */
  readonly code: string;
  /** True when the same call may succeed if repeated later. */
  abstract readonly retryable: boolean;

  constructor(message: string, code = '') {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The cloud has no capacity for this offering right now (or a quota for it is exhausted). */
export class CapacityError extends CloudError {
  readonly retryable = true;
  readonly offering: OfferingKey | undefined;

  constructor(message: string, code = '', offering?: OfferingKey) {
    super(message, code);
    this.offering = offering;
  }
}

/** Every offering of a ranked launch failed for capacity; `attempts` holds one error per offering. */
export class AllOfferingsUnavailableError extends CapacityError {
  readonly attempts: CapacityError[];

  constructor(attempts: CapacityError[]) {
    super(`no capacity in any of ${attempts.length} offerings`, 'AllOfferingsUnavailable');
    this.attempts = attempts;
  }
}

export class ThrottlingError extends CloudError {
  readonly retryable = true;
}

/** A 5xx or network failure that is not about capacity. */
export class TransientError extends CloudError {
  readonly retryable = true;
}

export class PermissionError extends CloudError {
  readonly retryable = false;
  /** Permission names (e.g. ec2:RunInstances, compute.instances.create) known to be missing. */
  readonly missing: string[];

  constructor(message: string, code = '', missing: string[] = []) {
    super(missing.length > 0 ? `${message}; missing: ${missing.join(', ')}` : message, code);
    this.missing = missing;
  }
}

/** The credentials were rejected (unknown key, bad signature, expired). */
export class AuthenticationError extends CloudError {
  readonly retryable = false;
}

export class InvalidRequestError extends CloudError {
  readonly retryable = false;
}

export class NotFoundError extends CloudError {
  readonly retryable = false;
}

export function isRetryable(err: unknown): boolean {
  return err instanceof CloudError && err.retryable;
}
