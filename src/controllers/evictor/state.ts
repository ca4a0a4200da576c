// The cool-down ledger kept in a ConfigMap, so a restarted (or newly elected) evictor remembers it.
import type { CoreV1Api, V1ConfigMap } from '@kubernetes/client-node';
import { isNotFound } from '../../kube/index.ts';
import type { CoolDownState } from './cool-down.ts';

export const STATE_NAMESPACE = 'castai-omni';
export const STATE_CONFIGMAP = 'omni-evictor-cool-down';

function parse(text: string | undefined): CoolDownState | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Partial<CoolDownState>;
    return { evictions: v.evictions ?? {}, movedHome: v.movedHome ?? {} };
  } catch {
    return undefined;
  }
}

/** The saved ledger; undefined when there is none (or it cannot be read). */
export async function loadCoolDown(core: CoreV1Api): Promise<CoolDownState | undefined> {
  try {
    const cm = await core.readNamespacedConfigMap({ name: STATE_CONFIGMAP, namespace: STATE_NAMESPACE });
    return parse(cm.data?.state);
  } catch {
    return undefined;
  }
}

export async function saveCoolDown(core: CoreV1Api, state: CoolDownState): Promise<void> {
  const body: V1ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: STATE_CONFIGMAP, namespace: STATE_NAMESPACE, labels: { 'app.kubernetes.io/component': 'omni-evictor' } },
    data: { state: JSON.stringify(state) },
  };
  try {
    await core.replaceNamespacedConfigMap({ name: STATE_CONFIGMAP, namespace: STATE_NAMESPACE, body });
  } catch (err) {
    if (!isNotFound(err)) throw err;
    await core.createNamespacedConfigMap({ namespace: STATE_NAMESPACE, body });
  }
}
