import type { ListExtension, TypeDef } from './dsl.ts';
import { FIELD_DOCS } from './field-docs.ts';
import { LIST_EXTENSIONS } from './list-extensions.ts';
import { PACKAGES } from './packages.ts';
import { PRIMITIVES } from './primitives.ts';

export type JsonSchema = { [k: string]: unknown };

export const REF_PREFIX = '#/components/schemas/';

const SCALARS: Readonly<Record<string, JsonSchema>> = {
  s: { type: 'string' },
  b: { type: 'boolean' },
  i32: { type: 'integer', format: 'int32' },
  i64: { type: 'integer', format: 'int64' },
  f64: { type: 'number', format: 'double' },
  bytes: { type: 'string', format: 'byte' },
};

export function schemaName(pkg: string, typeName: string): string {
  const p = PACKAGES[pkg];
  if (p === undefined) throw new Error(`unknown schema package ${pkg}`);
  return `${p.prefix}.${typeName}`;
}

function refName(token: string, pkg: string): string {
  const primitive = PRIMITIVES[token];
  if (primitive !== undefined) return primitive[0];
  const dot = token.indexOf('.');
  return dot < 0 ? schemaName(pkg, token) : schemaName(token.slice(0, dot), token.slice(dot + 1));
}

/** Schema for a type token, used for fields, list items and map values. */
export function tokenSchema(token: string, pkg: string): JsonSchema {
  if (token.startsWith('[]')) return { type: 'array', items: tokenSchema(token.slice(2), pkg) };
  if (token.startsWith('{}'))
    return { type: 'object', additionalProperties: tokenSchema(token.slice(2), pkg) };
  const scalar = SCALARS[token];
  if (scalar !== undefined) return { ...scalar };
  return { $ref: REF_PREFIX + refName(token, pkg) };
}

/** Description of the type a token refers to (for fields documented only by their type). */
function referencedDoc(token: string, pkg: string): string {
  const name = token.replace(/^(\[\]|\{\})+/, '');
  const primitive = PRIMITIVES[name];
  if (primitive !== undefined) return String(primitive[1].description ?? '');
  const dot = name.indexOf('.');
  const [p, t] = dot < 0 ? [pkg, name] : [name.slice(0, dot), name.slice(dot + 1)];
  return PACKAGES[p]?.types[t]?.d ?? '';
}

/** A $ref with sibling keywords goes through allOf, as upstream does, so `kubectl explain` keeps the field's description. */
function fieldType(token: string, pkg: string): JsonSchema {
  const schema = tokenSchema(token, pkg);
  return schema.$ref === undefined ? schema : { allOf: [schema] };
}

function extensionFields(ext: ListExtension | undefined): JsonSchema {
  if (ext === undefined) return {};
  const out: JsonSchema = {};
  if (ext.patch !== undefined) out['x-kubernetes-patch-strategy'] = ext.patch;
  if (ext.key !== undefined) out['x-kubernetes-patch-merge-key'] = ext.key;
  if (ext.list !== undefined) out['x-kubernetes-list-type'] = ext.list;
  if (ext.keys !== undefined) out['x-kubernetes-list-map-keys'] = [...ext.keys];
  return out;
}

function gvkExtension(group: string, version: string, kind: string): JsonSchema {
  return { 'x-kubernetes-group-version-kind': [{ group, kind, version }] };
}

function compileType(pkg: string, typeName: string, def: TypeDef): JsonSchema {
  const properties: JsonSchema = {};
  for (const [field, [token, doc]] of Object.entries(def.f)) {
    const key = `${pkg}.${typeName}.${field}`;
    const description = doc || FIELD_DOCS[key] || referencedDoc(token, pkg);
    properties[field] = { ...fieldType(token, pkg), description, ...extensionFields(LIST_EXTENSIONS[key]) };
  }
  const schema: JsonSchema = { description: def.d, type: 'object', properties };
  if (def.req !== undefined && def.req.length > 0) schema.required = [...def.req];
  if (def.gvk !== undefined) Object.assign(schema, gvkExtension(...def.gvk));
  return schema;
}

function listSchema(itemName: string, def: TypeDef): JsonSchema | undefined {
  if (def.gvk === undefined) return undefined;
  const [group, version, kind] = def.gvk;
  return {
    description: `${kind}List is a list of ${kind} objects.`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: {
        type: 'string',
        description: 'APIVersion defines the versioned schema of this representation of an object.',
      },
      items: {
        type: 'array',
        description: `List of ${kind} objects.`,
        items: { $ref: REF_PREFIX + itemName },
      },
      kind: {
        type: 'string',
        description: 'Kind is a string value representing the REST resource this object represents.',
      },
      metadata: {
        $ref: `${REF_PREFIX}io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta`,
        description: 'Standard list metadata.',
      },
    },
    ...gvkExtension(group, version, `${kind}List`),
  };
}

export interface CompiledSchemas {
  schemas: ReadonlyMap<string, JsonSchema>;
  /** "group/version/Kind" → schema name, for kinds and their lists. */
  byGvk: ReadonlyMap<string, string>;
}

export const gvkKey = (group: string, version: string, kind: string): string => `${group}/${version}/${kind}`;

function compileAll(): CompiledSchemas {
  const schemas = new Map<string, JsonSchema>();
  const byGvk = new Map<string, string>();
  for (const [name, schema] of Object.values(PRIMITIVES)) schemas.set(name, schema);
  for (const pkg of Object.keys(PACKAGES)) {
    for (const [typeName, def] of Object.entries(PACKAGES[pkg].types)) {
      const name = schemaName(pkg, typeName);
      schemas.set(name, compileType(pkg, typeName, def));
      const list = pkg === 'meta' ? undefined : listSchema(name, def);
      if (def.gvk === undefined) continue;
      byGvk.set(gvkKey(...def.gvk), name);
      if (list === undefined) continue;
      schemas.set(`${name}List`, list);
      byGvk.set(gvkKey(def.gvk[0], def.gvk[1], `${def.gvk[2]}List`), `${name}List`);
    }
  }
  return { schemas, byGvk };
}

let compiled: CompiledSchemas | undefined;

export function builtinSchemas(): CompiledSchemas {
  compiled ??= compileAll();
  return compiled;
}

/** Every $ref target reachable from the given schema names (inclusive). */
export function schemaClosure(roots: Iterable<string>): Set<string> {
  const { schemas } = builtinSchemas();
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (seen.has(name) || !schemas.has(name)) continue;
    seen.add(name);
    collectRefs(schemas.get(name), stack);
  }
  return seen;
}

/** Schema names referenced ($ref) anywhere inside a JSON value. */
export function refsIn(node: unknown): string[] {
  const out: string[] = [];
  collectRefs(node, out);
  return out;
}

function collectRefs(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, out);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') out.push(v.slice(REF_PREFIX.length));
    else collectRefs(v, out);
  }
}
