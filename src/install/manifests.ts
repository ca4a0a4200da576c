// omni's install manifests as objects: the kustomize base in deploy/base is written from these.
import { allCrds } from '../apis/index.ts';
import { CONTROLLER, DEFAULT_IMAGE, DEFAULT_MAIN, HUB, NAMESPACE, PART_OF } from './constants.ts';
import { CLUSTER_RULES, LEASE_NAMESPACES, LEASE_RULES, NAMESPACE_RULES } from './rbac.ts';

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

export function rbacManifests(): Manifest[] {
  const subject = [{ kind: 'ServiceAccount', name: CONTROLLER, namespace: NAMESPACE }];
  const role = (name: string, namespace: string, rules: unknown): Manifest[] => [
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta(name, namespace), rules },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: meta(name, namespace),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: subject,
    },
  ];
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(CONTROLLER, NAMESPACE, CONTROLLER) },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: meta(CONTROLLER),
      rules: CLUSTER_RULES,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: meta(CONTROLLER),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: CONTROLLER },
      subjects: subject,
    },
    ...LEASE_NAMESPACES.flatMap((ns) => role(`${CONTROLLER}-leases`, ns, LEASE_RULES)),
    ...role(CONTROLLER, NAMESPACE, NAMESPACE_RULES),
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
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta(`${HUB}-policy`, NAMESPACE, HUB),
      data: { 'policy.yaml': 'locations: {}\n' },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(HUB, NAMESPACE, HUB),
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels: { ...labels, ...PART_OF } },
          spec: {
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
                  '--policy=/etc/omni/policy/policy.yaml',
                  '--metrics=0.0.0.0:9090',
                ],
                ports: [
                  { name: 'tunnel', containerPort: 8443 },
                  { name: 'metrics', containerPort: 9090 },
                ],
                resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
                securityContext: SECURITY,
                volumeMounts: [
                  { name: 'tls', mountPath: '/etc/omni/tls', readOnly: true },
                  { name: 'policy', mountPath: '/etc/omni/policy', readOnly: true },
                ],
              },
            ],
            volumes: [
              { name: 'tls', secret: { secretName: `${HUB}-tls` } },
              { name: 'policy', configMap: { name: `${HUB}-policy` } },
            ],
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
