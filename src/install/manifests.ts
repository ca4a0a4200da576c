// omni's install manifests as objects: the kustomize base in deploy/base is written from these.
import { allCrds } from '../apis/index.ts';
import { CONTROLLER, DEFAULT_IMAGE, DEFAULT_MAIN, HUB, NAMESPACE, PART_OF, SPOKE } from './constants.ts';
import {
  CLUSTER_RULES,
  HUB_CLUSTER_RULES,
  HUB_NAMESPACE_RULES,
  LEASE_NAMESPACES,
  LEASE_RULES,
  NAMESPACE_RULES,
  SPOKE_CLUSTER_RULES,
  SPOKE_NAMESPACE_RULES,
} from './rbac.ts';

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
}

function meta(name: string, namespace?: string, component?: string): Manifest['metadata'] {
  const labels = { ...PART_OF, ...(component ? { 'app.kubernetes.io/name': component } : {}) };
  return namespace ? { name, namespace, labels } : { name, labels };
}

export function namespaceManifests(): Manifest[] {
  return [{ apiVersion: 'v1', kind: 'Namespace', metadata: meta(NAMESPACE) }];
}

export function crdManifests(): Manifest[] {
  return allCrds() as unknown as Manifest[];
}

const RBAC_API = 'rbac.authorization.k8s.io/v1';

/** A ServiceAccount with a ClusterRole and a Role in omni's namespace, each bound to it. */
export function accountWithRoles(
  account: string,
  clusterRules: unknown,
  namespaceRules: unknown,
): Manifest[] {
  const subjects = [{ kind: 'ServiceAccount', name: account, namespace: NAMESPACE }];
  const ref = (kind: string) => ({ apiGroup: 'rbac.authorization.k8s.io', kind, name: account });
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(account, NAMESPACE, account) },
    { apiVersion: RBAC_API, kind: 'ClusterRole', metadata: meta(account), rules: clusterRules },
    {
      apiVersion: RBAC_API,
      kind: 'ClusterRoleBinding',
      metadata: meta(account),
      roleRef: ref('ClusterRole'),
      subjects,
    },
    { apiVersion: RBAC_API, kind: 'Role', metadata: meta(account, NAMESPACE), rules: namespaceRules },
    {
      apiVersion: RBAC_API,
      kind: 'RoleBinding',
      metadata: meta(account, NAMESPACE),
      roleRef: ref('Role'),
      subjects,
    },
  ];
}

