import type { ListExtension } from './dsl.ts';

const byName = (key = 'name'): ListExtension => ({ patch: 'merge', key, list: 'map', keys: [key] });
const byType: ListExtension = { patch: 'merge', key: 'type', list: 'map', keys: ['type'] };
const atomic: ListExtension = { list: 'atomic' };
const containerList: ListExtension = byName();
const volumeList: ListExtension = { patch: 'merge,retainKeys', key: 'name', list: 'map', keys: ['name'] };
const containerFields: Record<string, ListExtension> = {
  ports: { patch: 'merge', key: 'containerPort', list: 'map', keys: ['containerPort', 'protocol'] },
  env: byName(),
  envFrom: atomic,
  volumeMounts: { patch: 'merge', key: 'mountPath', list: 'map', keys: ['mountPath'] },
  volumeDevices: { patch: 'merge', key: 'devicePath', list: 'map', keys: ['devicePath'] },
  resizePolicy: atomic,
  args: atomic,
  command: atomic,
};
const conditionsOf = (...types: string[]): Record<string, ListExtension> =>
  Object.fromEntries(types.map((t) => [`${t}.conditions`, byType]));

function prefixed(prefix: string, fields: Record<string, ListExtension>): Record<string, ListExtension> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}.${k}`, v]));
}

/**
 * x-kubernetes-patch-strategy / -patch-merge-key / -list-type / -list-map-keys of upstream types, keyed
 * "package.Type.field". kubectl reads these from OpenAPI v3 for strategic merge patches (apply, patch).
 */
export const LIST_EXTENSIONS: Readonly<Record<string, ListExtension>> = {
  'meta.ObjectMeta.finalizers': { patch: 'merge', list: 'set' },
  'meta.ObjectMeta.ownerReferences': { patch: 'merge', key: 'uid', list: 'map', keys: ['uid'] },
  'meta.ObjectMeta.managedFields': atomic,
  'meta.LabelSelector.matchExpressions': atomic,
  'meta.LabelSelectorRequirement.values': atomic,
  'meta.StatusDetails.causes': atomic,
  'core.PodSpec.containers': containerList,
  'core.PodSpec.initContainers': containerList,
  'core.PodSpec.ephemeralContainers': containerList,
  'core.PodSpec.volumes': volumeList,
  'core.PodSpec.imagePullSecrets': byName(),
  'core.PodSpec.hostAliases': { patch: 'merge', key: 'ip', list: 'map', keys: ['ip'] },
  'core.PodSpec.tolerations': atomic,
  'core.PodSpec.topologySpreadConstraints': {
    patch: 'merge',
    key: 'topologyKey',
    list: 'map',
    keys: ['topologyKey', 'whenUnsatisfiable'],
  },
  'core.PodSpec.readinessGates': atomic,
  'core.PodSpec.resourceClaims': volumeList,
  'core.PodSpec.schedulingGates': byName(),
  ...prefixed('core.Container', containerFields),
  ...prefixed('core.EphemeralContainer', containerFields),
  ...conditionsOf('core.PodStatus', 'core.NodeStatus', 'core.NamespaceStatus', 'core.ServiceStatus'),
  ...conditionsOf('core.PersistentVolumeClaimStatus', 'apps.DeploymentStatus', 'apps.ReplicaSetStatus'),
  ...conditionsOf('apps.DaemonSetStatus', 'apps.StatefulSetStatus', 'policy.PodDisruptionBudgetStatus'),
  ...conditionsOf('apiextensions.CustomResourceDefinitionStatus'),
  'core.PodStatus.podIPs': { patch: 'merge', key: 'ip', list: 'map', keys: ['ip'] },
  'core.PodStatus.hostIPs': { patch: 'merge', key: 'ip', list: 'atomic' },
  'core.PodStatus.containerStatuses': atomic,
  'core.PodStatus.initContainerStatuses': atomic,
  'core.PodStatus.ephemeralContainerStatuses': atomic,
  'core.NodeStatus.addresses': byType,
  'core.NodeStatus.images': atomic,
  'core.NodeStatus.volumesAttached': atomic,
  'core.NodeStatus.volumesInUse': atomic,
  'core.NodeSpec.taints': atomic,
  'core.NodeSpec.podCIDRs': { patch: 'merge', list: 'set' },
  'core.ServiceSpec.ports': { patch: 'merge', key: 'port', list: 'map', keys: ['port', 'protocol'] },
  'core.ServiceSpec.externalIPs': atomic,
  'core.ServiceSpec.clusterIPs': atomic,
  'core.ServiceSpec.ipFamilies': atomic,
  'core.ServiceAccount.secrets': { patch: 'merge', key: 'name', list: 'atomic' },
  'core.ServiceAccount.imagePullSecrets': atomic,
  'core.EndpointSubset.addresses': atomic,
  'core.EndpointSubset.notReadyAddresses': atomic,
  'core.EndpointSubset.ports': atomic,
  'core.Endpoints.subsets': atomic,
  'core.NodeSelector.nodeSelectorTerms': atomic,
  'core.NodeSelectorTerm.matchExpressions': atomic,
  'core.NodeSelectorTerm.matchFields': atomic,
  'core.PodAffinity.requiredDuringSchedulingIgnoredDuringExecution': atomic,
  'core.PodAffinity.preferredDuringSchedulingIgnoredDuringExecution': atomic,
  'core.PodAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution': atomic,
  'core.PodAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution': atomic,
  'core.PersistentVolumeClaimSpec.accessModes': atomic,
  'core.PersistentVolumeSpec.accessModes': atomic,
  'core.PersistentVolumeSpec.mountOptions': atomic,
  'apps.StatefulSetSpec.volumeClaimTemplates': atomic,
  'batch.JobStatus.conditions': { patch: 'merge', key: 'type', list: 'atomic' },
  'discovery.EndpointSlice.endpoints': atomic,
  'discovery.EndpointSlice.ports': atomic,
  'discovery.Endpoint.addresses': { list: 'set' },
  'storage.StorageClass.mountOptions': atomic,
  'storage.StorageClass.allowedTopologies': atomic,
};
