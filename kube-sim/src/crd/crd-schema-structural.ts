// The structural-schema rules of apiextensions (see "Specifying a structural schema" in the Kubernetes docs).
import { forbidden, invalid, required } from './field-errors.ts';
import { asArray, asObject, child, index, isObject, key } from './json.ts';
import type { FieldCause, JsonObject } from './types.ts';

type Level = 'root' | 'item' | 'field';

const EMPTY_TYPE_DETAIL: Record<Level, string> = {
  root: 'must not be empty at the root',
  item: 'must not be empty for specified array items',
  field: 'must not be empty for specified object fields',
};

/** What a schema inside allOf/anyOf/oneOf/not may not say, with the detail kube-apiserver gives. */
const NESTED_FORBIDDEN: [string, string][] = [
  ['type', 'must be empty to be structural'],
  ['additionalProperties', 'must be undefined to be structural'],
  ['default', 'must be undefined to be structural'],
  ['title', 'must be empty to be structural'],
  ['description', 'must be empty to be structural'],
  ['nullable', 'must be false to be structural'],
  ['x-kubernetes-preserve-unknown-fields', 'must be false to be structural'],
  ['x-kubernetes-embedded-resource', 'must be false to be structural'],
  ['x-kubernetes-int-or-string', 'must be false to be structural'],
  ['x-kubernetes-list-map-keys', 'must be empty to be structural'],
  ['x-kubernetes-list-type', 'must be undefined to be structural'],
];

function typeString(s: JsonObject): string {
  return typeof s.type === 'string' ? s.type : '';
}

function isSet(v: unknown): boolean {
  return v !== undefined && v !== false && v !== '' && !(Array.isArray(v) && v.length === 0);
}

function typeErrors(s: JsonObject, path: string, lvl: Level): FieldCause[] {
  const type = typeString(s);
  const tp = child(path, 'type');
  if (s['x-kubernetes-embedded-resource'] === true && type !== 'object') {
    const detail = 'must be object if x-kubernetes-embedded-resource is true';
    return [type === '' ? required(tp, detail) : invalid(tp, type, detail)];
  }
  const untypedOk =
    s['x-kubernetes-int-or-string'] === true || s['x-kubernetes-preserve-unknown-fields'] === true;
  if (type === '' && !untypedOk) return [required(tp, EMPTY_TYPE_DETAIL[lvl])];
  return lvl === 'root' && type !== '' && type !== 'object'
    ? [invalid(tp, type, 'must be object at the root')]
    : [];
}

function extensionErrors(s: JsonObject, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  if (s['x-kubernetes-int-or-string'] !== true) return out;
  if (s['x-kubernetes-preserve-unknown-fields'] === true) {
    out.push(
      invalid(
        child(path, 'x-kubernetes-preserve-unknown-fields'),
        true,
        'must be false if x-kubernetes-int-or-string is true',
      ),
    );
  }
  if (s['x-kubernetes-embedded-resource'] === true) {
    out.push(
      invalid(
        child(path, 'x-kubernetes-embedded-resource'),
        true,
        'must be false if x-kubernetes-int-or-string is true',
      ),
    );
  }
  return out;
}

function embeddedErrors(s: JsonObject, path: string): FieldCause[] {
  if (s['x-kubernetes-embedded-resource'] !== true) return [];
  const out: FieldCause[] = [];
  if (s.additionalProperties !== undefined) {
    out.push(
      forbidden(
        child(path, 'additionalProperties'),
        'must not be used if x-kubernetes-embedded-resource is set',
      ),
    );
  }
  if (
    s['x-kubernetes-preserve-unknown-fields'] !== true &&
    Object.keys(asObject(s.properties)).length === 0
  ) {
    out.push(
      required(
        child(path, 'properties'),
        'must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields',
      ),
    );
  }
  return out;
}

function metaFieldType(props: JsonObject, name: string, want: string, path: string): FieldCause[] {
  const sub = props[name];
  if (!isObject(sub) || typeString(sub) === want) return [];
  return [invalid(child(key(child(path, 'properties'), name), 'type'), typeString(sub), `must be ${want}`)];
}

/** At the root, metadata may only restrict name and generateName. */
function rootMetadataErrors(props: JsonObject, path: string): FieldCause[] {
  const meta = props.metadata;
  if (!isObject(meta)) return [];
  const metaProps = Object.keys(asObject(meta.properties));
  const onlyNames = metaProps.every((k) => k === 'name' || k === 'generateName');
  const extra = Object.keys(meta).filter((k) => !['type', 'default', 'properties'].includes(k));
  if (onlyNames && extra.length === 0) return [];
  return [
    forbidden(
      key(child(path, 'properties'), 'metadata'),
      'must not specify anything other than name and generateName, but metadata is implicitly specified',
    ),
  ];
}

