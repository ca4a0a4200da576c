import { builtinSchemas, refsIn, schemaClosure } from './compile.ts';
import type { JsonSchema } from './compile.ts';
import { resourcePaths } from './paths.ts';
import type { BuiltinResource } from './paths.ts';

export type { BuiltinResource } from './paths.ts';
export type { JsonSchema } from './compile.ts';
export { builtinUnknownFields, schemaNameFor } from './unknown-fields.ts';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const ALWAYS = [`${META}.Status`, `${META}.DeleteOptions`, `${META}.Patch`];

function sortedObject<T>(entries: Iterable<[string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function gvOf(gvKey: string): { group: string; version: string } {
  const parts = gvKey.replace(/^\/+/, '').split('/');
  if (parts[0] === 'api') return { group: '', version: parts[1] ?? 'v1' };
  return { group: parts[1] ?? '', version: parts[2] ?? '' };
}

/**
 * OpenAPI v3 document for one group-version (key 'api/v1' or 'apis/apps/v1'): paths with GVK-tagged
 * operations for every resource, and the components.schemas they reach.
 */
export function builtinOpenApiDocument(gvKey: string, resources: BuiltinResource[]): object {
  const { group, version } = gvOf(gvKey);
  const extra = new Map<string, JsonSchema>();
  const paths: Record<string, JsonSchema> = {};
  for (const r of resources) {
    if (r.group !== group || r.version !== version) continue;
    Object.assign(paths, resourcePaths(r, extra));
  }
  const { schemas } = builtinSchemas();
  const names = schemaClosure([...ALWAYS, ...refsIn(paths)]);
  const components = [...names].map((n): [string, JsonSchema] => [n, schemas.get(n) as JsonSchema]);
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.31.0' },
    paths: sortedObject(Object.entries(paths)),
    components: { schemas: sortedObject([...components, ...extra]) },
  };
}

/** Names of every built-in schema kube-sim defines (upstream naming, e.g. io.k8s.api.core.v1.Pod). */
export function builtinSchemaNames(): string[] {
  return [...builtinSchemas().schemas.keys()].sort();
}

/** The /openapi/v3 discovery index. */
export function openApiV3Index(keys: string[], hashOf: (key: string) => string): object {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const key of [...keys].sort()) {
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${encodeURIComponent(hashOf(key))}` };
  }
  return { paths };
}
