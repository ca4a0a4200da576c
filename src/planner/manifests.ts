// Multi-document manifests → planner inputs. Every problem names the object and the field.
import type { z } from 'zod';
import {
  ValidationError,
  checkEdgeLocationRefs,
  formatPath,
  parseEdgeLocation,
  parseNodeTemplate,
  type EdgeLocation,
  type NodeTemplate,
} from '../apis/index.ts';
import type { DaemonSetSpec, ExistingNode, PlannerPod } from './types.ts';
import {
  daemonSetSpec,
  existingNode,
  nodeManifestSchema,
  plannerPod,
  podManifestSchema,
  workloadManifestSchema,
} from './kube-objects.ts';
import { zero } from './resources.ts';
import { compareStrings } from './locations.ts';

export interface ManifestInputs {
  nodeTemplates: NodeTemplate[];
  edgeLocations: EdgeLocation[];
  pods: PlannerPod[];
  existingNodes: ExistingNode[];
  daemonSets: DaemonSetSpec[];
}

/** Kinds that may sit in the same files and are not the planner's business. */
const IGNORED_KINDS = new Set([
  'Namespace',
  'Service',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'PersistentVolumeClaim',
  'PodDisruptionBudget',
]);
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'Job', 'ReplicaSet']);

interface Collected extends ManifestInputs {
  bound: { nodeName: string; pod: PlannerPod }[];
  problems: string[];
}

/** Reads every document; throws one ValidationError listing every problem, so nothing half-read is used. */
export function inputsFromManifests(docs: readonly unknown[]): ManifestInputs {
  const c: Collected = {
    nodeTemplates: [],
    edgeLocations: [],
    pods: [],
    existingNodes: [],
    daemonSets: [],
    bound: [],
    problems: [],
  };
  docs.forEach((doc, i) => readDocument(c, doc, i));
  c.problems.push(...checkEdgeLocationRefs(c.nodeTemplates, c.edgeLocations), ...duplicates(c));
  if (c.problems.length > 0) throw new ValidationError(c.problems);
  attachBoundPods(c);
  return {
    nodeTemplates: c.nodeTemplates,
    edgeLocations: c.edgeLocations,
    pods: c.pods,
    existingNodes: c.existingNodes,
    daemonSets: c.daemonSets,
  };
}

function readDocument(c: Collected, doc: unknown, i: number): void {
  if (doc === null || doc === undefined) return;
  const kind = typeof doc === 'object' && 'kind' in doc ? String((doc as { kind: unknown }).kind) : '';
  try {
    readKind(c, kind, doc);
  } catch (err) {
    if (err instanceof ValidationError) c.problems.push(...err.problems);
    else
      c.problems.push(
        `document ${i + 1} (${kind || 'no kind'}): ${err instanceof Error ? err.message : String(err)}`,
      );
  }
}

function readKind(c: Collected, kind: string, doc: unknown): void {
  if (kind === 'NodeTemplate') c.nodeTemplates.push(parseNodeTemplate(doc));
  else if (kind === 'EdgeLocation') c.edgeLocations.push(parseEdgeLocation(doc));
  else if (kind === 'Pod') readPod(c, doc);
  else if (WORKLOAD_KINDS.has(kind)) readWorkload(c, kind, doc);
  else if (kind === 'DaemonSet') readDaemonSet(c, doc);
  else if (kind === 'Node') c.existingNodes.push(existingNode(parseKube(kind, nodeManifestSchema, doc)));
  else if (!IGNORED_KINDS.has(kind)) {
    throw new Error(
      `kind ${kind || '(missing)'} is not read by omni plan (NodeTemplate, EdgeLocation, Pod, Deployment, StatefulSet, Job, DaemonSet, Node)`,
    );
  }
}

function parseKube<S extends z.ZodType>(kind: string, schema: S, doc: unknown): z.output<S> {
  const result = schema.safeParse(doc);
  if (result.success) return result.data;
  const meta = (doc as { metadata?: { name?: unknown } }).metadata;
  const who = typeof meta?.name === 'string' ? `${kind} "${meta.name}"` : `${kind} (no metadata.name)`;
  throw new ValidationError(
    result.error.issues.map((issue) => `${who}: ${formatPath(issue.path)}: ${issue.message}`),
  );
}

function readPod(c: Collected, doc: unknown): void {
  const pod = parseKube('Pod', podManifestSchema, doc);
  const id = {
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    labels: pod.metadata.labels ?? {},
  };
  const planned = plannerPod(id, pod.spec);
  if (pod.spec.nodeName) c.bound.push({ nodeName: pod.spec.nodeName, pod: planned });
  else c.pods.push(planned);
}

function readWorkload(c: Collected, kind: string, doc: unknown): void {
  const w = parseKube(kind, workloadManifestSchema, doc);
  const count = kind === 'Job' ? (w.spec.parallelism ?? 1) : (w.spec.replicas ?? 1);
  const namespace = w.metadata.namespace ?? 'default';
  const labels = w.spec.template.metadata?.labels ?? {};
  for (let i = 0; i < count; i++) {
    c.pods.push(plannerPod({ namespace, name: `${w.metadata.name}-${i}`, labels }, w.spec.template.spec));
  }
}

function readDaemonSet(c: Collected, doc: unknown): void {
  const d = parseKube('DaemonSet', workloadManifestSchema, doc);
  const id = { namespace: d.metadata.namespace ?? 'default', name: d.metadata.name, labels: {} };
  c.daemonSets.push(daemonSetSpec(id, d.spec.template.spec));
}

function duplicates(c: Collected): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const check = (kind: string, key: string): void => {
    if (seen.has(`${kind}/${key}`)) out.push(`${kind} "${key}": appears more than once`);
    seen.add(`${kind}/${key}`);
  };
  c.nodeTemplates.forEach((t) => check('NodeTemplate', t.metadata.name));
  c.edgeLocations.forEach((e) => check('EdgeLocation', e.metadata.name));
  c.pods.forEach((p) => check('Pod', `${p.namespace}/${p.name}`));
  c.existingNodes.forEach((n) => check('Node', n.name));
  return out;
}

function attachBoundPods(c: Collected): void {
  const byName = new Map(c.existingNodes.map((n) => [n.name, n]));
  for (const { nodeName, pod } of c.bound) {
    let node = byName.get(nodeName);
    if (!node) {
      // A pod bound to a node that is not in the input: listed under that node, which offers nothing more.
      node = { name: nodeName, labels: {}, taints: [], allocatable: zero(), pods: [] };
      byName.set(nodeName, node);
      c.existingNodes.push(node);
    }
    node.pods.push(pod);
  }
  c.existingNodes.sort((a, b) => compareStrings(a.name, b.name));
}
