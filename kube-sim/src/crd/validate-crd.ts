// Static validation of a CustomResourceDefinition (apiextensions.k8s.io/v1), as kube-apiserver does on create.
import { forbidden, invalid, notSupported, required } from './field-errors.ts';
import { isDns1035Label, isDns1123Subdomain } from './dns.ts';
import { asArray, asObject, asString, child, index, isObject } from './json.ts';
import { validateCrdSchema } from './validate-crd-schema.ts';
import { validatePrinterColumn, validateSubresources } from './validate-crd-version-parts.ts';
import type { FieldCause, JsonObject } from './types.ts';

function validateEnum(path: string, value: string, accepted: string[]): FieldCause[] {
  if (value === '') return [required(path)];
  return accepted.includes(value) ? [] : [notSupported(path, value, accepted)];
}

function validateName(crd: JsonObject, spec: JsonObject): FieldCause[] {
  const name = asString(asObject(crd.metadata).name);
  if (name === '') return [required('metadata.name', 'name or generateName is required')];
  const msgs = isDns1123Subdomain(name);
  const names = asObject(spec.names);
  if (name !== `${asString(names.plural)}.${asString(spec.group)}`)
    msgs.push('must be spec.names.plural+"."+spec.group');
  return msgs.map((m) => invalid('metadata.name', name, m));
}

function validateGroup(group: string): FieldCause[] {
  if (group === '') return [required('spec.group')];
  const errs = isDns1123Subdomain(group);
  if (errs.length > 0) return [invalid('spec.group', group, errs.join(','))];
  return group.includes('.')
    ? []
    : [invalid('spec.group', group, 'should be a domain with at least one dot')];
}

function label(path: string, value: string, prefix = ''): FieldCause[] {
  const errs = isDns1035Label(prefix === '' ? value : value.toLowerCase());
  return value !== '' && errs.length > 0 ? [invalid(path, value, prefix + errs.join(','))] : [];
}

function validateNameList(names: JsonObject, k: string): FieldCause[] {
  const path = child('spec.names', k);
  return asArray(names[k]).flatMap((v, i) => label(index(path, i), asString(v)));
}

/** spec.names, with singular and listKind taken as defaulted (the server defaults before it validates). */
function validateNames(names: JsonObject): FieldCause[] {
  const kind = asString(names.kind);
  const singular = asString(names.singular) || kind.toLowerCase();
  const listKind = asString(names.listKind) || (kind === '' ? '' : `${kind}List`);
  const mixed = 'may have mixed case, but should otherwise match: ';
  const present: [string, string][] = [
    ['plural', asString(names.plural)],
    ['singular', singular],
    ['kind', kind],
    ['listKind', listKind],
  ];
  const out = present.filter(([, v]) => v === '').map(([k]) => required(`spec.names.${k}`));
  out.push(...label('spec.names.plural', asString(names.plural)), ...label('spec.names.singular', singular));
  out.push(...label('spec.names.kind', kind, mixed), ...label('spec.names.listKind', listKind, mixed));
  if (kind !== '' && kind === listKind) {
    out.push(invalid('spec.names.listKind', listKind, 'kind and listKind may not be the same'));
  }
  return [...out, ...validateNameList(names, 'shortNames'), ...validateNameList(names, 'categories')];
}

function validateVersion(version: JsonObject, path: string): FieldCause[] {
  const out = label(child(path, 'name'), asString(version.name));
  if (asString(version.name) === '') out.push(required(child(path, 'name')));
  const schema = asObject(version.schema).openAPIV3Schema;
  const subresources = asObject(version.subresources);
  if (isObject(schema)) {
    out.push(...validateCrdSchema(schema, `${path}.schema.openAPIV3Schema`));
  } else if (version.served === true) {
    out.push(required(`${path}.schema.openAPIV3Schema`, 'schemas are required'));
  }
  out.push(...validateSubresources(subresources, child(path, 'subresources')));
  asArray(version.additionalPrinterColumns).forEach((c, i) => {
    out.push(...validatePrinterColumn(asObject(c), index(child(path, 'additionalPrinterColumns'), i)));
  });
  return out;
}

function validateVersions(spec: JsonObject): FieldCause[] {
  const versions = asArray(spec.versions);
  if (versions.length === 0)
    return [required('spec.versions', 'must have exactly one version marked as storage version')];
  const out = versions.flatMap((v, i) => validateVersion(asObject(v), index('spec.versions', i)));
  const names = versions.map((v) => asString(asObject(v).name));
  if (new Set(names).size !== names.length) {
    out.push(invalid('spec.versions', versions, 'must contain unique version names'));
  }
  if (versions.filter((v) => asObject(v).storage === true).length !== 1) {
    out.push(invalid('spec.versions', versions, 'must have exactly one version marked as storage version'));
  }
  return out;
}

function validateConversion(conversion: unknown): FieldCause[] {
  if (!isObject(conversion)) return [];
  const strategy = asString(conversion.strategy);
  const out = validateEnum('spec.conversion.strategy', strategy, ['None', 'Webhook']);
  if (strategy === 'Webhook' && !isObject(conversion.webhook)) {
    out.push(required('spec.conversion.webhook', 'required when strategy is set to Webhook'));
  }
  if (strategy === 'None' && conversion.webhook !== undefined) {
    out.push(forbidden('spec.conversion.webhook', 'should not be set when strategy is not set to Webhook'));
  }
  return out;
}

function validatePreserveUnknownFields(spec: JsonObject): FieldCause[] {
  if (spec.preserveUnknownFields !== true) return [];
  return [
    invalid(
      'spec.preserveUnknownFields',
      true,
      'cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead',
    ),
  ];
}

/** Returns the causes kube-apiserver would report for this CRD; empty means valid. */
export function validateCrd(crd: JsonObject): FieldCause[] {
  const spec = asObject(crd.spec);
  return [
    ...validateName(crd, spec),
    ...validateGroup(asString(spec.group)),
    ...validateEnum('spec.scope', asString(spec.scope), ['Cluster', 'Namespaced']),
    ...validatePreserveUnknownFields(spec),
    ...validateVersions(spec),
    ...validateNames(asObject(spec.names)),
    ...validateConversion(spec.conversion),
  ];
}
