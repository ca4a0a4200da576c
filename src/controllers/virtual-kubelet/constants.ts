/** Labels, taint and annotations that make up the virtual-node contract (DESIGN.md) and omni's bookkeeping. */
export const LABELS = {
  liqoType: 'liqo.io/type',
  omniType: 'omni.cast.ai/type',
  edgeNode: 'omni.cast.ai/edge-node',
  edgeLocation: 'omni.cast.ai/edge-location-name',
  cloud: 'omni.cast.ai/cloud',
  instanceId: 'omni.cast.ai/instance-id',
  managedBy: 'omni.cast.ai/managed-by',
  originUid: 'omni.cast.ai/origin-pod-uid',
  originNamespace: 'omni.cast.ai/origin-namespace',
  originName: 'omni.cast.ai/origin-name',
  reflected: 'omni.cast.ai/reflected',
  localOnly: 'omni.cast.ai/enable-scheduling-local-only',
} as const;

export const VIRTUAL_NODE = 'virtual-node';
export const MANAGER = 'omni-virtual-kubelet';
export const MANAGED_BY_VALUE = 'omni';

export const VIRTUAL_NODE_TAINT = { key: 'virtual-node.omni.cast.ai/not-allowed', value: 'true', effect: 'NoExecute' } as const;

/** Labels copied from the edge node onto its virtual node (besides omni's own prefixes). */
export const MIRRORED_LABELS = [
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'node.kubernetes.io/instance-type',
  'kubernetes.io/arch',
  'kubernetes.io/os',
] as const;
export const MIRRORED_LABEL_PREFIXES = ['omni.cast.ai/', 'scheduling.cast.ai/', 'nvidia.com/'] as const;

/** The label keys omni set last time, so that labels it no longer wants go while admins' labels stay. */
export const APPLIED_LABELS_ANNOTATION = 'omni.cast.ai/applied-labels';

export const PROVIDER_ID_SCHEME = 'castai-omni://';
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** main's root CA ConfigMap is reflected under another name so it never collides with the edge's own. */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
export const REFLECTED_ROOT_CA = 'omni-main-kube-root-ca.crt';
export const TOKEN_SECRET_PREFIX = 'omni-sa-token-';
