// The labels and taints a new node carries (DESIGN.md's contracts).
import type { Lifecycle, Offering } from '../catalog/types.ts';
import { instanceTypeLabel, type NodeTemplate, type Taint } from '../apis/index.ts';
import type { PlanLocation } from './locations.ts';

export const EDGE_TAINT: Taint = {
  key: 'virtual-node.omni.cast.ai/not-allowed',
  value: 'true',
  effect: 'NoExecute',
};
export const NODE_TEMPLATE_LABEL = 'scheduling.cast.ai/node-template';

export function newNodeLabels(
  template: NodeTemplate,
  location: PlanLocation,
  offering: Offering,
  lifecycle: Lifecycle,
): Record<string, string> {
  const labels: Record<string, string> = {
    ...template.spec.labels,
    'kubernetes.io/arch': offering.arch,
    'kubernetes.io/os': 'linux',
    'topology.kubernetes.io/region': offering.region,
    'node.kubernetes.io/instance-type': instanceTypeLabel(offering.instanceType),
    'omni.cast.ai/cloud': offering.cloud,
    'omni.cast.ai/lifecycle': lifecycle,
    [NODE_TEMPLATE_LABEL]: template.metadata.name,
  };
  if (offering.zone !== '') labels['topology.kubernetes.io/zone'] = offering.zone;
  if (lifecycle === 'spot') labels['scheduling.cast.ai/spot'] = 'true';
  if (location.edge) {
    labels['liqo.io/type'] = 'virtual-node';
    labels['omni.cast.ai/type'] = 'virtual-node';
    labels['omni.cast.ai/edge-node'] = 'true';
    labels['omni.cast.ai/edge-location-name'] = location.name;
  }
  return labels;
}

export function newNodeTaints(template: NodeTemplate, location: PlanLocation): Taint[] {
  return location.edge ? [...template.spec.taints, EDGE_TAINT] : [...template.spec.taints];
}
