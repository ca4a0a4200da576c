// CustomResourceDefinition objects generated from the zod schemas (structural OpenAPI v3).
import { z } from 'zod';
import { GROUP, VERSION } from './meta.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface CrdNames {
  kind: string;
  plural: string;
  singular: string;
  shortNames?: string[];
}

export interface PrinterColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  jsonPath: string;
}

export interface CustomResourceDefinition {
  apiVersion: 'apiextensions.k8s.io/v1';
  kind: 'CustomResourceDefinition';
  metadata: { name: string };
  spec: {
    group: string;
    scope: 'Cluster';
    names: { kind: string; listKind: string; plural: string; singular: string; shortNames?: string[] };
    versions: {
      name: string;
      served: true;
      storage: true;
      subresources: { status: Record<string, never> };
      additionalPrinterColumns?: PrinterColumn[];
      schema: { openAPIV3Schema: JsonObject };
    }[];
  };
}

/** Builds the cluster-scoped CRD of one kind, its schema generated from `schema` (input side: before defaults). */
export function buildCrd(
  schema: z.ZodType,
  names: CrdNames,
  columns: PrinterColumn[] = [],
): CustomResourceDefinition {
  const generated = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonObject;
  const openAPIV3Schema = toStructural(generated);
  const props = openAPIV3Schema.properties as JsonObject;
  props.metadata = { type: 'object' };
  openAPIV3Schema.required = ['spec'].filter((k) => k in props && isRequiredSpec(generated));
  if ((openAPIV3Schema.required as string[]).length === 0) delete openAPIV3Schema.required;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${names.plural}.${GROUP}` },
    spec: {
      group: GROUP,
      scope: 'Cluster',
      names: {
        kind: names.kind,
        listKind: `${names.kind}List`,
        plural: names.plural,
        singular: names.singular,
        ...(names.shortNames ? { shortNames: names.shortNames } : {}),
      },
      versions: [
        {
          name: VERSION,
          served: true,
          storage: true,
          subresources: { status: {} },
          ...(columns.length ? { additionalPrinterColumns: columns } : {}),
          schema: { openAPIV3Schema },
        },
      ],
    },
  };
}

function isRequiredSpec(generated: JsonObject): boolean {
  const required = generated.required;
  return Array.isArray(required) && required.includes('spec');
}

const DROPPED_KEYS = new Set(['$schema', 'id', '$id', 'propertyNames', 'const']);

/**
 * Rewrites JSON Schema from zod into a structural schema the API server accepts: no `$schema`, no
 * `additionalProperties: false` (unknown fields are pruned), `const` as a one-value enum, and
 * string-or-number unions (quantities) as `x-kubernetes-int-or-string`.
 */
export function toStructural(node: Json): JsonObject {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return {};
  const intOrString = asIntOrString(node);
  if (intOrString) return intOrString;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (keepKey(key, value)) out[key] = convertChild(key, value);
  }
  if ('const' in node) out.enum = [node.const];
  return withType(out);
}

function keepKey(key: string, value: Json): boolean {
  return !DROPPED_KEYS.has(key) && !(key === 'additionalProperties' && typeof value === 'boolean');
}

/** Every structural node needs a type: infer it from an enum, or let an untyped value through. */
function withType(out: JsonObject): JsonObject {
  if (out.type === undefined && Array.isArray(out.enum))
    out.type = typeof out.enum[0] === 'number' ? 'number' : 'string';
  if (out.type === undefined && out.anyOf === undefined) out['x-kubernetes-preserve-unknown-fields'] = true;
  return out;
}

const COMBINERS = new Set(['anyOf', 'allOf', 'oneOf']);

function convertChild(key: string, value: Json): Json {
  if (key === 'properties' && isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toStructural(v)]));
  }
  if (key === 'items' || key === 'additionalProperties') return toStructural(value);
  if (COMBINERS.has(key) && Array.isArray(value)) return value.map(toStructural);
  return value;
}

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asIntOrString(node: JsonObject): JsonObject | null {
  const anyOf = node.anyOf;
  if (!Array.isArray(anyOf)) return null;
  const types = anyOf.map((m) =>
    typeof m === 'object' && m !== null && !Array.isArray(m) ? m.type : undefined,
  );
  const isQuantity = types.includes('string') && types.some((t) => t === 'number' || t === 'integer');
  if (!isQuantity || types.length !== 2) return null;
  const out: JsonObject = { 'x-kubernetes-int-or-string': true };
  if (node.default !== undefined) out.default = node.default;
  if (typeof node.description === 'string') out.description = node.description;
  return out;
}
