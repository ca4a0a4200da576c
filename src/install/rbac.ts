// Least-privilege RBAC for omni's controllers: only the resources and verbs they use, and why.
import { GROUP } from '../apis/index.ts';
import { NAMESPACE } from './constants.ts';

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete'];

/** Cluster-wide rules, each line one controller's need. */
export const CLUSTER_RULES: PolicyRule[] = [
  // autoscaler: pending pods; virtual kubelet: pods bound to virtual nodes (status back, delete when gone)
  { apiGroups: [''], resources: ['pods'], verbs: [...READ, 'update', 'patch', 'delete'] },
  { apiGroups: [''], resources: ['pods/status'], verbs: ['update', 'patch'] },
  // evictor: moves pods through the Eviction API, so PodDisruptionBudgets hold
  { apiGroups: [''], resources: ['pods/eviction'], verbs: ['create'] },
  { apiGroups: [''], resources: ['pods/binding'], verbs: ['create'] },
  // virtual kubelet registers virtual nodes; autoscaler removes empty nodes
  { apiGroups: [''], resources: ['nodes'], verbs: [...READ, ...WRITE] },
  { apiGroups: [''], resources: ['nodes/status'], verbs: ['update', 'patch'] },
  // decisions and actions are explained as Events
  { apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['create', 'update', 'patch'] },
  // virtual kubelet reflects what pods on edge nodes use (main → edge)
  { apiGroups: [''], resources: ['configmaps', 'secrets', 'serviceaccounts', 'namespaces'], verbs: READ },
  { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
  // services and their endpoints are reflected both ways (edge services appear in the main cluster)
  { apiGroups: [''], resources: ['services'], verbs: [...READ, ...WRITE] },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: [...READ, ...WRITE] },
  // planner: daemonset pods on every new node; evictor: disruption budgets
  { apiGroups: ['apps'], resources: ['daemonsets'], verbs: READ },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: READ },
  // omni's own kinds
  {
    apiGroups: [GROUP],
    resources: ['edgelocations', 'edgenodeconfigurations', 'nodetemplates', 'nodeclaims'],
    verbs: [...READ, ...WRITE],
  },
  {
    apiGroups: [GROUP],
    resources: [
      'edgelocations/status',
      'edgenodeconfigurations/status',
      'nodetemplates/status',
      'nodeclaims/status',
    ],
    verbs: ['get', 'update', 'patch'],
  },
  { apiGroups: [GROUP], resources: ['edgelocations/finalizers', 'nodeclaims/finalizers'], verbs: ['update'] },
];

/** Leases only where omni needs them: its leader election, and virtual nodes' heartbeats. */
export const LEASE_NAMESPACES = [NAMESPACE, 'kube-node-lease'];
export const LEASE_RULES: PolicyRule[] = [
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: [...READ, ...WRITE] },
];

/** In its own namespace omni also writes Secrets (edge credentials, tunnel certificates) and ConfigMaps (gateway config, revocations). */
export const NAMESPACE_RULES: PolicyRule[] = [
  { apiGroups: [''], resources: ['secrets', 'configmaps'], verbs: [...READ, ...WRITE] },
];

/** The hub gateway only reads: where Services' endpoints are, which nodes are virtual (cluster-wide)… */
export const HUB_CLUSTER_RULES: PolicyRule[] = [
  { apiGroups: [''], resources: ['services', 'nodes'], verbs: READ },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
];

/** …its config and the revocation list (ConfigMaps in omni's namespace), and the Lease its replicas take turns on. */
export const HUB_NAMESPACE_RULES: PolicyRule[] = [
  { apiGroups: [''], resources: ['configmaps'], verbs: READ },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'create', 'update'] },
];

/** A spoke gateway reads, in its edge cluster, the endpoints of the services its location serves… */
export const SPOKE_CLUSTER_RULES: PolicyRule[] = [
  { apiGroups: [''], resources: ['services'], verbs: READ },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
];

/** …and its config (ConfigMap omni-spoke-config in omni's namespace). */
export const SPOKE_NAMESPACE_RULES: PolicyRule[] = [
  { apiGroups: [''], resources: ['configmaps'], verbs: READ },
];
