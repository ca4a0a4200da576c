import { isConflict } from '../../kube/index.ts';
import { LABELS, MANAGED_BY_VALUE } from './constants.ts';
import type { EdgeRuntime } from './edge.ts';
import { withTimeout } from './health.ts';

/** Creates the edge namespace for a main namespace once (labelled as omni's), remembering that it exists. */
export function ensureRemoteNamespace(edge: EdgeRuntime, name: string, origin: string, timeoutMs: number): Promise<void> {
  const known = edge.namespaces.get(name);
  if (known) return known;
  const body = { metadata: { name, labels: { [LABELS.managedBy]: MANAGED_BY_VALUE, [LABELS.originNamespace]: origin } } };
  const p = withTimeout(edge.spec.clients.core.createNamespace({ body }), timeoutMs, `create namespace ${name}`).then(
    () => edge.health.ok(),
    (err: unknown) => {
      if (isConflict(err)) return edge.health.ok();
      edge.namespaces.delete(name);
      throw err;
    },
  );
  edge.namespaces.set(name, p);
  return p;
}
