import type { JsonObject } from '../../util/json.ts';
import { rfc3339 } from '../../util/clock.ts';
import { metaOf, nameOf, specOf, statusOf } from '../shared/pods.ts';

export interface RolloutNumbers {
  replicas: number;
  maxUnavailable: number;
}

function num(obj: JsonObject, field: string): number {
  return Number(statusOf(obj)[field] ?? 0);
}

function condition(prev: JsonObject[], c: { type: string; status: string; reason: string; message: string }, now: number): JsonObject {
  const old = prev.find((p) => p.type === c.type);
  const ts = rfc3339(now);
  const same = old && old.status === c.status;
  const unchanged = same && old.reason === c.reason && old.message === c.message;
  return { ...c, lastUpdateTime: unchanged ? old.lastUpdateTime : ts, lastTransitionTime: same ? old.lastTransitionTime : ts };
}

/** A Deployment's status from its ReplicaSets, with the Available and Progressing conditions. */
export function deploymentStatus(d: JsonObject, sets: { newRS: JsonObject; all: JsonObject[] }, n: RolloutNumbers, now: number): JsonObject {
  const { newRS, all } = sets;
  const sum = (f: string) => all.reduce((acc, rs) => acc + num(rs, f), 0);
  const replicas = sum('replicas');
  const available = sum('availableReplicas');
  const updated = num(newRS, 'replicas');
  const complete = updated === n.replicas && available >= n.replicas && replicas === n.replicas && Number(specOf(newRS).replicas) === n.replicas;
  const prev = (statusOf(d).conditions as JsonObject[] | undefined) ?? [];
  const availableCond = available >= n.replicas - n.maxUnavailable
    ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
    : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' };
  const progressing = complete
    ? { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${nameOf(newRS)}" has successfully progressed.` }
    : { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${nameOf(newRS)}" is progressing.` };
  const status: JsonObject = {
    observedGeneration: metaOf(d).generation,
    replicas,
    updatedReplicas: updated,
    readyReplicas: sum('readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, n.replicas - available),
    conditions: [condition(prev, availableCond, now), condition(prev, progressing, now)],
  };
  if (statusOf(d).collisionCount !== undefined) status.collisionCount = statusOf(d).collisionCount;
  return status;
}
