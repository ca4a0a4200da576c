// The apiVersion/kind rules kube-apiserver applies to an x-kubernetes-embedded-resource object.
import { invalid, required } from './field-errors.ts';
import { child, hasOwn } from './json.ts';
import type { FieldCause, JsonObject } from './types.ts';

function checkTypeMetaField(obj: JsonObject, name: string, path: string): FieldCause[] {
  const p = child(path, name);
  if (!hasOwn(obj, name)) return [required(p, 'must not be empty')];
  const v = obj[name];
  if (typeof v !== 'string') return [invalid(p, v, 'must be a string')];
  return v === '' ? [invalid(p, v, 'must not be empty')] : [];
}

export function validateEmbeddedResource(obj: JsonObject, path: string): FieldCause[] {
  return [...checkTypeMetaField(obj, 'apiVersion', path), ...checkTypeMetaField(obj, 'kind', path)];
}
