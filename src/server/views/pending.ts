// Pods waiting for a node, with the scheduler's PodScheduled message.
import type { V1Pod } from '@kubernetes/client-node';
import type { PendingPodView } from '../api-types.ts';
import { ageSeconds, isoOf, type ClusterSnapshot } from './snapshot.ts';

function requestsOf(pod: V1Pod): PendingPodView['requests'] {
  let cpuMillis = 0;
  let memory = 0;
  let gpu = 0;
  for (const c of pod.spec?.containers ?? []) {
    const r = c.resources?.requests ?? {};
    cpuMillis += cpuToMillis(r.cpu);
    memory += memoryToBytes(r.memory);
    gpu += Number(r['nvidia.com/gpu'] ?? 0);
  }
  return { cpu: cpuMillis ? `${cpuMillis}m` : '', memory: memory ? `${Math.round(memory / 2 ** 20)}Mi` : '', gpu };
}

function cpuToMillis(q: string | undefined): number {
  if (!q) return 0;
  return q.endsWith('m') ? Number(q.slice(0, -1)) : Math.round(Number(q) * 1000);
}

const UNITS: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

function memoryToBytes(q: string | undefined): number {
  if (!q) return 0;
  const m = /^([0-9.]+)([A-Za-z]*)$/.exec(q);
  if (!m) return 0;
  return Number(m[1]) * (UNITS[m[2]] ?? 1);
}

function isPending(p: V1Pod): boolean {
  return p.status?.phase === 'Pending' && !p.spec?.nodeName && !p.metadata?.deletionTimestamp;
}

function pendingView(p: V1Pod, now: number): PendingPodView {
  const meta = p.metadata ?? {};
  const cond = (p.status?.conditions ?? []).find((c) => c.type === 'PodScheduled');
  return {
    namespace: meta.namespace ?? '',
    name: meta.name ?? '',
    createdAt: isoOf(meta.creationTimestamp),
    ageSeconds: ageSeconds(meta.creationTimestamp, now),
    reason: cond?.reason ?? '',
    message: cond?.message ?? 'waiting for the scheduler',
    requests: requestsOf(p),
  };
}

export function pendingPods(snap: ClusterSnapshot): PendingPodView[] {
  return snap.pods
    .filter(isPending)
    .map((p) => pendingView(p, snap.now))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}
