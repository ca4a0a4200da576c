import type { VkContext } from './context.ts';
import type { NodeMirror } from './node-mirror.ts';
import { withTimeout } from './health.ts';

export interface LogOptions {
  tailLines?: number;
  timestamps?: boolean;
}

/** The pod as a log provider sees it (kube-sim hands the stored object as JSON). */
export interface PodLike {
  metadata?: { name?: unknown; namespace?: unknown };
  spec?: { nodeName?: unknown };
}

/** kube-sim's LogProvider shape, without importing kube-sim. */
export type PodLogProvider = (pod: PodLike, container: string, opts: LogOptions) => string | Promise<string>;

/**
 * Serves `kubectl logs` for pods on virtual nodes by reading the edge copy's log from the edge
 * cluster (what a kubelet would serve); other pods go to `fallback`.
 */
export function edgeLogProvider(ctx: VkContext, nodes: NodeMirror, fallback?: PodLogProvider): PodLogProvider {
  return (pod, container, opts) => {
    const edge = nodes.edgeOf(String(pod.spec?.nodeName ?? ''));
    if (!edge) {
      if (fallback) return fallback(pod, container, opts);
      throw new Error(`pod ${String(pod.metadata?.name)} is not on a virtual node`);
    }
    const namespace = ctx.opts.remoteNamespace(String(pod.metadata?.namespace ?? 'default'));
    const call = edge.spec.clients.core.readNamespacedPodLog({ name: String(pod.metadata?.name), namespace, container, tailLines: opts.tailLines, timestamps: opts.timestamps });
    return withTimeout(call, ctx.opts.requestTimeoutMs, `logs from edge ${edge.spec.name}`);
  };
}
