import { REF_PREFIX, builtinSchemas, gvkKey } from './compile.ts';
import type { JsonSchema } from './compile.ts';
import {
  DELETE_PARAMS,
  LIST_PARAMS,
  LOG_PARAMS,
  PATCH_PARAMS,
  WRITE_PARAMS,
  pathParam,
  queryParams,
} from './parameters.ts';

export interface BuiltinResource {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  subresources: string[];
}

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const JSON_TYPES = ['application/json', 'application/yaml'];
const PATCH_TYPES = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
];

interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** What one operation acts on: its GVK extension, body/response schema and naming. */
interface Target {
  gvk: Gvk;
  schema: string;
  tag: string;
  opName: string;
}

const ref = (name: string): JsonSchema => ({ $ref: REF_PREFIX + name });

function content(types: string[], schema: JsonSchema): JsonSchema {
  return Object.fromEntries(types.map((t) => [t, { schema }]));
}

function responses(codes: Record<string, string>, schema: JsonSchema, types = JSON_TYPES): JsonSchema {
  const out: JsonSchema = {};
  for (const [code, description] of Object.entries(codes))
    out[code] = { description, content: content(types, schema) };
  out['401'] = { description: 'Unauthorized' };
  return out;
}

interface OpSpec {
  verb: string;
  action: string;
  description: string;
  params: string[];
  body?: JsonSchema;
  bodyTypes?: string[];
  result: JsonSchema;
  codes: Record<string, string>;
  resultTypes?: string[];
}

function operation(t: Target, spec: OpSpec): JsonSchema {
  const op: JsonSchema = {
    description: spec.description,
    operationId: `${spec.verb}${t.opName}`,
    tags: [t.tag],
    parameters: queryParams(...spec.params),
    responses: responses(spec.codes, spec.result, spec.resultTypes),
    'x-kubernetes-action': spec.action,
    'x-kubernetes-group-version-kind': { group: t.gvk.group, kind: t.gvk.kind, version: t.gvk.version },
  };
  if (spec.body !== undefined) {
    op.requestBody = {
      required: true,
      content: content(spec.bodyTypes ?? ['application/json', 'application/yaml'], spec.body),
    };
  }
  return op;
}

const OK = { '200': 'OK' };
const OK_CREATED = { '200': 'OK', '201': 'Created' };

function itemOps(t: Target, what: string): JsonSchema {
  const obj = ref(t.schema);
  return {
    get: operation(t, {
      verb: 'read',
      action: 'get',
      description: `read the specified ${what}`,
      params: [],
      result: obj,
      codes: OK,
    }),
    put: operation(t, {
      verb: 'replace',
      action: 'put',
      description: `replace the specified ${what}`,
      params: WRITE_PARAMS,
      body: obj,
      result: obj,
      codes: OK_CREATED,
    }),
    patch: operation(t, {
      verb: 'patch',
      action: 'patch',
      description: `partially update the specified ${what}`,
      params: PATCH_PARAMS,
      body: ref(`${META}.Patch`),
      bodyTypes: PATCH_TYPES,
      result: obj,
      codes: OK_CREATED,
    }),
  };
}

function deleteOp(t: Target, collection: boolean): JsonSchema {
  return operation(t, {
    verb: collection ? 'deletecollection' : 'delete',
    action: collection ? 'deletecollection' : 'delete',
    description: collection ? `delete collection of ${t.gvk.kind}` : `delete a ${t.gvk.kind}`,
    params: collection ? [...DELETE_PARAMS, ...LIST_PARAMS] : DELETE_PARAMS,
    body: ref(`${META}.DeleteOptions`),
    bodyTypes: ['application/json'],
    result: collection ? ref(`${META}.Status`) : ref(t.schema),
    codes: collection ? OK : { '200': 'OK', '202': 'Accepted' },
  });
}

function listOp(t: Target, listSchema: string): JsonSchema {
  return operation(t, {
    verb: 'list',
    action: 'list',
    description: `list or watch objects of kind ${t.gvk.kind}`,
    params: LIST_PARAMS,
    result: ref(listSchema),
    codes: OK,
    resultTypes: [...JSON_TYPES, 'application/json;stream=watch'],
  });
}

function createOp(t: Target, what: string): JsonSchema {
  return operation(t, {
    verb: 'create',
    action: 'post',
    description: `create ${what}`,
    params: WRITE_PARAMS,
    body: ref(t.schema),
    result: ref(t.schema),
    codes: { ...OK_CREATED, '202': 'Accepted' },
  });
}

export function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function groupTag(group: string): string {
  return group === '' ? 'core' : group.split('.')[0];
}

