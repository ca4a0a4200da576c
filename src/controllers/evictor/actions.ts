// What the evictor does to the cluster: cordon and release edge nodes, evict pods, explain in Events.
import { PatchStrategy, setHeaderOptions, type KubernetesObject } from '@kubernetes/client-node';
import { statusOf, type EventRecorder, type KubeClients, type Logger } from '../../kube/index.ts';
import type { EvictorMetrics } from './metrics.ts';
import { DRAINING_ANNOTATION, type Move } from './types.ts';

export const COMPONENT = 'omni-evictor';
export const REASON_MOVED = 'EvictorMoved';
export const REASON_WOULD_MOVE = 'EvictorWouldMove';

export interface ActionDeps {
  clients: KubeClients;
  events: EventRecorder;
  metrics: EvictorMetrics;
  log: Logger;
}

export type EvictResult = 'evicted' | 'refused' | 'gone' | 'error';

const mergePatch = () => setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

/** Cordons an edge node the plan empties, marking the cordon as the evictor's own. */
export async function cordon(d: ActionDeps, name: string, at: string): Promise<void> {
  const body = { spec: { unschedulable: true }, metadata: { annotations: { [DRAINING_ANNOTATION]: at } } };
  await d.clients.core.patchNode({ name, body }, mergePatch());
  d.metrics.cordons.inc({ action: 'cordon' });
}

/** Releases an edge node the evictor cordoned but can no longer empty. */
export async function uncordon(d: ActionDeps, name: string): Promise<void> {
  const body = { spec: { unschedulable: null }, metadata: { annotations: { [DRAINING_ANNOTATION]: null } } };
  await d.clients.core.patchNode({ name, body }, mergePatch());
  d.metrics.cordons.inc({ action: 'uncordon' });
}

/** Evicts through the eviction API: a PodDisruptionBudget refusal (429) is left for the next cycle. */
export async function evict(d: ActionDeps, move: Move): Promise<EvictResult> {
  const { name, namespace } = move.pod;
  try {
    await d.clients.core.createNamespacedPodEviction({ name, namespace, body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace } } });
    return 'evicted';
  } catch (err) {
    const code = statusOf(err);
    if (code === 429) return 'refused';
    if (code === 404) return 'gone';
    d.log.warn({ pod: `${namespace}/${name}`, err: String(err) }, 'eviction failed');
    return 'error';
  }
}

function podRef(move: Move): KubernetesObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: move.pod.name, namespace: move.pod.namespace, uid: move.pod.uid } };
}

function nodeRef(name: string): KubernetesObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name } };
}

/** Explains a move on the pod and on the node it leaves. */
export async function explain(d: ActionDeps, move: Move, dryRun: boolean): Promise<void> {
  const reason = dryRun ? REASON_WOULD_MOVE : REASON_MOVED;
  const verb = dryRun ? 'Would evict' : 'Evicted';
  const what = move.kind === 'home' ? 'to bring it home to the main cluster' : 'to pack its edge location onto fewer nodes';
  await d.events.record(podRef(move), 'Normal', reason, `${verb} ${what}: ${move.reason}`);
  await d.events.record(nodeRef(move.fromNode), 'Normal', reason, `${verb} pod ${move.pod.namespace}/${move.pod.name} ${what}: ${move.reason}`);
}
