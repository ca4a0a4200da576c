import type { JsonObject } from './json.ts';

export interface StatusCause {
  reason?: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** An error that becomes a Kubernetes `Status` body with the matching HTTP code. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  toStatus(): JsonObject {
    const status: JsonObject = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) status.details = this.details;
    return status;
  }
}

interface Target {
  group: string;
  resource: string;
  name: string;
}

function qualified(t: Target): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

export function notFound(t: Target): ApiError {
  return new ApiError(404, 'NotFound', `${qualified(t)} "${t.name}" not found`, {
    name: t.name,
    group: t.group,
    kind: t.resource,
  });
}

export function alreadyExists(t: Target): ApiError {
  return new ApiError(409, 'AlreadyExists', `${qualified(t)} "${t.name}" already exists`, {
    name: t.name,
    group: t.group,
    kind: t.resource,
  });
}

export function conflict(t: Target, why: string): ApiError {
  return new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(t)} "${t.name}": ${why}`,
    { name: t.name, group: t.group, kind: t.resource },
  );
}

export function invalid(kind: string, group: string, name: string, causes: StatusCause[]): ApiError {
  const text = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const summary = text.length === 1 ? text[0] : `[${text.join(', ')}]`;
  return new ApiError(422, 'Invalid', `${kind}${group ? `.${group}` : ''} "${name}" is invalid: ${summary}`, {
    name,
    group,
    kind,
    causes: causes.map((c) => ({ reason: c.reason ?? 'FieldValueInvalid', message: c.message, field: c.field })),
  });
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

export function methodNotAllowed(message: string): ApiError {
  return new ApiError(405, 'MethodNotAllowed', message);
}

export function unsupportedMediaType(contentType: string): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml` +
      (contentType ? ` (got ${contentType})` : ''),
  );
}

export function forbidden(t: Target, why: string): ApiError {
  return new ApiError(403, 'Forbidden', `${qualified(t)} "${t.name}" is forbidden: ${why}`, {
    name: t.name,
    group: t.group,
    kind: t.resource,
  });
}

export function gone(message: string): ApiError {
  return new ApiError(410, 'Expired', message);
}

export function tooManyRequests(message: string, causes?: StatusCause[]): ApiError {
  return new ApiError(429, 'TooManyRequests', message, causes ? { causes } : undefined);
}

export function internalError(message: string): ApiError {
  return new ApiError(500, 'InternalError', `Internal error occurred: ${message}`);
}
