import { ageCol, age, at, col, list, name, nameCol, num, orNone, rec, since, str } from './format.ts';
import type { JsonObject, Printer, RowCondition } from './types.ts';

interface Tally {
  reason: string;
  restarts: number;
  lastRestart: number;
  ready: number;
  total: number;
}

function terminatedReason(term: JsonObject, prefix: string): string {
  if (str(term.reason) !== '') return prefix + str(term.reason);
  if (num(term.signal) !== 0) return `${prefix}Signal:${num(term.signal)}`;
  return `${prefix}ExitCode:${num(term.exitCode)}`;
}

function lastTerminationTime(status: JsonObject): number {
  const t = Date.parse(str(at(status, 'lastState', 'terminated', 'finishedAt')));
  return Number.isNaN(t) ? 0 : t;
}

function isSidecar(pod: JsonObject, containerName: string): boolean {
  const spec = list(at(pod, 'spec', 'initContainers')).find((c) => str(c.name) === containerName);
  return spec !== undefined && str(spec.restartPolicy) === 'Always';
}

function hasCondition(pod: JsonObject, type: string): boolean {
  return list(at(pod, 'status', 'conditions')).some((c) => str(c.type) === type && str(c.status) === 'True');
}

/** Returns true when an init container blocks the pod (and sets the Init:… reason). */
function initStep(pod: JsonObject, t: Tally, cs: JsonObject, index: number): boolean {
  const state = rec(cs.state);
  const term = rec(state.terminated);
  const waiting = rec(state.waiting);
  if (state.terminated !== undefined && num(term.exitCode) === 0) return false;
  if (isSidecar(pod, str(cs.name)) && cs.started === true) {
    if (cs.ready === true) t.ready++;
    return false;
  }
  if (state.terminated !== undefined) t.reason = terminatedReason(term, 'Init:');
  else if (str(waiting.reason) !== '' && str(waiting.reason) !== 'PodInitializing')
    t.reason = `Init:${str(waiting.reason)}`;
  else t.reason = `Init:${index}/${list(at(pod, 'spec', 'initContainers')).length}`;
  return true;
}

function scanInit(
  pod: JsonObject,
  t: Tally,
): { initializing: boolean; sidecarRestarts: number; sidecarLast: number } {
  let sidecarRestarts = 0;
  let sidecarLast = 0;
  const statuses = list(at(pod, 'status', 'initContainerStatuses'));
  for (let i = 0; i < statuses.length; i++) {
    const cs = statuses[i];
    t.restarts += num(cs.restartCount);
    t.lastRestart = Math.max(t.lastRestart, lastTerminationTime(cs));
    if (isSidecar(pod, str(cs.name))) {
      sidecarRestarts += num(cs.restartCount);
      sidecarLast = Math.max(sidecarLast, lastTerminationTime(cs));
    }
    if (initStep(pod, t, cs, i)) return { initializing: true, sidecarRestarts, sidecarLast };
  }
  return { initializing: false, sidecarRestarts, sidecarLast };
}

function scanContainers(pod: JsonObject, t: Tally): void {
  let hasRunning = false;
  const statuses = list(at(pod, 'status', 'containerStatuses'));
  for (let i = statuses.length - 1; i >= 0; i--) {
    const cs = statuses[i];
    const state = rec(cs.state);
    t.restarts += num(cs.restartCount);
    t.lastRestart = Math.max(t.lastRestart, lastTerminationTime(cs));
    const waitingReason = str(at(state, 'waiting', 'reason'));
    if (waitingReason !== '') t.reason = waitingReason;
    else if (state.terminated !== undefined) t.reason = terminatedReason(rec(state.terminated), '');
    else if (cs.ready === true && state.running !== undefined) {
      hasRunning = true;
      t.ready++;
    }
  }
  if (t.reason === 'Completed' && hasRunning) t.reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
}

