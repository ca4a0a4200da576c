import type { JsonObject } from '../../util/json.ts';
import { nameOf, ownerReference, podFromTemplate, specOf, type Labels } from '../shared/pods.ts';

export function claimName(template: JsonObject, sts: JsonObject, ordinal: number): string {
  return `${nameOf(template)}-${nameOf(sts)}-${ordinal}`;
}

export function claimTemplates(sts: JsonObject): JsonObject[] {
  return (specOf(sts).volumeClaimTemplates as JsonObject[] | undefined) ?? [];
}

/** `<name>-<ordinal>` with its identity labels, hostname/subdomain and claims from the templates. */
export function statefulPod(sts: JsonObject, ordinal: number, revision: string): JsonObject {
  const name = `${nameOf(sts)}-${ordinal}`;
  const pod = podFromTemplate(specOf(sts).template as JsonObject, sts, { name });
  const meta = pod.metadata as JsonObject;
  meta.labels = {
    ...((meta.labels as Labels | undefined) ?? {}),
    'controller-revision-hash': revision,
    'statefulset.kubernetes.io/pod-name': name,
    'apps.kubernetes.io/pod-index': String(ordinal),
  };
  const spec = specOf(pod);
  spec.hostname = name;
  if (specOf(sts).serviceName) spec.subdomain = specOf(sts).serviceName;
  const claims = claimTemplates(sts).map((t) => ({ name: nameOf(t), persistentVolumeClaim: { claimName: claimName(t, sts, ordinal) } }));
  const names = new Set(claims.map((c) => c.name));
  spec.volumes = [...((spec.volumes as JsonObject[] | undefined) ?? []).filter((v) => !names.has(String(v.name))), ...claims];
  return pod;
}

/** A claim from a volumeClaimTemplate; owned by the StatefulSet only when its retention policy says Delete. */
export function statefulClaim(sts: JsonObject, template: JsonObject, ordinal: number): JsonObject {
  const selector = ((specOf(sts).selector as JsonObject | undefined)?.matchLabels as Labels | undefined) ?? {};
  const tplMeta = (template.metadata as JsonObject | undefined) ?? {};
  const meta: JsonObject = { name: claimName(template, sts, ordinal), labels: { ...((tplMeta.labels as Labels | undefined) ?? {}), ...selector } };
  const policy = (specOf(sts).persistentVolumeClaimRetentionPolicy as JsonObject | undefined)?.whenDeleted;
  if (policy === 'Delete') meta.ownerReferences = [ownerReference(sts)];
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta, spec: structuredClone(specOf(template)) };
}
