import type { V1ConfigMap, V1Secret } from '@kubernetes/client-node';
import { LABELS, MANAGED_BY_VALUE } from '../constants.ts';
import { remoteConfigMapName } from '../pod-forge.ts';
import { stableJson } from '../json.ts';

function reflectedLabels(labels: Record<string, string> | undefined, origin: string): Record<string, string> {
  return { ...(labels ?? {}), [LABELS.reflected]: 'true', [LABELS.managedBy]: MANAGED_BY_VALUE, [LABELS.originNamespace]: origin };
}

export function forgeConfigMap(cm: V1ConfigMap, namespace: string): V1ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: remoteConfigMapName(cm.metadata?.name ?? ''), namespace, labels: reflectedLabels(cm.metadata?.labels, cm.metadata?.namespace ?? '') },
    data: cm.data,
    binaryData: cm.binaryData,
  };
}

export function forgeSecret(s: V1Secret, namespace: string, name = s.metadata?.name ?? ''): V1Secret {
  // Service-account token Secrets of main are ordinary Opaque data in the edge (the edge's token controller must not touch them).
  const type = s.type === 'kubernetes.io/service-account-token' ? 'Opaque' : s.type;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace, labels: reflectedLabels(s.metadata?.labels, s.metadata?.namespace ?? '') },
    type,
    data: s.data,
  };
}

/** Whether the edge copy already holds what main has (labels and content). */
export function sameContent(a: V1ConfigMap | V1Secret, b: V1ConfigMap | V1Secret | undefined): boolean {
  if (!b) return false;
  const pick = (o: V1ConfigMap | V1Secret) => stableJson([o.metadata?.labels ?? {}, o.data ?? {}, 'binaryData' in o ? (o.binaryData ?? {}) : {}]);
  return pick(a) === pick(b);
}
