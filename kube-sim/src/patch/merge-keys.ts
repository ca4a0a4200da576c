/**
 * Patch metadata for the built-in kinds kube-sim serves, transcribed from the `patchStrategy` /
 * `patchMergeKey` / `listType` tags of k8s.io/api. Lists not described here are atomic (replaced whole);
 * maps not described here are merged key by key.
 */
export interface Schema {
  fields?: Readonly<Record<string, Schema>>;
  /** 'map': list of objects merged by `key`; 'set': list of primitives merged as a set. */
  list?: 'map' | 'set';
  key?: string;
  items?: Schema;
  /** Replaced whole by server-side apply (e.g. LabelSelector, Service spec.selector). */
  atomic?: boolean;
  /** A free-form string map (labels, data): an Update entry also owns the map itself ("."). */
  granular?: boolean;
}

const byName = (items?: Schema): Schema => ({ list: 'map', key: 'name', items });
const byType: Schema = { list: 'map', key: 'type' };
const freeMap: Schema = { granular: true };
const atomic: Schema = { atomic: true };

const container: Schema = {
  fields: {
    ports: { list: 'map', key: 'containerPort' },
    env: byName(),
    volumeMounts: { list: 'map', key: 'mountPath' },
    volumeDevices: { list: 'map', key: 'devicePath' },
  },
};

const objectMeta: Schema = {
  fields: {
    labels: freeMap,
    annotations: freeMap,
    finalizers: { list: 'set' },
    ownerReferences: { list: 'map', key: 'uid' },
  },
};

const podSpec: Schema = {
  fields: {
    containers: byName(container),
    initContainers: byName(container),
    ephemeralContainers: byName(container),
    volumes: byName(),
    imagePullSecrets: byName(),
    hostAliases: { list: 'map', key: 'ip' },
    topologySpreadConstraints: { list: 'map', key: 'topologyKey' },
    schedulingGates: byName(),
    resourceClaims: byName(),
    nodeSelector: freeMap,
  },
};

const podTemplate: Schema = { fields: { metadata: objectMeta, spec: podSpec } };
const conditionsStatus: Schema = { fields: { conditions: byType } };

const podStatus: Schema = {
  fields: {
    conditions: byType,
    podIPs: { list: 'map', key: 'ip' },
    hostIPs: { list: 'map', key: 'ip' },
  },
};

function workload(extra: Record<string, Schema> = {}): Schema {
  return {
    fields: {
      metadata: objectMeta,
      spec: { fields: { selector: atomic, template: podTemplate, ...extra } },
      status: conditionsStatus,
    },
  };
}

function withMeta(fields: Record<string, Schema> = {}): Schema {
  return { fields: { metadata: objectMeta, ...fields } };
}

const KINDS: Readonly<Record<string, Schema>> = {
  Pod: withMeta({ spec: podSpec, status: podStatus }),
  PodTemplate: withMeta({ template: podTemplate }),
  Deployment: workload(),
  ReplicaSet: workload(),
  DaemonSet: workload(),
  StatefulSet: workload(),
  ReplicationController: withMeta({
    spec: { fields: { selector: { ...freeMap, atomic: true }, template: podTemplate } },
    status: conditionsStatus,
  }),
  Job: workload(),
  CronJob: withMeta({
    spec: { fields: { jobTemplate: { fields: { spec: { fields: { template: podTemplate } } } } } },
  }),
  Node: withMeta({
    spec: { fields: { podCIDRs: { list: 'set' } } },
    status: { fields: { conditions: byType, addresses: byType } },
  }),
  Service: withMeta({
    spec: { fields: { ports: { list: 'map', key: 'port' }, selector: { ...freeMap, atomic: true } } },
    status: conditionsStatus,
  }),
  Namespace: withMeta({ status: conditionsStatus }),
  ConfigMap: withMeta({ data: freeMap, binaryData: freeMap }),
  Secret: withMeta({ data: freeMap, stringData: freeMap }),
  PersistentVolumeClaim: withMeta({ status: conditionsStatus }),
  PodDisruptionBudget: withMeta({ spec: { fields: { selector: atomic } }, status: conditionsStatus }),
  CustomResourceDefinition: withMeta({ status: conditionsStatus }),
  APIService: withMeta({ status: conditionsStatus }),
  HorizontalPodAutoscaler: withMeta({ status: conditionsStatus }),
};

/** Built-in kinds whose only patch metadata is in ObjectMeta. */
const META_ONLY = [
  'Endpoints',
  'EndpointSlice',
  'ServiceAccount',
  'Event',
  'PersistentVolume',
  'LimitRange',
  'ResourceQuota',
  'Lease',
  'Role',
  'RoleBinding',
  'ClusterRole',
  'ClusterRoleBinding',
  'Ingress',
  'IngressClass',
  'NetworkPolicy',
  'PriorityClass',
  'StorageClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'Binding',
  'Scale',
  'Eviction',
  'ControllerRevision',
  'CSIDriver',
  'CSINode',
  'RuntimeClass',
];

/** The schema for a built-in kind, or undefined for kinds kube-sim does not know as built-in (custom resources). */
export function schemaForKind(kind: string): Schema | undefined {
  if (Object.hasOwn(KINDS, kind)) return KINDS[kind];
  return META_ONLY.includes(kind) ? withMeta() : undefined;
}

/** The schema for any kind: custom resources get the metadata rules only (used by server-side apply). */
export function schemaOrMeta(kind: string): Schema {
  return schemaForKind(kind) ?? withMeta();
}

export function fieldSchema(schema: Schema | undefined, field: string): Schema | undefined {
  const fields = schema?.fields;
  return fields && Object.hasOwn(fields, field) ? fields[field] : undefined;
}
