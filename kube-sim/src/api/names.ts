import { randomBytes } from 'node:crypto';
import type { StatusCause } from '../util/errors.ts';

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

/** Resources whose names must be DNS-1123 labels rather than subdomains. */
const LABEL_NAMED = new Set(['namespaces', 'services']);

export function validateName(resource: string, name: unknown, field = 'metadata.name'): StatusCause[] {
  if (typeof name !== 'string' || name === '') {
    return [
      { field, reason: 'FieldValueRequired', message: 'Required value: name or generateName is required' },
    ];
  }
  const asLabel = LABEL_NAMED.has(resource);
  const max = asLabel ? 63 : 253;
  const causes: StatusCause[] = [];
  if (name.length > max) {
    causes.push({
      field,
      reason: 'FieldValueTooLong',
      message: `Invalid value: "${name}": must be no more than ${max} characters`,
    });
  }
  if (!(asLabel ? LABEL : SUBDOMAIN).test(name)) {
    causes.push({
      field,
      reason: 'FieldValueInvalid',
      message: `Invalid value: "${name}": ${asLabel ? LABEL_MSG : SUBDOMAIN_MSG}`,
    });
  }
  return causes;
}

const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** The 5-character suffix kube-apiserver appends to generateName. */
export function randomSuffix(): string {
  const bytes = randomBytes(5);
  let s = '';
  for (const b of bytes) s += NAME_ALPHABET[b % NAME_ALPHABET.length];
  return s;
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** A key is an optional prefix and a `/`, then a name of at most 63 characters. */
function isValidLabelKey(key: string): boolean {
  const parts = key.split('/');
  const name = parts[parts.length - 1];
  return parts.length <= 2 && QUALIFIED_NAME.test(name) && name.length <= 63;
}

function isValidLabelValue(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 63 && LABEL_VALUE.test(value);
}

/** Label keys and values as kube-apiserver checks them. */
export function validateLabels(labels: unknown, field: string): StatusCause[] {
  if (labels === undefined || labels === null) return [];
  if (typeof labels !== 'object' || Array.isArray(labels)) {
    return [{ field, reason: 'FieldValueTypeInvalid', message: 'Invalid value: must be a map of strings' }];
  }
  const causes: StatusCause[] = [];
  for (const [k, v] of Object.entries(labels as Record<string, unknown>)) {
    if (!isValidLabelKey(k)) {
      causes.push({
        field,
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${k}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
      });
    }
    if (!isValidLabelValue(v)) {
      causes.push({
        field,
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${String(v)}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
      });
    }
  }
  return causes;
}
