// Validation of a CRD version's subresources and additionalPrinterColumns.
import { invalid, required } from './field-errors.ts';
import { asString, child, isObject } from './json.ts';
import type { FieldCause, JsonObject } from './types.ts';

const COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const COLUMN_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];

function validateSimpleJsonPath(path: string, value: string): FieldCause[] {
  if (value === '') return [invalid(path, value, 'must not be empty')];
  return value.startsWith('.') ? [] : [invalid(path, value, 'must be a simple json path starting with .')];
}

function validateColumnType(col: JsonObject, path: string): FieldCause[] {
  const type = asString(col.type);
  const detail = `must be one of ${COLUMN_TYPES.join(',')}`;
  if (type === '') return [required(child(path, 'type'), detail)];
  return COLUMN_TYPES.includes(type) ? [] : [invalid(child(path, 'type'), type, detail)];
}

export function validatePrinterColumn(col: JsonObject, path: string): FieldCause[] {
  const out = asString(col.name) === '' ? [required(child(path, 'name'))] : [];
  out.push(...validateColumnType(col, path));
  const format = asString(col.format);
  if (format !== '' && !COLUMN_FORMATS.includes(format)) {
    out.push(invalid(child(path, 'format'), format, `must be one of ${COLUMN_FORMATS.join(',')}`));
  }
  const jsonPath = asString(col.jsonPath);
  if (jsonPath === '') out.push(required(child(path, 'jsonPath')));
  else out.push(...validateSimpleJsonPath(child(path, 'jsonPath'), jsonPath));
  return out;
}

function validateReplicasPath(path: string, value: string, under: string): FieldCause[] {
  if (value === '') return [required(path)];
  const errs = validateSimpleJsonPath(path, value);
  if (errs.length > 0) return errs;
  return value.startsWith(`.${under}.`)
    ? []
    : [invalid(path, value, `should be a json path under .${under}`)];
}

function validateLabelSelectorPath(path: string, value: unknown): FieldCause[] {
  if (typeof value !== 'string' || value === '') return [];
  const errs = validateSimpleJsonPath(path, value);
  if (errs.length > 0) return errs;
  if (value.startsWith('.spec.') || value.startsWith('.status.')) return [];
  return [invalid(path, value, 'should be a json path under either .spec or .status')];
}

export function validateSubresources(subresources: JsonObject, path: string): FieldCause[] {
  const scale = subresources.scale;
  if (!isObject(scale)) return [];
  return [
    ...validateReplicasPath(`${path}.scale.specReplicasPath`, asString(scale.specReplicasPath), 'spec'),
    ...validateReplicasPath(`${path}.scale.statusReplicasPath`, asString(scale.statusReplicasPath), 'status'),
    ...validateLabelSelectorPath(`${path}.scale.labelSelectorPath`, scale.labelSelectorPath),
  ];
}