function metadataErrors(s: JsonObject, path: string, lvl: Level): FieldCause[] {
  if (lvl !== 'root' && s['x-kubernetes-embedded-resource'] !== true) return [];
  const props = asObject(s.properties);
  const out = [
    ...metaFieldType(props, 'kind', 'string', path),
    ...metaFieldType(props, 'apiVersion', 'string', path),
    ...metaFieldType(props, 'metadata', 'object', path),
  ];
  return lvl === 'root' ? [...out, ...rootMetadataErrors(props, path)] : out;
}

function isIntOrStringAnyOf(anyOf: unknown): boolean {
  const a = asArray(anyOf);
  if (a.length !== 2) return false;
  const [x, y] = a.map(asObject);
  return (
    Object.keys(x).length === 1 && x.type === 'integer' && Object.keys(y).length === 1 && y.type === 'string'
  );
}

function nestedErrors(v: JsonObject, path: string, skipAnyOf: boolean): FieldCause[] {
  const out = NESTED_FORBIDDEN.filter(([k]) => isSet(v[k])).map(([k, detail]) =>
    forbidden(child(path, k), detail),
  );
  if (isObject(asObject(v.properties).metadata)) {
    out.push(
      forbidden(key(child(path, 'properties'), 'metadata'), 'must not be specified in a nested context'),
    );
  }
  for (const [name, sub] of Object.entries(asObject(v.properties))) {
    if (isObject(sub)) out.push(...nestedErrors(sub, key(child(path, 'properties'), name), false));
  }
  if (isObject(v.items)) out.push(...nestedErrors(v.items, child(path, 'items'), false));
  return [...out, ...junctorErrors(v, path, skipAnyOf, false)];
}

function junctorErrors(
  s: JsonObject,
  path: string,
  skipAnyOf: boolean,
  skipFirstAllOfAnyOf: boolean,
): FieldCause[] {
  const out: FieldCause[] = [];
  if (!skipAnyOf) {
    asArray(s.anyOf).forEach((v, i) =>
      out.push(...nestedErrors(asObject(v), index(child(path, 'anyOf'), i), false)),
    );
  }
  asArray(s.allOf).forEach((v, i) => {
    out.push(...nestedErrors(asObject(v), index(child(path, 'allOf'), i), skipFirstAllOfAnyOf && i === 0));
  });
  asArray(s.oneOf).forEach((v, i) =>
    out.push(...nestedErrors(asObject(v), index(child(path, 'oneOf'), i), false)),
  );
  if (isObject(s.not)) out.push(...nestedErrors(s.not, child(path, 'not'), false));
  return out;
}

function valueValidationErrors(s: JsonObject, path: string): FieldCause[] {
  const skipAnyOf = isIntOrStringAnyOf(s.anyOf);
  const skipFirstAllOf = isIntOrStringAnyOf(asObject(asArray(s.allOf)[0]).anyOf);
  const out = junctorErrors(s, path, skipAnyOf, skipFirstAllOf);
  if (typeof s.pattern === 'string') {
    try {
      new RegExp(s.pattern);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      out.push(
        invalid(child(path, 'pattern'), s.pattern, `must be a valid regular expression, but isn't: ${why}`),
      );
    }
  }
  return out;
}

function childStructuralErrors(s: JsonObject, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  if (s.type === 'array' && !isObject(s.items)) out.push(required(child(path, 'items'), 'must be specified'));
  if (isObject(s.items)) out.push(...structuralErrors(s.items, child(path, 'items'), 'item'));
  for (const [name, sub] of Object.entries(asObject(s.properties))) {
    if (isObject(sub)) out.push(...structuralErrors(sub, key(child(path, 'properties'), name), 'field'));
  }
  if (isObject(s.additionalProperties)) {
    out.push(...structuralErrors(s.additionalProperties, child(path, 'additionalProperties'), 'field'));
  }
  return out;
}

export function structuralErrors(s: JsonObject, path: string, lvl: Level): FieldCause[] {
  const out = [
    ...childStructuralErrors(s, path),
    ...extensionErrors(s, path),
    ...valueValidationErrors(s, path),
    ...typeErrors(s, path, lvl),
    ...embeddedErrors(s, path),
    ...metadataErrors(s, path, lvl),
  ];
  if (lvl === 'root' && s.additionalProperties !== undefined) {
    out.push(forbidden(child(path, 'additionalProperties'), 'must not be used at the root'));
  }
  return out;
}