function opPrefix(group: string, version: string): string {
  const g = group === '' ? 'Core' : group.split('.')[0].split('-').map(upperFirst).join('');
  return `${g}${upperFirst(version)}`;
}

/** Schema name for a GVK, registering a free-form placeholder for kinds without a built-in schema. */
export function schemaFor(gvk: Gvk, extra: Map<string, JsonSchema>): string {
  const known = builtinSchemas().byGvk.get(gvkKey(gvk.group, gvk.version, gvk.kind));
  if (known !== undefined) return known;
  const name = `io.k8s.sim.${gvk.group === '' ? 'core' : gvk.group}.${gvk.version}.${gvk.kind}`;
  extra.set(name, {
    description: `${gvk.kind} (schema not modelled by kube-sim).`,
    type: 'object',
    'x-kubernetes-preserve-unknown-fields': true,
    'x-kubernetes-group-version-kind': [{ group: gvk.group, kind: gvk.kind, version: gvk.version }],
  });
  return name;
}

interface Ctx {
  r: BuiltinResource;
  target: Target;
  extra: Map<string, JsonSchema>;
}

function subresourcePath(ctx: Ctx, sub: string): JsonSchema | undefined {
  const { r, target } = ctx;
  const named = (kind: string, group: string, version: string, suffix: string): Target => ({
    gvk: { group, version, kind },
    schema: schemaFor({ group, version, kind }, ctx.extra),
    tag: target.tag,
    opName: `${target.opName}${suffix}`,
  });
  switch (sub) {
    case 'status':
      return itemOps({ ...target, opName: `${target.opName}Status` }, `status of the ${r.kind}`);
    case 'scale':
      return itemOps(named('Scale', 'autoscaling', 'v1', 'Scale'), `scale of the ${r.kind}`);
    case 'eviction':
      return { post: createOp(named('Eviction', 'policy', 'v1', 'Eviction'), `eviction of a ${r.kind}`) };
    case 'binding':
      return { post: createOp(named('Binding', '', 'v1', 'Binding'), `binding of a ${r.kind}`) };
    case 'finalize':
      return { put: itemOps({ ...target, opName: `${target.opName}Finalize` }, `finalize ${r.kind}`).put };
    case 'log':
      return { get: logOp(target) };
    default:
      return undefined;
  }
}

function logOp(t: Target): JsonSchema {
  return operation(
    { ...t, opName: `${t.opName}Log` },
    {
      verb: 'read',
      action: 'get',
      description: `read log of the specified ${t.gvk.kind}`,
      params: LOG_PARAMS,
      result: { type: 'string' },
      codes: OK,
      resultTypes: ['text/plain'],
    },
  );
}

/** Collection, item and subresource paths of one resource. */
export function resourcePaths(
  r: BuiltinResource,
  extra: Map<string, JsonSchema>,
): Record<string, JsonSchema> {
  const prefix = r.group === '' ? `/api/${r.version}` : `/apis/${r.group}/${r.version}`;
  const gvk = { group: r.group, version: r.version, kind: r.kind };
  const schema = schemaFor(gvk, extra);
  const listSchema = schemaFor({ ...gvk, kind: `${r.kind}List` }, extra);
  const scope = r.namespaced ? 'Namespaced' : '';
  const target: Target = {
    gvk,
    schema,
    tag: `${groupTag(r.group)}_${r.version}`,
    opName: `${opPrefix(r.group, r.version)}${scope}${r.kind}`,
  };
  const collection = r.namespaced
    ? `${prefix}/namespaces/{namespace}/${r.resource}`
    : `${prefix}/${r.resource}`;
  const scopeParams = r.namespaced ? [pathParam('namespace', r.kind)] : [];
  const pretty = queryParams('pretty');
  const itemParams = [pathParam('name', r.kind), ...scopeParams, ...pretty];
  const paths: Record<string, JsonSchema> = {
    [collection]: {
      get: listOp(target, listSchema),
      post: createOp(target, `a ${r.kind}`),
      delete: deleteOp(target, true),
      parameters: [...scopeParams, ...pretty],
    },
    [`${collection}/{name}`]: {
      ...itemOps(target, r.kind),
      delete: deleteOp(target, false),
      parameters: itemParams,
    },
  };
  if (r.namespaced) {
    const all = { ...target, opName: `${opPrefix(r.group, r.version)}${r.kind}ForAllNamespaces` };
    paths[`${prefix}/${r.resource}`] = { get: listOp(all, listSchema), parameters: pretty };
  }
  const ctx: Ctx = { r, target, extra };
  for (const sub of r.subresources) {
    const item = subresourcePath(ctx, sub);
    if (item !== undefined) paths[`${collection}/{name}/${sub}`] = { ...item, parameters: itemParams };
  }
  return paths;
}
