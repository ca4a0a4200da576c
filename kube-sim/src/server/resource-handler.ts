import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JsonObject } from '../util/json.ts';
import { isObject } from '../util/json.ts';
import { ApiError, badRequest, methodNotAllowed } from '../util/errors.ts';
import type { ClusterApi } from '../api/cluster-api.ts';
import { deleteCollection, deleteObject } from '../api/delete.ts';
import { patchObject, patchJson } from '../api/patching.ts';
import {
  applyScale,
  bindPod,
  evictPod,
  finalizeNamespace,
  scaleOf,
  type PodRef,
} from '../api/subresources.ts';
import type { DeleteOptions, ListResult, WatchOptions, WriteOptions } from '../api/types.ts';
import { apiVersionOf, type ResourceType } from '../registry/resource-type.ts';
import { decodeBody, parseAccept, patchTypeOf, type AcceptInfo } from './negotiation.ts';
import type { ResourcePath } from './paths.ts';
import { sendError, sendJson, sendText } from './respond.ts';
import { includeObjectOf, partialMetadata, toTable } from './table.ts';
import { serveWatch } from './watch-stream.ts';

export type LogProvider = (
  pod: JsonObject,
  container: string,
  opts: { tailLines?: number; timestamps?: boolean },
) => string | Promise<string>;

export interface HandlerContext {
  api: ClusterApi;
  logs: LogProvider;
  watches: Set<() => void>;
}

/** One HTTP request to a resource URL, as the API server routes it here. */
export interface ResourceRequest {
  req: IncomingMessage;
  res: ServerResponse;
  path: ResourcePath;
  query: URLSearchParams;
  body: Buffer;
}

interface Call extends ResourceRequest {
  ctx: HandlerContext;
  type: ResourceType;
  accept: AcceptInfo;
}

function writeOptions(q: URLSearchParams): WriteOptions {
  const dryRun = q.getAll('dryRun');
  if (dryRun.some((d) => d !== 'All')) throw badRequest(`Invalid dry run value: ${dryRun.join(',')}`);
  return {
    dryRun: dryRun.includes('All'),
    fieldManager: q.get('fieldManager') ?? undefined,
    fieldValidation: q.get('fieldValidation') ?? undefined,
    warnings: [],
  };
}

function respondObject(c: Call, code: number, obj: JsonObject, warnings: string[] = []): void {
  if (c.accept.table)
    return sendJson(
      c.res,
      code,
      toTable(c.ctx.api, c.type, [obj], { includeObject: includeObjectOf(c.query.get('includeObject')) }),
    );
  if (c.accept.partialMetadata) return sendJson(c.res, code, partialMetadata(obj));
  sendJson(c.res, code, obj, { warnings });
}

/** The selectors and watch parameters of a collection GET (a list takes what it needs of them). */
function watchOptionsOf(c: Call): WatchOptions {
  const q = c.query;
  return {
    namespace: c.path.namespace,
    labelSelector: q.get('labelSelector') ?? undefined,
    fieldSelector: q.get('fieldSelector') ?? undefined,
    resourceVersion: q.get('resourceVersion') ?? undefined,
    allowWatchBookmarks: q.get('allowWatchBookmarks') === 'true',
    sendInitialEvents: q.get('sendInitialEvents') === 'true',
  };
}

function isWatchRequest(q: URLSearchParams): boolean {
  const watch = q.get('watch');
  return watch === 'true' || watch === '1';
}

function startWatchStream(c: Call, options: WatchOptions): void {
  const ts = c.query.get('timeoutSeconds');
  serveWatch(c.req, c.res, {
    api: c.ctx.api,
    type: c.type,
    options,
    accept: c.accept,
    includeObject: includeObjectOf(c.query.get('includeObject')),
    timeoutSeconds: ts ? Number(ts) : undefined,
    registry: c.ctx.watches,
  });
}

function handleList(c: Call): void {
  const opts = watchOptionsOf(c);
  if (isWatchRequest(c.query)) return startWatchStream(c, opts);
  const limit = c.query.get('limit');
  const result = c.ctx.api.list(c.type, {
    ...opts,
    limit: limit ? Number(limit) : undefined,
    continue: c.query.get('continue') ?? undefined,
  });
  sendList(c, result);
}

function listMetaOf(result: ListResult): JsonObject {
  const listMeta: JsonObject = { resourceVersion: result.resourceVersion };
  if (result.continue) listMeta.continue = result.continue;
  if (result.remainingItemCount !== undefined) listMeta.remainingItemCount = result.remainingItemCount;
  return listMeta;
}

/** A list as a Table, as PartialObjectMetadataList or as the kind's own list, as the Accept header asks. */
function sendList(c: Call, result: ListResult): void {
  const listMeta = listMetaOf(result);
  if (c.accept.table) {
    const includeObject = includeObjectOf(c.query.get('includeObject'));
    sendJson(c.res, 200, toTable(c.ctx.api, c.type, result.items, { includeObject, listMeta }));
    return;
  }
  if (c.accept.partialMetadata) {
    sendJson(c.res, 200, {
      kind: 'PartialObjectMetadataList',
      apiVersion: 'meta.k8s.io/v1',
      metadata: listMeta,
      items: result.items.map(partialMetadata),
    });
    return;
  }
  sendJson(c.res, 200, {
    kind: c.type.listKind,
    apiVersion: apiVersionOf(c.type),
    metadata: listMeta,
    items: result.items,
  });
}

