// Builders for planner tests: templates, edge locations, pods, nodes, with only what a test cares about.
import {
  parseEdgeLocation,
  parseNodeTemplate,
  type EdgeLocation,
  type NodeTemplate,
} from '../../../src/apis/index.ts';
import { plannerPod, type PlannerPod, type PodSpec } from '../../../src/planner/index.ts';

export const EDGE_TOLERATION = { key: 'virtual-node.omni.cast.ai/not-allowed', operator: 'Exists' as const };

export function template(name: string, spec: Record<string, unknown> = {}): NodeTemplate {
  return parseNodeTemplate({
    apiVersion: 'omni.cast.ai/v1alpha1',
    kind: 'NodeTemplate',
    metadata: { name },
    spec,
  });
}

export function edgeLocation(
  name: string,
  cloud: 'aws' | 'gcp' | 'oci',
  region: string,
  zones?: string[],
): EdgeLocation {
  return parseEdgeLocation({
    apiVersion: 'omni.cast.ai/v1alpha1',
    kind: 'EdgeLocation',
    metadata: { name },
    spec: { cloud, region, ...(zones ? { zones } : {}) },
  });
}

export interface PodOptions {
  cpu?: string;
  memory?: string;
  gpu?: number;
  ephemeral?: string;
  labels?: Record<string, string>;
  spec?: Partial<PodSpec>;
  namespace?: string;
}

export function pod(name: string, o: PodOptions = {}): PlannerPod {
  const requests: Record<string, string | number> = { cpu: o.cpu ?? '500m', memory: o.memory ?? '512Mi' };
  if (o.gpu) requests['nvidia.com/gpu'] = o.gpu;
  if (o.ephemeral) requests['ephemeral-storage'] = o.ephemeral;
  return plannerPod(
    { namespace: o.namespace ?? 'default', name, labels: o.labels ?? {} },
    { containers: [{ name: 'c', resources: { requests } }], ...(o.spec ?? {}) },
  );
}

export function pods(prefix: string, n: number, o: PodOptions = {}): PlannerPod[] {
  return Array.from({ length: n }, (_, i) => pod(`${prefix}-${i}`, o));
}