export function rbacManifests(): Manifest[] {
  const subjects = [{ kind: 'ServiceAccount', name: CONTROLLER, namespace: NAMESPACE }];
  const leases = (namespace: string): Manifest[] => [
    {
      apiVersion: RBAC_API,
      kind: 'Role',
      metadata: meta(`${CONTROLLER}-leases`, namespace),
      rules: LEASE_RULES,
    },
    {
      apiVersion: RBAC_API,
      kind: 'RoleBinding',
      metadata: meta(`${CONTROLLER}-leases`, namespace),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${CONTROLLER}-leases` },
      subjects,
    },
  ];
  return [
    ...accountWithRoles(CONTROLLER, CLUSTER_RULES, NAMESPACE_RULES),
    ...LEASE_NAMESPACES.flatMap(leases),
  ];
}

const SECURITY = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

export function controllerManifests(image = DEFAULT_IMAGE, main = DEFAULT_MAIN): Manifest[] {
  const labels = { 'app.kubernetes.io/name': CONTROLLER };
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(CONTROLLER, NAMESPACE, CONTROLLER),
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels: { ...labels, ...PART_OF } },
          spec: {
            serviceAccountName: CONTROLLER,
            securityContext: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
            containers: [
              {
                name: 'controller',
                image,
                args: [
                  'controller',
                  '--leader-elect',
                  `--leader-election-namespace=${NAMESPACE}`,
                  `--leader-election-id=${CONTROLLER}`,
                  '--metrics-bind-address=:8080',
                  '--health-probe-bind-address=:8081',
                ],
                env: [
                  { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                  { name: 'OMNI_MAIN', value: main },
                  { name: 'OMNI_LOG_LEVEL', value: 'info' },
                ],
                ports: [
                  { name: 'metrics', containerPort: 8080 },
                  { name: 'health', containerPort: 8081 },
                ],
                livenessProbe: { httpGet: { path: '/healthz', port: 'health' }, initialDelaySeconds: 30 },
                readinessProbe: { httpGet: { path: '/readyz', port: 'health' } },
                resources: { requests: { cpu: '200m', memory: '512Mi' }, limits: { memory: '1Gi' } },
                securityContext: SECURITY,
                volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: {} }],
          },
        },
      },
    },
  ];
}

export function hubManifests(image = DEFAULT_IMAGE): Manifest[] {
  const labels = { 'app.kubernetes.io/name': HUB };
  return [
    ...accountWithRoles(HUB, HUB_CLUSTER_RULES, HUB_NAMESPACE_RULES),
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(HUB, NAMESPACE, HUB),
      spec: {
        // Active/standby: the replica holding the Lease serves, the other is not Ready until it takes over.
        replicas: 2,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels: { ...labels, ...PART_OF } },
          spec: {
            serviceAccountName: HUB,
            securityContext: { runAsUser: 1000, runAsGroup: 1000 },
            containers: [
              {
                name: 'hub',
                image,
                args: [
                  'gateway',
                  'hub',
                  '--listen=0.0.0.0:8443',
                  '--cert=/etc/omni/tls/tls.crt',
                  '--key=/etc/omni/tls/tls.key',
                  '--ca=/etc/omni/tls/ca.crt',
                  '--from-cluster',
                  '--leader-elect',
                  `--leader-election-namespace=${NAMESPACE}`,
                  `--leader-election-id=${HUB}`,
                  '--metrics=0.0.0.0:9090',
                ],
                env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
                ports: [
                  { name: 'tunnel', containerPort: 8443 },
                  { name: 'metrics', containerPort: 9090 },
                ],
                livenessProbe: { httpGet: { path: '/healthz', port: 'metrics' }, initialDelaySeconds: 10 },
                readinessProbe: { httpGet: { path: '/readyz', port: 'metrics' }, periodSeconds: 2 },
                resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
                securityContext: SECURITY,
                volumeMounts: [{ name: 'tls', mountPath: '/etc/omni/tls', readOnly: true }],
              },
            ],
            volumes: [{ name: 'tls', secret: { secretName: `${HUB}-tls` } }],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(HUB, NAMESPACE, HUB),
      spec: {
        type: 'LoadBalancer',
        selector: labels,
        ports: [{ name: 'tunnel', port: 8443, targetPort: 'tunnel', protocol: 'TCP' }],
      },
    },
  ];
}

export interface SpokeDeployment {
  location: string;
  /** `host:port` the spoke dials: the hub Service's load-balancer address. */
  hub: string;
  image?: string;
}

/** What an edge cluster runs for the tunnel: the spoke gateway (its certificate is Secret omni-spoke-tls). */
export function spokeManifests(d: SpokeDeployment): Manifest[] {
  const labels = { 'app.kubernetes.io/name': SPOKE };
  const tls = ['--cert=/etc/omni/tls/tls.crt', '--key=/etc/omni/tls/tls.key', '--ca=/etc/omni/tls/ca.crt'];
  const container = {
    name: 'spoke',
    image: d.image ?? DEFAULT_IMAGE,
    args: [
      'gateway',
      'spoke',
      `--hub=${d.hub}`,
      `--server-name=${HUB}.${NAMESPACE}.svc`,
      `--location=${d.location}`,
      ...tls,
      '--from-cluster',
      '--metrics=0.0.0.0:9090',
    ],
    ports: [{ name: 'metrics', containerPort: 9090 }],
    resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
    securityContext: SECURITY,
    volumeMounts: [{ name: 'tls', mountPath: '/etc/omni/tls', readOnly: true }],
  };
  const pod = {
    serviceAccountName: SPOKE,
    securityContext: { runAsUser: 1000, runAsGroup: 1000 },
    containers: [container],
    volumes: [{ name: 'tls', secret: { secretName: `${SPOKE}-tls` } }],
  };
  return [
    ...accountWithRoles(SPOKE, SPOKE_CLUSTER_RULES, SPOKE_NAMESPACE_RULES),
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(SPOKE, NAMESPACE, SPOKE),
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        template: { metadata: { labels: { ...labels, ...PART_OF } }, spec: pod },
      },
    },
  ];
}

/** The files of deploy/base (besides kustomization.yaml), each with its objects, in apply order. */
export function manifestFiles(
  image = DEFAULT_IMAGE,
  main = DEFAULT_MAIN,
): { file: string; objects: Manifest[] }[] {
  return [
    { file: 'namespace.yaml', objects: namespaceManifests() },
    ...crdManifests().map((crd) => ({ file: `crds/${crd.metadata.name}.yaml`, objects: [crd] })),
    { file: 'rbac.yaml', objects: rbacManifests() },
    { file: 'controller.yaml', objects: controllerManifests(image, main) },
    { file: 'hub.yaml', objects: hubManifests(image) },
  ];
}

/** Every object `omni install` applies, in order (namespace and CRDs first); `main` is `<cloud>/<region>`. */
export function installManifests(image = DEFAULT_IMAGE, main = DEFAULT_MAIN): Manifest[] {
  return manifestFiles(image, main).flatMap((f) => f.objects);
}
