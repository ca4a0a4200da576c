import type { VkContext } from './context.ts';
import type { NodeMirror } from './node-mirror.ts';
import { withTimeout } from './health.ts';

export interface LogOptions {
  tailLines?: number;
  timestamps?: boolean;
}

/** The pod as a log provider sees it (kube-sim hands the stored object as JSON). */
export type PodLike = { [k: string]: unknown };

function field(pod: PodLike, part: 'metadata' | 'spec', key: string): string {
  const o = pod[part] as Record<string, unknown> | undefined;
  return typeof o?.[key] === 'string' ? (o[key] as string) : '';
}

/** kube-sim's LogProvider shape, without importing kube-sim. */
export type PodLogProvider = (pod: PodLike, container: string, opts: LogOptions) => string | Promise<string>;

/**
 * Serves `kubectl logs` for pods on virtual nodes by reading the edge copy's log from the edge
 * cluster (what a kubelet would serve); other pods go to `fallback`.
 */
export function edgeLogProvider(ctx: VkContext, nodes: NodeMirror, fallback?: PodLogProvider): PodLogProvider {
  return (pod, container, opts) => {
    const edge = nodes.edgeOf(field(pod, 'spec', 'nodeName'));
    if (!edge) {
      if (fallback) return fallback(pod, container, opts);
      throw new Error(`pod ${field(pod, 'metadata', 'name')} is not on a virtual node`);
    }
    const namespace = ctx.opts.remoteNamespace(field(pod, 'metadata', 'namespace') || 'default');
    const call = edge.spec.clients.core.readNamespacedPodLog({ name: field(pod, 'metadata', 'name'), namespace, container, tailLines: opts.tailLines, timestamps: opts.timestamps });
    return withTimeout(call, ctx.opts.requestTimeoutMs, `logs from edge ${edge.spec.name}`);
  };
}
