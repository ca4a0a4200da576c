import type { EdgeRuntime } from './edge.ts';
import { withTimeout } from './health.ts';
import { isNotFound, statusOf } from '../../kube/index.ts';

/** A request to an edge cluster: bounded in time; any HTTP answer (even an error) proves the edge answers. */
export async function edgeCall<T>(edge: EdgeRuntime, timeoutMs: number, what: string, call: () => Promise<T>): Promise<T> {
  try {
    const v = await withTimeout(call(), timeoutMs, `${edge.spec.name}: ${what}`);
    edge.health.ok();
    return v;
  } catch (err) {
    if (statusOf(err) !== undefined) edge.health.ok();
    throw err;
  }
}

export function ignoreNotFound(err: unknown): void {
  if (!isNotFound(err)) throw err;
}
