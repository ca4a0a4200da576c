import type { JsonObject } from '../../util/json.ts';
import { rfc3339 } from '../../util/clock.ts';
import { conditionOf, specOf, statusOf } from '../shared/pods.ts';

type Container = JsonObject & { name: string; image: string };

function containers(pod: JsonObject, field: 'containers' | 'initContainers'): Container[] {
  return (specOf(pod)[field] as Container[] | undefined) ?? [];
}

function containerId(pod: JsonObject, name: string): string {
  const uid = String((pod.metadata as JsonObject).uid ?? '').replace(/-/g, '');
  return `containerd://${uid}${Buffer.from(name).toString('hex')}`.slice(0, 77);
}

function imageId(image: string): string {
  const repo = image.includes('/') ? image : `docker.io/library/${image}`;
  return `${repo.split(':')[0]}@sha256:${Buffer.from(image).toString('hex').padEnd(64, '0').slice(0, 64)}`;
}

function condition(type: string, status: string, ts: string, reason?: string): JsonObject {
  const c: JsonObject = { type, status, lastProbeTime: null, lastTransitionTime: ts };
  if (reason) c.reason = reason;
  return c;
}

function scheduledCondition(pod: JsonObject, ts: string): JsonObject {
  return conditionOf(pod, 'PodScheduled') ?? condition('PodScheduled', 'True', ts);
}

function runningContainer(pod: JsonObject, c: Container, ts: string): JsonObject {
  return {
    name: c.name,
    image: c.image,
    imageID: imageId(c.image),
    containerID: containerId(pod, c.name),
    ready: true,
    started: true,
    restartCount: 0,
    state: { running: { startedAt: ts } },
    lastState: {},
  };
}

function terminatedContainer(pod: JsonObject, c: Container, t: { started: string; finished: string; exitCode: number }): JsonObject {
  return {
    name: c.name,
    image: c.image,
    imageID: imageId(c.image),
    containerID: containerId(pod, c.name),
    ready: false,
    started: false,
    restartCount: 0,
    state: {
      terminated: { exitCode: t.exitCode, reason: t.exitCode === 0 ? 'Completed' : 'Error', startedAt: t.started, finishedAt: t.finished, containerID: containerId(pod, c.name) },
    },
    lastState: {},
  };
}

export interface Placement {
  hostIP: string;
  podIP: string;
}

/** The status a kubelet posts once every container runs and is ready. */
export function runningStatus(pod: JsonObject, at: Placement, now: number): JsonObject {
  const ts = rfc3339(now);
  const status: JsonObject = {
    ...statusOf(pod),
    phase: 'Running',
    hostIP: at.hostIP,
    hostIPs: [{ ip: at.hostIP }],
    podIP: at.podIP,
    podIPs: [{ ip: at.podIP }],
    startTime: statusOf(pod).startTime ?? ts,
    conditions: [
      condition('PodReadyToStartContainers', 'True', ts),
      condition('Initialized', 'True', ts),
      condition('Ready', 'True', ts),
      condition('ContainersReady', 'True', ts),
      scheduledCondition(pod, ts),
    ],
    containerStatuses: containers(pod, 'containers').map((c) => runningContainer(pod, c, ts)),
  };
  const inits = containers(pod, 'initContainers');
  if (inits.length) status.initContainerStatuses = inits.map((c) => terminatedContainer(pod, c, { started: ts, finished: ts, exitCode: 0 }));
  return status;
}

/** The status of a pod whose containers all exited with `exitCode`. */
export function finishedStatus(pod: JsonObject, exitCode: number, now: number): JsonObject {
  const ts = rfc3339(now);
  const started = String(statusOf(pod).startTime ?? ts);
  const reason = 'PodCompleted';
  return {
    ...statusOf(pod),
    phase: exitCode === 0 ? 'Succeeded' : 'Failed',
    conditions: [
      condition('PodReadyToStartContainers', 'False', ts),
      condition('Initialized', 'True', ts, reason),
      condition('Ready', 'False', ts, reason),
      condition('ContainersReady', 'False', ts, reason),
      scheduledCondition(pod, ts),
    ],
    containerStatuses: containers(pod, 'containers').map((c) => terminatedContainer(pod, c, { started, finished: ts, exitCode })),
  };
}
