// The console's forms: create an EdgeLocation, create or update a NodeTemplate, validated as the CRDs are.
import type { z } from 'zod';
import {
  API_VERSION,
  GROUP,
  VERSION,
  checkEdgeLocationRefs,
  checkEdgeLocationZones,
  edgeLocationSchema,
  formatPath,
  nodeTemplateSchema,
  type EdgeLocation,
  type NodeTemplate,
} from '../apis/index.ts';
import { issuesToProblems, objectLabel } from '../apis/errors.ts';
import type { Catalog } from '../catalog/index.ts';
import { statusOf, type KubeClients } from '../kube/index.ts';
import type { FieldError, NodeTemplateView } from './api-types.ts';
import type { ClusterCache, OmniObject } from './cluster-cache.ts';
import { HttpError } from './http.ts';

export interface FormDeps {
  clients: KubeClients;
  cache: ClusterCache;
  catalog: Catalog;
}

const PROBLEM = /^\S+ (?:"[^"]*"|\(no metadata\.name\)): ([^:]+): ([\s\S]*)$/;

/** `NodeTemplate "gpu": spec.x: message` → { field: 'spec.x', message }. */
export function problemToField(problem: string): FieldError {
  const m = PROBLEM.exec(problem);
  return m ? { field: m[1], message: m[2] } : { field: '', message: problem };
}

function invalid(kind: string, problems: string[]): HttpError {
  return new HttpError(422, 'Invalid', `${kind} is invalid:\n${problems.join('\n')}`, problems.map(problemToField));
}

function parseOrThrow<S extends z.ZodType>(kind: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const who = objectLabel(kind, input);
  const problems = issuesToProblems(kind, input, result.error.issues);
  throw new HttpError(
    422,
    'Invalid',
    `${kind} is invalid:\n${problems.join('\n')}`,
    result.error.issues.map((issue, i) => {
      const field = formatPath(issue.path);
      const prefix = field ? `${who}: ${field}: ` : `${who}: `;
      return { field, message: problems[i].startsWith(prefix) ? problems[i].slice(prefix.length) : problems[i] };
    }),
  );
}

function envelope(kind: string, body: Record<string, unknown>): Record<string, unknown> {
  const { status: _status, ...rest } = body;
  return { ...rest, apiVersion: rest.apiVersion ?? API_VERSION, kind: rest.kind ?? kind };
}

function knownEdgeLocations(cache: ClusterCache): EdgeLocation[] {
  return cache.edgeLocations.list().flatMap((o) => {
    const r = edgeLocationSchema.safeParse({ apiVersion: o.apiVersion, kind: o.kind, metadata: { name: o.metadata?.name }, spec: o.spec });
    return r.success ? [r.data] : [];
  });
}

function kubeMessage(err: unknown): string {
  const body = typeof err === 'object' && err !== null ? (err as { body?: unknown }).body : undefined;
  if (typeof body === 'string') {
    try {
      const parsed = JSON.parse(body) as { message?: unknown };
      if (typeof parsed.message === 'string') return parsed.message;
    } catch {
      return body;
    }
  }
  return err instanceof Error ? err.message : String(err);
}

/** Maps an API server error to the same status for the console. */
export function fromKubeError(err: unknown): HttpError {
  const status = statusOf(err) ?? 502;
  const code = status === 409 ? 'Conflict' : status === 404 ? 'NotFound' : status === 422 ? 'Invalid' : 'ClusterError';
  return new HttpError(status >= 400 && status < 600 ? status : 502, code, kubeMessage(err));
}

function crd(plural: string): { group: string; version: string; plural: string } {
  return { group: GROUP, version: VERSION, plural };
}

export function validateNodeTemplate(deps: FormDeps, body: Record<string, unknown>): NodeTemplate {
  const template = parseOrThrow('NodeTemplate', nodeTemplateSchema, envelope('NodeTemplate', body));
  const problems = checkEdgeLocationRefs([template], knownEdgeLocations(deps.cache));
  if (problems.length > 0) throw invalid('NodeTemplate', problems);
  return template;
}

export function validateEdgeLocation(deps: FormDeps, body: Record<string, unknown>): EdgeLocation {
  const location = parseOrThrow('EdgeLocation', edgeLocationSchema, envelope('EdgeLocation', body));
  const problems = checkEdgeLocationZones(location, (cloud) => deps.catalog.regions(cloud));
  if (problems.length > 0) throw invalid('EdgeLocation', problems);
  return location;
}

export async function createNodeTemplate(deps: FormDeps, body: Record<string, unknown>): Promise<OmniObject> {
  const template = validateNodeTemplate(deps, body);
  try {
    return (await deps.clients.custom.createClusterCustomObject({ ...crd('nodetemplates'), body: template })) as OmniObject;
  } catch (err) {
    throw fromKubeError(err);
  }
}

export async function updateNodeTemplate(deps: FormDeps, name: string, body: Record<string, unknown>): Promise<OmniObject> {
  const given = (body.metadata ?? {}) as { name?: unknown };
  if (given.name !== undefined && given.name !== name)
    throw new HttpError(422, 'Invalid', 'metadata.name does not match the URL', [{ field: 'metadata.name', message: `must be ${name}` }]);
  const template = validateNodeTemplate(deps, { ...body, metadata: { ...(body.metadata as object), name } });
  try {
    const current = (await deps.clients.custom.getClusterCustomObject({ ...crd('nodetemplates'), name })) as OmniObject;
    const next = { ...current, spec: template.spec, metadata: { ...current.metadata, labels: template.metadata.labels ?? current.metadata?.labels } };
    return (await deps.clients.custom.replaceClusterCustomObject({ ...crd('nodetemplates'), name, body: next })) as OmniObject;
  } catch (err) {
    throw fromKubeError(err);
  }
}

export async function createEdgeLocation(deps: FormDeps, body: Record<string, unknown>): Promise<OmniObject> {
  const location = validateEdgeLocation(deps, body);
  try {
    return (await deps.clients.custom.createClusterCustomObject({ ...crd('edgelocations'), body: location })) as OmniObject;
  } catch (err) {
    throw fromKubeError(err);
  }
}

export function nodeTemplatesView(cache: ClusterCache): NodeTemplateView[] {
  return cache.nodeTemplates
    .list()
    .map((t) => ({
      name: t.metadata?.name ?? '',
      spec: t.spec ?? {},
      status: t.status ?? {},
      createdAt: t.metadata?.creationTimestamp ? new Date(t.metadata.creationTimestamp).toISOString() : null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
