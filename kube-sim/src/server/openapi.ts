import { createHash } from 'node:crypto';
import type { JsonObject } from '../util/json.ts';
import type { ClusterApi } from '../api/cluster-api.ts';
import type { ResourceType } from '../registry/resource-type.ts';
import { builtinOpenApiDocument, openApiV3Index } from '../openapi/index.ts';
import { crdOpenApiSchemas } from '../crd/openapi.ts';
import { crdVersions } from '../crd/index.ts';

function gvKey(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

const PARAMS = ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({ name, in: 'query', schema: { type: name === 'force' ? 'boolean' : 'string' } }));

function crdPaths(t: ResourceType, schemaName: string): JsonObject {
  const gvk = [{ group: t.group, version: t.version, kind: t.kind }];
  const base = t.namespaced ? `/apis/${t.group}/${t.version}/namespaces/{namespace}/${t.resource}` : `/apis/${t.group}/${t.version}/${t.resource}`;
  const ref = { $ref: `#/components/schemas/${schemaName}` };
  const op = (action: string) => ({
    'x-kubernetes-group-version-kind': gvk[0],
    'x-kubernetes-action': action,
    parameters: PARAMS,
    responses: { '200': { content: { 'application/json': { schema: ref } } } },
  });
  return {
    [base]: { get: op('list'), post: op('post') },
    [`${base}/{name}`]: { get: op('get'), put: op('put'), patch: op('patch'), delete: op('delete') },
  };
}

function crdDocument(api: ClusterApi, types: ResourceType[]): JsonObject {
  const paths: JsonObject = {};
  const schemas: JsonObject = {};
  for (const t of types) {
    const crd = api.store.get('apiextensions.k8s.io/customresourcedefinitions', undefined, t.crdName!);
    const info = crd ? crdVersions(crd).find((v) => v.version === t.version) : undefined;
    if (!info) continue;
    const { schemaName, schema } = crdOpenApiSchemas(info);
    schemas[schemaName] = schema;
    Object.assign(paths, crdPaths(t, schemaName));
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes CRD Swagger', version: 'v0.1.0' }, paths, components: { schemas } };
}

/** Serves /openapi/v3 and its per-group-version documents, from built-in schemas and CRD schemas. */
export class OpenApiService {
  private cache = new Map<string, { generation: number; text: string; hash: string }>();

  constructor(private readonly api: ClusterApi) {}

  private keys(): string[] {
    return this.api.registry.groupVersions().map((gv) => gvKey(gv.group, gv.version));
  }

  private build(key: string): { text: string; hash: string } | undefined {
    const gen = this.api.registry.generation;
    const hit = this.cache.get(key);
    if (hit && hit.generation === gen) return hit;
    const gv = this.api.registry.groupVersions().find((x) => gvKey(x.group, x.version) === key);
    if (!gv) return undefined;
    const types = this.api.registry.resourcesOf(gv.group, gv.version);
    const custom = types.filter((t) => t.crdName);
    const doc = custom.length === types.length ? crdDocument(this.api, custom) : builtinOpenApiDocument(
            key,
            types.filter((t) => !t.crdName).map((t) => ({ ...t, subresources: t.subresources.map((sr) => sr.name) })),
          );
    const text = JSON.stringify(doc);
    const entry = { generation: gen, text, hash: createHash('sha512').update(text).digest('hex').slice(0, 128).toUpperCase() };
    this.cache.set(key, entry);
    return entry;
  }

  index(): string {
    return JSON.stringify(openApiV3Index(this.keys(), (k: string) => this.build(k)?.hash ?? ''));
  }

  document(key: string): string | undefined {
    return this.build(key)?.text;
  }
}