function deleteOptionsOf(c: Call): DeleteOptions {
  const body = decodeBody(c.body, c.req.headers['content-type']);
  const opts: DeleteOptions = isObject(body) ? (body as DeleteOptions) : {};
  const q = c.query;
  const grace = q.get('gracePeriodSeconds');
  if (grace !== null) opts.gracePeriodSeconds = Number(grace);
  const policy = q.get('propagationPolicy');
  if (policy) opts.propagationPolicy = policy as DeleteOptions['propagationPolicy'];
  if (opts.propagationPolicy && !['Background', 'Foreground', 'Orphan'].includes(opts.propagationPolicy)) {
    throw badRequest(
      `propagationPolicy: Unsupported value: "${opts.propagationPolicy}": supported values: "Foreground", "Background", "Orphan"`,
    );
  }
  if (isObject(body) && Array.isArray((body as JsonObject).dryRun))
    opts.dryRun = ((body as JsonObject).dryRun as string[]).includes('All');
  if (q.getAll('dryRun').includes('All')) opts.dryRun = true;
  return opts;
}

function handleCollection(c: Call): void {
  const method = c.req.method;
  if (method === 'GET') return handleList(c);
  if (method === 'POST') {
    const opts = writeOptions(c.query);
    const created = c.ctx.api.create(
      c.type,
      c.path.namespace,
      decodeBody(c.body, c.req.headers['content-type']),
      opts,
    );
    return respondObject(c, 201, created, opts.warnings);
  }
  if (method === 'DELETE') {
    const q = c.query;
    const items = deleteCollection(
      c.ctx.api,
      c.type,
      {
        namespace: c.path.namespace,
        labelSelector: q.get('labelSelector') ?? undefined,
        fieldSelector: q.get('fieldSelector') ?? undefined,
      },
      deleteOptionsOf(c),
    );
    return sendJson(c.res, 200, {
      kind: c.type.listKind,
      apiVersion: apiVersionOf(c.type),
      metadata: {},
      items,
    });
  }
  throw methodNotAllowed(`the server does not allow this method on the requested resource`);
}

function handleItem(c: Call): void {
  const { api } = c.ctx;
  const name = c.path.name!;
  const ns = c.path.namespace;
  switch (c.req.method) {
    case 'GET':
      return respondObject(c, 200, api.get(c.type, ns, name));
    case 'PUT': {
      const opts = writeOptions(c.query);
      const updated = api.update(c.type, name, decodeBody(c.body, c.req.headers['content-type']), {
        ...opts,
        namespace: ns,
      });
      return respondObject(c, 200, updated, opts.warnings);
    }
    case 'PATCH': {
      const opts = { ...writeOptions(c.query), force: c.query.get('force') === 'true' };
      const patchType = patchTypeOf(c.req.headers['content-type']);
      const { object, created } = patchObject(
        api,
        c.type,
        { ref: { namespace: ns, name }, patchType, body: decodeBody(c.body, c.req.headers['content-type']) },
        opts,
      );
      return respondObject(c, created ? 201 : 200, object, opts.warnings);
    }
    case 'DELETE':
      return respondObject(c, 200, deleteObject(api, c.type, { namespace: ns, name }, deleteOptionsOf(c)));
  }
  throw methodNotAllowed('the server does not allow this method on the requested resource');
}

function handleStatus(c: Call): void {
  const { api } = c.ctx;
  const ref = { namespace: c.path.namespace, name: c.path.name! };
  if (c.req.method === 'GET') return respondObject(c, 200, api.get(c.type, ref.namespace, ref.name));
  const opts = { ...writeOptions(c.query), subresource: 'status' };
  if (c.req.method === 'PUT') {
    return respondObject(
      c,
      200,
      api.update(c.type, ref.name, decodeBody(c.body, c.req.headers['content-type']), {
        ...opts,
        namespace: ref.namespace,
      }),
    );
  }
  if (c.req.method === 'PATCH') {
    const patchType = patchTypeOf(c.req.headers['content-type']);
    const { object } = patchObject(
      api,
      c.type,
      { ref, patchType, body: decodeBody(c.body, c.req.headers['content-type']) },
      { ...opts, force: c.query.get('force') === 'true' },
    );
    return respondObject(c, 200, object);
  }
  throw methodNotAllowed('the server does not allow this method on the requested resource');
}