function initialTally(pod: JsonObject): Tally {
  const status = rec(pod.status);
  let reason = str(status.reason) !== '' ? str(status.reason) : str(status.phase);
  const gated = list(status.conditions).some(
    (c) => str(c.type) === 'PodScheduled' && str(c.reason) === 'SchedulingGated',
  );
  if (gated) reason = 'SchedulingGated';
  const sidecars = list(at(pod, 'spec', 'initContainers')).filter(
    (c) => str(c.restartPolicy) === 'Always',
  ).length;
  const total = list(at(pod, 'spec', 'containers')).length + sidecars;
  return { reason, restarts: 0, lastRestart: 0, ready: 0, total };
}

function deletionReason(pod: JsonObject, reason: string): string {
  const deletionTimestamp = at(pod, 'metadata', 'deletionTimestamp');
  if (deletionTimestamp === undefined || deletionTimestamp === null) return reason;
  if (str(at(pod, 'status', 'reason')) === 'NodeLost') return 'Unknown';
  const phase = str(at(pod, 'status', 'phase'));
  return phase === 'Succeeded' || phase === 'Failed' ? reason : 'Terminating';
}

/** READY, STATUS and RESTARTS as kubectl's pod printer derives them. */
export function podSummary(
  pod: JsonObject,
  now: number,
): { ready: string; status: string; restarts: string } {
  const t = initialTally(pod);
  const init = scanInit(pod, t);
  if (!init.initializing || hasCondition(pod, 'Initialized')) {
    t.restarts = init.sidecarRestarts;
    t.lastRestart = init.sidecarLast;
    scanContainers(pod, t);
  }
  t.reason = deletionReason(pod, t.reason);
  let restarts = String(t.restarts);
  if (t.restarts !== 0 && t.lastRestart !== 0)
    restarts = `${t.restarts} (${since(new Date(t.lastRestart).toISOString(), now)} ago)`;
  return { ready: `${t.ready}/${t.total}`, status: t.reason, restarts };
}

function readinessGates(pod: JsonObject): string {
  const gates = list(at(pod, 'spec', 'readinessGates'));
  if (gates.length === 0) return '<none>';
  const trueCount = gates.filter((g) => hasCondition(pod, str(g.conditionType))).length;
  return `${trueCount}/${gates.length}`;
}

function podIP(pod: JsonObject): string {
  const ips = list(at(pod, 'status', 'podIPs'));
  return orNone(ips.length > 0 ? str(ips[0].ip) : str(at(pod, 'status', 'podIP')));
}

function podConditions(pod: JsonObject): RowCondition[] | undefined {
  const phase = str(at(pod, 'status', 'phase'));
  if (phase === 'Succeeded') {
    return [
      {
        type: 'Completed',
        status: 'True',
        reason: 'Succeeded',
        message: 'The pod has completed successfully.',
      },
    ];
  }
  if (phase === 'Failed')
    return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
  return undefined;
}

export const podPrinter: Printer = {
  columns: [
    nameCol(),
    col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 'The aggregate status of the containers in this pod.'),
    col(
      'Restarts',
      'string',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    ageCol(),
    col(
      'IP',
      'string',
      'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
      1,
    ),
    col('Node', 'string', 'NodeName indicates in which node this pod is scheduled.', 1),
    col(
      'Nominated Node',
      'string',
      'nominatedNodeName is set when this pod preempts other pods on the node.',
      1,
    ),
    col(
      'Readiness Gates',
      'string',
      'If specified, all readiness gates will be evaluated for pod readiness.',
      1,
    ),
  ],
  cells(pod, now) {
    const s = podSummary(pod, now);
    return [
      name(pod),
      s.ready,
      s.status,
      s.restarts,
      age(pod, now),
      podIP(pod),
      orNone(str(at(pod, 'spec', 'nodeName'))),
      orNone(str(at(pod, 'status', 'nominatedNodeName'))),
      readinessGates(pod),
    ];
  },
  conditions: podConditions,
};
