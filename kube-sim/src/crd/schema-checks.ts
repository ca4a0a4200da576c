// Value checks of one schema node against one value, with kube-openapi's messages as kube-apiserver wraps them.
import { invalid, notSupported, tooLong, typeInvalid } from './field-errors.ts';
import { satisfiesFormat } from './formats.ts';
import { deepEqual, jsonTypeOf } from './json.ts';
import type { FieldCause, JsonObject } from './types.ts';

function numberOf(schema: JsonObject, k: string): number | undefined {
  const v = schema[k];
  return typeof v === 'number' ? v : undefined;
}

export function allowedTypes(schema: JsonObject): string[] {
  if (schema['x-kubernetes-int-or-string'] === true) return ['integer', 'string'];
  return typeof schema.type === 'string' && schema.type !== '' ? [schema.type] : [];
}

function matchesType(value: unknown, type: string): boolean {
  const actual = jsonTypeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function typeError(path: string, types: string[], actual: string): FieldCause {
  return typeInvalid(
    path,
    actual,
    `${path} in body must be of type ${types.join(',')}: ${JSON.stringify(actual)}`,
  );
}

/** A type mismatch, or undefined. null is a mismatch unless the node is nullable or untyped. */
export function checkType(value: unknown, schema: JsonObject, path: string): FieldCause | undefined {
  const types = allowedTypes(schema);
  if (types.length === 0) return undefined;
  if (value === null) return schema.nullable === true ? undefined : typeError(path, types, 'null');
  return types.some((t) => matchesType(value, t)) ? undefined : typeError(path, types, jsonTypeOf(value));
}

export function checkFormat(value: unknown, schema: JsonObject, path: string): FieldCause[] {
  const format = schema.format;
  if (typeof format !== 'string' || satisfiesFormat(value, format)) return [];
  const shown = typeof value === 'string' ? value : String(value);
  return [typeInvalid(path, value, `${path} in body must be of type ${format}: ${JSON.stringify(shown)}`)];
}

export function checkEnum(value: unknown, schema: JsonObject, path: string): FieldCause[] {
  if (!Array.isArray(schema.enum) || schema.enum.some((e) => deepEqual(e, value))) return [];
  const allowed = schema.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
  return [notSupported(path, value, allowed)];
}

function matchesPattern(value: string, pattern: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return true; // an uncompilable pattern is rejected when the CRD is validated
  }
}

export function checkString(value: string, schema: JsonObject, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  const length = [...value].length;
  const max = numberOf(schema, 'maxLength');
  const min = numberOf(schema, 'minLength');
  if (max !== undefined && length > max) out.push(tooLong(path, max));
  if (min !== undefined && length < min) {
    out.push(invalid(path, value, `${path} in body should be at least ${min} chars long`));
  }
  if (typeof schema.pattern === 'string' && !matchesPattern(value, schema.pattern)) {
    out.push(invalid(path, value, `${path} in body should match '${schema.pattern}'`));
  }
  return out;
}

function checkMaximum(value: number, schema: JsonObject, path: string): FieldCause[] {
  const max = numberOf(schema, 'maximum');
  if (max === undefined) return [];
  if (schema.exclusiveMaximum === true) {
    return value >= max ? [invalid(path, value, `${path} in body should be less than ${max}`)] : [];
  }
  return value > max ? [invalid(path, value, `${path} in body should be less than or equal to ${max}`)] : [];
}

function checkMinimum(value: number, schema: JsonObject, path: string): FieldCause[] {
  const min = numberOf(schema, 'minimum');
  if (min === undefined) return [];
  if (schema.exclusiveMinimum === true) {
    return value <= min ? [invalid(path, value, `${path} in body should be greater than ${min}`)] : [];
  }
  return value < min
    ? [invalid(path, value, `${path} in body should be greater than or equal to ${min}`)]
    : [];
}

function checkMultipleOf(value: number, schema: JsonObject, path: string): FieldCause[] {
  const m = numberOf(schema, 'multipleOf');
  if (m === undefined || m <= 0) return [];
  const q = value / m;
  return Math.abs(q - Math.round(q)) < 1e-9
    ? []
    : [invalid(path, value, `${path} in body should be a multiple of ${m}`)];
}

export function checkNumber(value: number, schema: JsonObject, path: string): FieldCause[] {
  return [
    ...checkMaximum(value, schema, path),
    ...checkMinimum(value, schema, path),
    ...checkMultipleOf(value, schema, path),
  ];
}
