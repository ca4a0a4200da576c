// Builders for field causes whose message matches apimachinery's field.Error.ErrorBody().
import { isObject } from './json.ts';
import type { FieldCause } from './types.ts';

/** Go's %#v of an unstructured JSON value nested inside a map or slice. */
function goLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goLiteral).join(', ')}}`;
  if (isObject(v)) {
    const entries = Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goLiteral(v[k])}`);
    return `map[string]interface {}{${entries.join(', ')}}`;
  }
  return String(v);
}

/** How field.Error prints a bad value: strings quoted, scalars plain, null as "null", the rest as %#v. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '"null"';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return goLiteral(v);
}

function withDetail(body: string, detail: string): string {
  return detail === '' ? body : `${body}: ${detail}`;
}

export function required(field: string, detail = ''): FieldCause {
  return { field, reason: 'FieldValueRequired', message: withDetail('Required value', detail) };
}

export function invalid(field: string, value: unknown, detail: string): FieldCause {
  return {
    field,
    reason: 'FieldValueInvalid',
    message: withDetail(`Invalid value: ${goValue(value)}`, detail),
  };
}

export function typeInvalid(field: string, value: unknown, detail: string): FieldCause {
  return {
    field,
    reason: 'FieldValueTypeInvalid',
    message: withDetail(`Invalid value: ${goValue(value)}`, detail),
  };
}

export function notSupported(field: string, value: unknown, valid: string[]): FieldCause {
  const detail =
    valid.length > 0 ? `supported values: ${valid.map((s) => JSON.stringify(s)).join(', ')}` : '';
  return {
    field,
    reason: 'FieldValueNotSupported',
    message: withDetail(`Unsupported value: ${goValue(value)}`, detail),
  };
}

export function forbidden(field: string, detail: string): FieldCause {
  return { field, reason: 'FieldValueForbidden', message: withDetail('Forbidden', detail) };
}

export function duplicate(field: string, value: unknown): FieldCause {
  return { field, reason: 'FieldValueDuplicate', message: `Duplicate value: ${goValue(value)}` };
}

export function tooLong(field: string, max: number): FieldCause {
  return { field, reason: 'FieldValueTooLong', message: `Too long: may not be more than ${max} bytes` };
}

/** kube-apiserver's reason here is FieldValueTooMany, which FieldCause does not list; TooLong is the nearest. */
export function tooMany(field: string, actual: number, max: number): FieldCause {
  return {
    field,
    reason: 'FieldValueTooLong',
    message: `Too many: ${actual}: must have at most ${max} ${max === 1 ? 'item' : 'items'}`,
  };
}
