// The OpenAPI-level rules kube-apiserver applies to every node of a CRD schema (unsupported keywords, defaults).
import { forbidden, invalid } from './field-errors.ts';
import { asArray, asObject, child, index, isObject, key } from './json.ts';
import { pruneValue } from './prune.ts';
import { validateNode } from './schema-validate.ts';
import type { FieldCause, JsonObject } from './types.ts';

const UNSUPPORTED = ['id', '$ref', 'additionalItems', 'patternProperties', 'definitions', 'dependencies'];
const META_FIELDS = new Set(['metadata', 'apiVersion', 'kind']);

interface Walk {
  path: string;
  /** Why defaults are forbidden here, if they are. */
  noDefaults?: string;
}

function keywordErrors(s: JsonObject, path: string): FieldCause[] {
  const out = UNSUPPORTED.filter((k) => s[k] !== undefined).map((k) =>
    forbidden(child(path, k), `${k} is not supported`),
  );
  if (s.type === 'null')
    out.push(forbidden(child(path, 'type'), 'type cannot be set to null, use nullable as an alternative'));
  if (Array.isArray(s.items))
    out.push(forbidden(child(path, 'items'), 'items must be a schema object and not an array'));
  if (s.uniqueItems === true) {
    out.push(
      forbidden(
        child(path, 'uniqueItems'),
        'uniqueItems cannot be set to true since the runtime complexity becomes quadratic',
      ),
    );
  }
  const additional = s.additionalProperties;
  if (additional !== undefined && Object.keys(asObject(s.properties)).length > 0 && additional !== true) {
    out.push(
      forbidden(
        child(path, 'additionalProperties'),
        'additionalProperties and properties are mutual exclusive',
      ),
    );
  }
  if (s['x-kubernetes-preserve-unknown-fields'] === false) {
    out.push(
      invalid(child(path, 'x-kubernetes-preserve-unknown-fields'), false, 'must be true or undefined'),
    );
  }
  return out;
}

/** A default must survive pruning unchanged and validate against its own schema. */
function defaultErrors(s: JsonObject, w: Walk): FieldCause[] {
  if (s.default === undefined) return [];
  const path = child(w.path, 'default');
  if (w.noDefaults !== undefined) return [forbidden(path, `must not be set ${w.noDefaults}`)];
  const pruned: string[] = [];
  pruneValue(s.default, s, 'default', pruned);
  if (pruned.length > 0) return [invalid(path, s.default, 'must not have unknown fields')];
  return validateNode(s.default, s, '', false).map((c) => underDefault(c, path));
}

/** Re-roots a cause found validating a default value (at path '') under `<node>.default`. */
function underDefault(c: FieldCause, path: string): FieldCause {
  if (c.field === '<nil>') return c;
  const field = c.field === '' ? path : `${path}.${c.field}`;
  // at path '' kube-openapi's "<name> in body ..." starts with a bare " in body"
  return { ...c, field, message: c.message.replace(/: {2}in body/, ': in body') };
}

function propertyWalk(w: Walk, name: string, isRoot: boolean): Walk {
  const path = key(child(w.path, 'properties'), name);
  if (isRoot && META_FIELDS.has(name)) return { path, noDefaults: `in top-level ${name}` };
  return { path, noDefaults: w.noDefaults };
}

function childErrors(s: JsonObject, w: Walk, isRoot: boolean): FieldCause[] {
  const out: FieldCause[] = [];
  for (const [name, sub] of Object.entries(asObject(s.properties))) {
    if (isObject(sub)) out.push(...walkGeneric(sub, propertyWalk(w, name, isRoot), false));
  }
  if (isObject(s.additionalProperties)) {
    out.push(
      ...walkGeneric(s.additionalProperties, { ...w, path: child(w.path, 'additionalProperties') }, false),
    );
  }
  if (isObject(s.items)) out.push(...walkGeneric(s.items, { ...w, path: child(w.path, 'items') }, false));
  for (const j of ['allOf', 'anyOf', 'oneOf']) {
    asArray(s[j]).forEach((sub, i) => {
      if (isObject(sub)) out.push(...walkGeneric(sub, { ...w, path: index(child(w.path, j), i) }, false));
    });
  }
  if (isObject(s.not)) out.push(...walkGeneric(s.not, { ...w, path: child(w.path, 'not') }, false));
  return out;
}

export function walkGeneric(s: JsonObject, w: Walk, isRoot: boolean): FieldCause[] {
  return [...keywordErrors(s, w.path), ...defaultErrors(s, w), ...childErrors(s, w, isRoot)];
}
