import type { V1Container, V1Pod, V1PodSpec, V1ResourceRequirements, V1Volume, V1VolumeProjection } from '@kubernetes/client-node';
import { LABELS, MANAGED_BY_VALUE, REFLECTED_ROOT_CA, ROOT_CA_CONFIGMAP, TOKEN_SECRET_PREFIX } from './constants.ts';
import { wantsToken } from './reflectors/dependencies.ts';

const TOKEN_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';
const TOKEN_VOLUME = 'omni-kube-api-access';
/** Annotations that describe the main object only and must not be copied. */
const SKIPPED_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration'];

export function tokenSecretName(serviceAccount: string): string {
  return `${TOKEN_SECRET_PREFIX}${serviceAccount}`;
}

/** The edge name of a main ConfigMap (only the root CA is renamed). */
export function remoteConfigMapName(name: string): string {
  return name === ROOT_CA_CONFIGMAP ? REFLECTED_ROOT_CA : name;
}

export function originLabels(pod: V1Pod): Record<string, string> {
  return {
    [LABELS.managedBy]: MANAGED_BY_VALUE,
    [LABELS.originUid]: pod.metadata?.uid ?? '',
    [LABELS.originNamespace]: pod.metadata?.namespace ?? '',
    [LABELS.originName]: pod.metadata?.name ?? '',
  };
}

export function remoteLabels(pod: V1Pod): Record<string, string> {
  return { ...(pod.metadata?.labels ?? {}), ...originLabels(pod) };
}

export function remoteAnnotations(pod: V1Pod): Record<string, string> {
  const out = { ...(pod.metadata?.annotations ?? {}) };
  for (const k of SKIPPED_ANNOTATIONS) delete out[k];
  return out;
}

/** cast.ai extended resources are accounted on the virtual node only; the edge node does not have them. */
function stripCastResources(r: V1ResourceRequirements | undefined): V1ResourceRequirements | undefined {
  if (!r) return r;
  const keep = (m?: Record<string, string>) => (m ? Object.fromEntries(Object.entries(m).filter(([k]) => !k.includes('cast.ai/'))) : m);
  return { ...r, requests: keep(r.requests), limits: keep(r.limits) };
}

function forgeContainer(c: V1Container, mountToken: boolean): V1Container {
  const out: V1Container = { ...c, resources: stripCastResources(c.resources) };
  if (mountToken && !(c.volumeMounts ?? []).some((m) => m.mountPath === TOKEN_MOUNT)) {
    out.volumeMounts = [...(c.volumeMounts ?? []), { name: TOKEN_VOLUME, mountPath: TOKEN_MOUNT, readOnly: true }];
  }
  return out;
}

function forgeProjection(s: V1VolumeProjection, sa: string): V1VolumeProjection {
  if (s.serviceAccountToken) return { secret: { name: tokenSecretName(sa), items: [{ key: 'token', path: s.serviceAccountToken.path }] } };
  if (s.configMap?.name) return { ...s, configMap: { ...s.configMap, name: remoteConfigMapName(s.configMap.name) } };
  return s;
}

function forgeVolume(v: V1Volume, sa: string): V1Volume {
  if (v.projected) return { ...v, projected: { ...v.projected, sources: (v.projected.sources ?? []).map((s) => forgeProjection(s, sa)) } };
  if (v.configMap?.name) return { ...v, configMap: { ...v.configMap, name: remoteConfigMapName(v.configMap.name) } };
  return v;
}

function tokenVolume(sa: string): V1Volume {
  return {
    name: TOKEN_VOLUME,
    projected: {
      sources: [
        { secret: { name: tokenSecretName(sa), items: [{ key: 'token', path: 'token' }, { key: 'ca.crt', path: 'ca.crt' }, { key: 'namespace', path: 'namespace' }] } },
      ],
    },
  };
}

/**
 * The edge copy of a main pod's spec: pinned to the edge node by nodeName; scheduling constraints
 * (affinity, nodeSelector, scheduler, priority, spread) dropped since the main scheduler already chose;
 * the API token mounted from the reflected token Secret instead of the edge's own ServiceAccount.
 */
export function forgeRemoteSpec(pod: V1Pod, edgeNode: string): V1PodSpec {
  const spec = pod.spec as V1PodSpec;
  const sa = spec.serviceAccountName ?? 'default';
  const hasProjectedToken = (spec.volumes ?? []).some((v) => v.projected?.sources?.some((s) => s.serviceAccountToken));
  const mountToken = wantsToken(pod) && !hasProjectedToken;
  const volumes = (spec.volumes ?? []).map((v) => forgeVolume(v, sa));
  if (mountToken) volumes.push(tokenVolume(sa));
  const out: V1PodSpec = {
    ...spec,
    nodeName: edgeNode,
    containers: spec.containers.map((c) => forgeContainer(c, mountToken)),
    initContainers: spec.initContainers?.map((c) => forgeContainer(c, mountToken)),
    volumes,
    automountServiceAccountToken: false,
    hostNetwork: false,
  };
  for (const k of ['affinity', 'nodeSelector', 'schedulerName', 'priority', 'priorityClassName', 'preemptionPolicy', 'topologySpreadConstraints', 'serviceAccountName', 'serviceAccount', 'ephemeralContainers'] as const) {
    delete out[k];
  }
  return out;
}

export function forgeRemotePod(pod: V1Pod, remoteNamespace: string, edgeNode: string): V1Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: pod.metadata?.name, namespace: remoteNamespace, labels: remoteLabels(pod), annotations: remoteAnnotations(pod) },
    spec: forgeRemoteSpec(pod, edgeNode),
  };
}
