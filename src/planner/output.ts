// The JSON contract of a plan (other tools read it): exactly these fields, in this order.
import type { Lifecycle, CloudName } from '../catalog/types.ts';
import type { Plan } from './types.ts';

export interface PlanJson {
  nodes: {
    name: string;
    nodeTemplate: string;
    location: string;
    cloud: CloudName;
    region: string;
    zone: string;
    instanceType: string;
    lifecycle: Lifecycle;
    pricePerHour: number;
    pods: string[];
  }[];
  existing: { node: string; pods: string[] }[];
  unschedulable: { pod: string; reason: string }[];
  totalPricePerHour: number;
}

export function toPlanJson(plan: Plan): PlanJson {
  return {
    nodes: plan.nodes.map((n) => ({
      name: n.name,
      nodeTemplate: n.nodeTemplate,
      location: n.location,
      cloud: n.cloud,
      region: n.region,
      zone: n.zone,
      instanceType: n.instanceType,
      lifecycle: n.lifecycle,
      pricePerHour: n.pricePerHour,
      pods: [...n.pods],
    })),
    existing: plan.existing.map((e) => ({ node: e.node, pods: [...e.pods] })),
    unschedulable: plan.unschedulable.map((u) => ({ pod: u.pod, reason: u.reason })),
    totalPricePerHour: plan.totalPricePerHour,
  };
}
