import type { JsonObject } from '../../util/json.ts';
import { firstUntolerated, matchesNodeSelector, matchesTerms, type NodeSelectorTerm, type Taint, type Toleration } from '../scheduler/affinity.ts';
import { labelsOf, nameOf, podFromTemplate, specOf, type Labels } from '../shared/pods.ts';

const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

function withDaemonTolerations(spec: JsonObject): Toleration[] {
  const own = (spec.tolerations as Toleration[] | undefined) ?? [];
  const extra = spec.hostNetwork ? [{ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' }] : [];
  const missing = [...DAEMON_TOLERATIONS, ...extra].filter((d) => !own.some((t) => t.key === d.key && t.effect === d.effect));
  return [...own, ...missing];
}

function requiredTerms(spec: JsonObject): NodeSelectorTerm[] | undefined {
  const na = (spec.affinity as JsonObject | undefined)?.nodeAffinity as JsonObject | undefined;
  return (na?.requiredDuringSchedulingIgnoredDuringExecution as JsonObject | undefined)?.nodeSelectorTerms as NodeSelectorTerm[] | undefined;
}

/** Whether a daemon pod belongs on the node: selector, required affinity, NoSchedule/NoExecute taints. */
export function shouldRunOn(template: JsonObject, node: JsonObject): boolean {
  const spec = specOf(template);
  const labels = labelsOf(node);
  if (!matchesNodeSelector(spec.nodeSelector as Labels | undefined, labels)) return false;
  const terms = requiredTerms(spec);
  if (terms && !matchesTerms(terms, labels, nameOf(node))) return false;
  return !firstUntolerated((specOf(node).taints as Taint[] | undefined) ?? [], withDaemonTolerations(spec));
}

/** The node a daemon pod is pinned to through its matchFields node affinity (or its nodeName). */
export function targetNode(pod: JsonObject): string | undefined {
  const spec = specOf(pod);
  if (spec.nodeName) return String(spec.nodeName);
  for (const term of requiredTerms(spec) ?? []) {
    const f = term.matchFields?.find((m) => m.key === 'metadata.name' && m.operator === 'In');
    if (f?.values?.length === 1) return f.values[0];
  }
  return undefined;
}

/** A daemon pod for `node`: tolerations added and affinity replaced by metadata.name, as the real controller does. */
export function daemonPod(ds: JsonObject, node: string, labels: Labels): JsonObject {
  const pod = podFromTemplate(specOf(ds).template as JsonObject, ds, { generateName: `${nameOf(ds)}-` });
  const meta = pod.metadata as JsonObject;
  meta.labels = { ...((meta.labels as Labels | undefined) ?? {}), ...labels };
  const spec = specOf(pod);
  spec.tolerations = withDaemonTolerations(spec);
  const affinity = (spec.affinity as JsonObject | undefined) ?? {};
  const nodeAffinity = (affinity.nodeAffinity as JsonObject | undefined) ?? {};
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
  };
  spec.affinity = { ...affinity, nodeAffinity };
  return pod;
}
