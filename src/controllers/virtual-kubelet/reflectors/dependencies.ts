import type { V1Container, V1Pod, V1PodSpec, V1Volume } from '@kubernetes/client-node';

export type DependencyKind = 'ConfigMap' | 'Secret' | 'Token';

/** An object a pod needs in the edge: `Token` is the pod's ServiceAccount token. */
export interface Dependency {
  kind: DependencyKind;
  namespace: string;
  name: string;
}

export function dependencyKey(d: Dependency): string {
  return `${d.kind}/${d.namespace}/${d.name}`;
}

export function parseDependencyKey(key: string): Dependency {
  const [kind, namespace, ...rest] = key.split('/');
  return { kind: kind as DependencyKind, namespace, name: rest.join('/') };
}

function fromVolume(v: V1Volume, add: (kind: DependencyKind, name: string | undefined) => void): void {
  add('ConfigMap', v.configMap?.name);
  add('Secret', v.secret?.secretName);
  for (const s of v.projected?.sources ?? []) {
    add('ConfigMap', s.configMap?.name);
    add('Secret', s.secret?.name);
  }
}

function fromContainer(c: V1Container, add: (kind: DependencyKind, name: string | undefined) => void): void {
  for (const e of c.env ?? []) {
    const from = e.valueFrom ?? {};
    add('ConfigMap', from.configMapKeyRef?.name);
    add('Secret', from.secretKeyRef?.name);
  }
  for (const e of c.envFrom ?? []) {
    add('ConfigMap', e.configMapRef?.name);
    add('Secret', e.secretRef?.name);
  }
}

/** Whether the pod gets an API token: a projected token volume, or automount not switched off. */
export function wantsToken(pod: V1Pod): boolean {
  const projected = (pod.spec?.volumes ?? []).some((v) => v.projected?.sources?.some((s) => s.serviceAccountToken));
  return projected || pod.spec?.automountServiceAccountToken === true;
}

/** Every ConfigMap, Secret and token the pod mounts or references (volumes, projected, env, envFrom, pull secrets). */
export function podDependencies(pod: V1Pod): Dependency[] {
  const namespace = pod.metadata?.namespace ?? 'default';
  const out = new Map<string, Dependency>();
  const add = (kind: DependencyKind, name: string | undefined) => {
    if (!name) return;
    const d = { kind, namespace, name };
    out.set(dependencyKey(d), d);
  };
  fromSpec(pod, add);
  return [...out.values()];
}

function allContainers(spec: Partial<V1PodSpec>): V1Container[] {
  return [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
}

function fromSpec(pod: V1Pod, add: (kind: DependencyKind, name: string | undefined) => void): void {
  const spec: Partial<V1PodSpec> = pod.spec ?? {};
  for (const v of spec.volumes ?? []) fromVolume(v, add);
  for (const c of allContainers(spec)) fromContainer(c, add);
  for (const s of spec.imagePullSecrets ?? []) add('Secret', s.name);
  if (wantsToken(pod)) add('Token', spec.serviceAccountName ?? 'default');
}

export function usesPersistentVolumeClaim(pod: V1Pod): string | undefined {
  return pod.spec?.volumes?.find((v) => v.persistentVolumeClaim || v.ephemeral)?.name;
}
