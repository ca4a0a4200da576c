import type { KubernetesObject } from '@kubernetes/client-node';

/** Metadata fields with their defaults, so callers need no optional chains. */
export function metaOf(o: KubernetesObject | undefined): { name: string; namespace: string; uid: string; labels: Record<string, string>; annotations: Record<string, string> } {
  const m = o?.metadata ?? {};
  return { name: m.name ?? '', namespace: m.namespace ?? '', uid: m.uid ?? '', labels: m.labels ?? {}, annotations: m.annotations ?? {} };
}
