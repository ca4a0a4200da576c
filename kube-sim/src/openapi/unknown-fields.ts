import { REF_PREFIX, builtinSchemas, gvkKey } from './compile.ts';
import type { JsonSchema } from './compile.ts';

function resolve(schema: JsonSchema): JsonSchema {
  const { schemas } = builtinSchemas();
  let cur = schema;
  for (let i = 0; i < 8; i++) {
    const allOf = cur.allOf;
    const target = Array.isArray(allOf) && allOf.length > 0 ? (allOf[0] as JsonSchema) : cur;
    const ref = target.$ref;
    if (typeof ref !== 'string') return target;
    cur = schemas.get(ref.slice(REF_PREFIX.length)) ?? {};
  }
  return cur;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

function walkObject(schema: JsonSchema, value: Record<string, unknown>, path: string, out: string[]): void {
  const props = isRecord(schema.properties) ? schema.properties : undefined;
  const additional = isRecord(schema.additionalProperties)
    ? (schema.additionalProperties as JsonSchema)
    : undefined;
  if (props === undefined && additional === undefined) return;
  for (const [key, child] of Object.entries(value)) {
    const sub = props?.[key] ?? additional;
    if (sub === undefined) out.push(join(path, key));
    else walk(sub as JsonSchema, child, join(path, key), out);
  }
}

function walk(schemaIn: JsonSchema, value: unknown, path: string, out: string[]): void {
  const schema = resolve(schemaIn);
  if (
    schema['x-kubernetes-preserve-unknown-fields'] === true ||
    schema['x-kubernetes-int-or-string'] === true
  )
    return;
  if (Array.isArray(value)) {
    const items = isRecord(schema.items) ? (schema.items as JsonSchema) : undefined;
    if (items !== undefined) value.forEach((v, i) => walk(items, v, `${path}[${i}]`, out));
    return;
  }
  if (isRecord(value)) walkObject(schema, value, path, out);
}

const AMBIGUOUS_PREFERENCE = ['', 'apps', 'batch', 'policy', 'coordination.k8s.io', 'discovery.k8s.io'];

/** Schema name for an object: by apiVersion + kind, else by kind alone (core group first). */
export function schemaNameFor(kind: string, apiVersion?: string): string | undefined {
  const { byGvk } = builtinSchemas();
  if (apiVersion !== undefined) {
    const slash = apiVersion.lastIndexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const hit = byGvk.get(gvkKey(group, apiVersion.slice(slash + 1), kind));
    if (hit !== undefined) return hit;
  }
  for (const group of AMBIGUOUS_PREFERENCE) {
    const hit = byGvk.get(gvkKey(group, 'v1', kind));
    if (hit !== undefined) return hit;
  }
  const suffix = `/${kind}`;
  for (const [key, name] of byGvk) if (key.endsWith(suffix)) return name;
  return undefined;
}

/**
 * Dotted paths of fields that the built-in schema of `kind` does not define, e.g.
 * `spec.containers[0].imagee` (for fieldValidation=Strict/Warn). Unknown kinds give [].
 */
export function builtinUnknownFields(kind: string, obj: unknown): string[] {
  const apiVersion = isRecord(obj) && typeof obj.apiVersion === 'string' ? obj.apiVersion : undefined;
  const name = schemaNameFor(kind, apiVersion);
  const schema = name === undefined ? undefined : builtinSchemas().schemas.get(name);
  if (schema === undefined) return [];
  const out: string[] = [];
  walk(schema, obj, '', out);
  return out;
}
