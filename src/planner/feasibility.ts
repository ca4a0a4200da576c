// Can any instance type at all hold a pod? (Bad input: a request nothing in the catalog can meet.)
import type { Offering } from '../catalog/types.ts';
import type { PlannerPod, Resources } from './types.ts';
import { defaultAllocatable, fits } from './resources.ts';
import { groupPods, podKey } from './groups.ts';

export interface Oversized {
  pod: string;
  requests: Resources;
  /** The offering with the most allocatable cpu, for the message. */
  largest?: { instanceType: string; cloud: string; allocatable: Resources };
}

/** Pods whose requests no offering of the list can hold (system reserve counted, daemonsets not). */
export function podsNothingCanHold(pods: readonly PlannerPod[], offerings: readonly Offering[]): Oversized[] {
  const shapes = new Map<string, { offering: Offering; allocatable: Resources }>();
  for (const o of offerings) {
    const key = `${o.vcpus}|${o.memoryGiB}|${Math.floor(o.gpuCount)}`;
    if (!shapes.has(key))
      shapes.set(key, { offering: o, allocatable: defaultAllocatable(o.vcpus, o.memoryGiB, o.gpuCount) });
  }
  const all = [...shapes.values()];
  const largest = all.reduce<(typeof all)[number] | undefined>(
    (a, b) => (!a || b.allocatable.cpu > a.allocatable.cpu ? b : a),
    undefined,
  );
  const out: Oversized[] = [];
  for (const group of groupPods(pods)) {
    if (all.some((s) => fits(group.proto.requests, s.allocatable))) continue;
    for (const pod of group.pods) {
      out.push({
        pod: podKey(pod),
        requests: pod.requests,
        ...(largest
          ? {
              largest: {
                instanceType: largest.offering.instanceType,
                cloud: largest.offering.cloud,
                allocatable: largest.allocatable,
              },
            }
          : {}),
      });
    }
  }
  return out;
}
