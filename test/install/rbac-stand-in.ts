// kube-sim does not serve rbac.authorization.k8s.io yet; these CRDs stand in for the four RBAC kinds
// so `kubectl apply -k` and `omni install` can be exercised end to end. Remove once kube-sim serves RBAC.
import { loadYaml, type V1CustomResourceDefinition } from '@kubernetes/client-node';
import type { KubeClients } from '../../src/kube/index.ts';

const KINDS: [string, string, 'Cluster' | 'Namespaced'][] = [
  ['ClusterRole', 'clusterroles', 'Cluster'],
  ['ClusterRoleBinding', 'clusterrolebindings', 'Cluster'],
  ['Role', 'roles', 'Namespaced'],
  ['RoleBinding', 'rolebindings', 'Namespaced'],
];

function standIn(kind: string, plural: string, scope: 'Cluster' | 'Namespaced'): V1CustomResourceDefinition {
  return loadYaml<V1CustomResourceDefinition>(
    JSON.stringify({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${plural}.rbac.authorization.k8s.io`, annotations: { 'api-approved.kubernetes.io': 'unapproved, test stand-in' } },
      spec: {
        group: 'rbac.authorization.k8s.io',
        scope,
        names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List` },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
      },
    }),
  );
}

/** Serves the RBAC kinds unless the cluster already does. */
export async function ensureRbacKinds(clients: KubeClients): Promise<void> {
  try {
    await clients.kc.makeApiClient((await import('@kubernetes/client-node')).RbacAuthorizationV1Api).listClusterRole();
    return;
  } catch {
    // not served: install the stand-ins
  }
  for (const [kind, plural, scope] of KINDS) await clients.apiextensions.createCustomResourceDefinition({ body: standIn(kind, plural, scope) });
  for (let i = 0; i < 50; i++) {
    try {
      await clients.objects.list('rbac.authorization.k8s.io/v1', 'RoleBinding', 'default');
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
