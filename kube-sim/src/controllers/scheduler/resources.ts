import type { JsonObject } from '../../util/json.ts';
import { resourceUnits } from '../../sim/quantity.ts';

export type Resources = Record<string, number>;

/** Requests the scheduler counts when no request is given, for scoring only (as kube-scheduler). */
const DEFAULT_CPU_MILLIS = 100;
const DEFAULT_MEMORY = 200 * 2 ** 20;

export interface PodRequests {
  /** What the pod asks for: cpu in millicores, everything else in base units. */
  requests: Resources;
  /** cpu and memory with defaults for containers that ask for nothing (least-allocated scoring). */
  nonzeroCpu: number;
  nonzeroMemory: number;
}

function containerRequests(c: JsonObject): Record<string, unknown> {
  return ((c.resources as JsonObject | undefined)?.requests as Record<string, unknown> | undefined) ?? {};
}

function addTo(total: Resources, reqs: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(reqs)) total[k] = (total[k] ?? 0) + resourceUnits(k, v);
}

function maxInto(total: Resources, inits: JsonObject[]): void {
  for (const c of inits) {
    for (const [k, v] of Object.entries(containerRequests(c))) total[k] = Math.max(total[k] ?? 0, resourceUnits(k, v));
  }
}

/** Containers summed, init containers as a maximum, plus overhead: the pod's effective request. */
export function podRequests(spec: JsonObject): PodRequests {
  const requests: Resources = {};
  let nonzeroCpu = 0;
  let nonzeroMemory = 0;
  for (const c of (spec.containers as JsonObject[] | undefined) ?? []) {
    const r = containerRequests(c);
    addTo(requests, r);
    nonzeroCpu += r.cpu !== undefined ? resourceUnits('cpu', r.cpu) : DEFAULT_CPU_MILLIS;
    nonzeroMemory += r.memory !== undefined ? resourceUnits('memory', r.memory) : DEFAULT_MEMORY;
  }
  maxInto(requests, (spec.initContainers as JsonObject[] | undefined) ?? []);
  addTo(requests, (spec.overhead as Record<string, unknown> | undefined) ?? {});
  for (const k of Object.keys(requests)) if (requests[k] === 0) delete requests[k];
  return { requests, nonzeroCpu, nonzeroMemory };
}

/** A node's allocatable in scheduler units; `pods` separately. */
export function nodeAllocatable(status: JsonObject): { allocatable: Resources; maxPods: number } {
  const raw = (status.allocatable as Record<string, unknown> | undefined) ?? (status.capacity as Record<string, unknown> | undefined) ?? {};
  const allocatable: Resources = {};
  for (const [k, v] of Object.entries(raw)) if (k !== 'pods') allocatable[k] = resourceUnits(k, v);
  const maxPods = raw.pods !== undefined ? resourceUnits('pods', raw.pods) : 110;
  return { allocatable, maxPods };
}