function handleScale(c: Call): void {
  const { api } = c.ctx;
  const ref = { namespace: c.path.namespace, name: c.path.name! };
  const current = scaleOf(api, c.type, api.get(c.type, ref.namespace, ref.name));
  if (c.req.method === 'GET') return sendJson(c.res, 200, current);
  const body = decodeBody(c.body, c.req.headers['content-type']);
  const opts = writeOptions(c.query);
  if (c.req.method === 'PUT')
    return sendJson(c.res, 200, applyScale(api, c.type, { ref, scale: body }, opts));
  if (c.req.method === 'PATCH') {
    const scaleType = { ...c.type, kind: 'Scale', crdName: undefined };
    const patched = patchJson(scaleType, current, patchTypeOf(c.req.headers['content-type']), body);
    return sendJson(c.res, 200, applyScale(api, c.type, { ref, scale: patched }, opts));
  }
  throw methodNotAllowed('the server does not allow this method on the requested resource');
}

function handleLog(c: Call): void {
  const pod = c.ctx.api.get(c.type, c.path.namespace, c.path.name!);
  const containers = (
    ((pod.spec as JsonObject | undefined)?.containers as JsonObject[] | undefined) ?? []
  ).map((x) => String(x.name));
  const container = c.query.get('container') ?? (containers.length === 1 ? containers[0] : undefined);
  if (!container) {
    throw badRequest(
      `a container name must be specified for pod ${c.path.name}, choose one of: [${containers.join(' ')}]`,
    );
  }
  if (!containers.includes(container))
    throw badRequest(`container ${container} is not valid for pod ${c.path.name}`);
  const tail = c.query.get('tailLines');
  const text = c.ctx.logs(pod, container, {
    tailLines: tail ? Number(tail) : undefined,
    timestamps: c.query.get('timestamps') === 'true',
  });
  if (typeof text === 'string') return sendText(c.res, 200, text);
  // A provider may fetch logs from elsewhere (omni's virtual kubelet reads them from the edge cluster).
  text.then(
    (t) => sendText(c.res, 200, t),
    (err: unknown) => sendError(c.res, err),
  );
}

/** Subresources that take a single method answer any other with 405. */
function requireMethod(c: Call, method: string): void {
  if (c.req.method !== method) {
    throw methodNotAllowed('the server does not allow this method on the requested resource');
  }
}

function podRefOf(c: Call): PodRef {
  return { namespace: c.path.namespace!, name: c.path.name! };
}

function handlePodBinding(c: Call): void {
  requireMethod(c, 'POST');
  bindPod(c.ctx.api, podRefOf(c), decodeBody(c.body, c.req.headers['content-type']), writeOptions(c.query));
  sendJson(c.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

function handlePodEviction(c: Call): void {
  requireMethod(c, 'POST');
  const body = decodeBody(c.body, c.req.headers['content-type']);
  sendJson(c.res, 201, evictPod(c.ctx.api, podRefOf(c), body, c.query.getAll('dryRun').includes('All')));
}

function handleNamespaceFinalize(c: Call): void {
  requireMethod(c, 'PUT');
  const body = decodeBody(c.body, c.req.headers['content-type']);
  sendJson(c.res, 200, finalizeNamespace(c.ctx.api, c.path.name!, body));
}

const SUBRESOURCE_HANDLERS = new Map<string, (c: Call) => void>([
  ['status', handleStatus],
  ['scale', handleScale],
  ['log', handleLog],
  ['binding', handlePodBinding],
  ['eviction', handlePodEviction],
  ['finalize', handleNamespaceFinalize],
]);

function handleSubresource(c: Call): void {
  const sub = c.path.subresource!;
  if (!c.type.subresources.some((s) => s.name === sub))
    throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
  const handler = SUBRESOURCE_HANDLERS.get(sub);
  // A subresource that discovery lists but kube-sim does not implement (nodes/proxy).
  if (!handler) throw methodNotAllowed('the server does not allow this method on the requested resource');
  handler(c);
}

/** The legacy `bindings` resource: POST /api/v1/namespaces/{ns}/bindings with the pod's name. */
function handleBindings(c: Call): void {
  const b = decodeBody(c.body, c.req.headers['content-type']);
  const name = isObject(b) && isObject(b.metadata) ? String(b.metadata.name ?? '') : '';
  bindPod(c.ctx.api, { namespace: c.path.namespace!, name }, b, writeOptions(c.query));
  sendJson(c.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

function handleAccessReview(c: Call): void {
  const b = decodeBody(c.body, c.req.headers['content-type']);
  const review = isObject(b) ? b : {};
  sendJson(c.res, 201, {
    ...review,
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    status: { allowed: true, reason: 'kube-sim allows every authenticated request' },
  });
}

export function handleResource(ctx: HandlerContext, request: ResourceRequest): void {
  const { req, path } = request;
  const type = ctx.api.resolve(path.group, path.version, path.resource);
  if (path.namespace && !type.namespaced)
    throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
  const c: Call = { ...request, ctx, type, accept: parseAccept(req.headers.accept) };
  if (type.resource === 'selfsubjectaccessreviews') return handleAccessReview(c);
  if (type.resource === 'bindings' && type.group === '') return handleBindings(c);
  if (!path.name) return handleCollection(c);
  if (path.subresource) return handleSubresource(c);
  return handleItem(c);
}
