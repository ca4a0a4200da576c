import type { V1Pod, V1PodCondition, V1PodStatus } from '@kubernetes/client-node';
import { stableJson } from './json.ts';
import { jsonDates } from './time.ts';
import type { AddressMapper } from './types.ts';

/** The status fields that flow from the edge pod to the main pod. */
const REFLECTED_FIELDS = ['phase', 'conditions', 'containerStatuses', 'initContainerStatuses', 'podIP', 'podIPs', 'hostIP', 'hostIPs', 'startTime', 'reason', 'message', 'qosClass'] as const;

type StatusPatch = Record<(typeof REFLECTED_FIELDS)[number], unknown>;

function project(status: V1PodStatus | undefined): Partial<StatusPatch> {
  const out: Partial<StatusPatch> = {};
  for (const f of REFLECTED_FIELDS) if (status?.[f] !== undefined) out[f] = status[f];
  return jsonDates(out);
}

/** What the main pod's status should be, given its edge copy (pod IPs as main sees them). */
export function mainStatusFrom(remote: V1Pod, edge: string, addresses: AddressMapper): V1PodStatus {
  const s = remote.status ?? {};
  const ip = (x: string) => addresses.edgePodIPToMain(edge, x);
  return {
    ...s,
    podIP: s.podIP ? ip(s.podIP) : undefined,
    podIPs: s.podIPs?.map((p) => ({ ip: ip(p.ip) })),
    nominatedNodeName: undefined,
  };
}

/** A merge patch for main's pod status, or undefined when nothing differs. Absent fields are cleared. */
export function statusPatch(main: V1Pod, desired: V1PodStatus): Record<string, unknown> | undefined {
  const want = project(desired);
  const have = project(main.status);
  if (stableJson(want) === stableJson(have)) return undefined;
  const patch: Record<string, unknown> = {};
  for (const f of REFLECTED_FIELDS) patch[f] = want[f] ?? null;
  return patch;
}

/**
 * While the edge does not answer, a Ready main pod is marked not Ready (as the node lifecycle
 * controller does for a NotReady node), so Services stop sending it traffic; the edge pod keeps running.
 */
export function unreachablePatch(main: V1Pod, now: Date): Record<string, unknown> | undefined {
  const conditions = main.status?.conditions ?? [];
  const ready = conditions.find((c) => c.type === 'Ready');
  if (!ready || ready.status !== 'True') return undefined;
  const next: V1PodCondition[] = conditions.map((c) =>
    c.type === 'Ready' ? { ...c, status: 'False', reason: 'EdgeClusterUnreachable', message: 'the edge cluster running this pod does not answer', lastTransitionTime: now } : c,
  );
  return { conditions: jsonDates(next) };
}

export function isTerminal(pod: V1Pod | undefined): boolean {
  return pod?.status?.phase === 'Succeeded' || pod?.status?.phase === 'Failed';
}
