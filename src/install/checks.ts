// Prerequisites of `omni install`: a managed cluster omni supports, enough access, and main-cloud credentials.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AuthorizationV1Api, type V1Node } from '@kubernetes/client-node';
import type { KubeClients } from '../kube/index.ts';
import { NAMESPACE } from './constants.ts';

export type ClusterKind = 'EKS' | 'GKE' | 'AKS';

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

const KINDS: { kind: ClusterKind; cloud: 'aws' | 'gcp' | 'azure'; providerPrefix: string; label: string }[] = [
  { kind: 'EKS', cloud: 'aws', providerPrefix: 'aws://', label: 'eks.amazonaws.com/nodegroup' },
  { kind: 'GKE', cloud: 'gcp', providerPrefix: 'gce://', label: 'cloud.google.com/gke-nodepool' },
  { kind: 'AKS', cloud: 'azure', providerPrefix: 'azure://', label: 'kubernetes.azure.com/cluster' },
];

export function cloudOfKind(kind: ClusterKind): 'aws' | 'gcp' | 'azure' {
  return KINDS.find((k) => k.kind === kind)!.cloud;
}

function kindOfNode(node: V1Node): ClusterKind | undefined {
  const labels = node.metadata?.labels ?? {};
  if (labels['omni.cast.ai/type'] === 'virtual-node') return undefined;
  return KINDS.find((k) => node.spec?.providerID?.startsWith(k.providerPrefix) || k.label in labels)?.kind;
}

/** EKS, GKE or AKS, from the nodes' providerIDs and labels (the most common wins); undefined when none match. */
export function detectClusterKind(nodes: V1Node[]): ClusterKind | undefined {
  const counts = new Map<ClusterKind, number>();
  for (const n of nodes) {
    const kind = kindOfNode(n);
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The region most of the cluster's own nodes are in (topology.kubernetes.io/region). */
export function detectRegion(nodes: V1Node[]): string | undefined {
  const counts = new Map<string, number>();
  for (const n of nodes) {
    const region = n.metadata?.labels?.['topology.kubernetes.io/region'];
    if (region && kindOfNode(n)) counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export async function checkClusterKind(clients: KubeClients): Promise<{ kind?: ClusterKind; main?: string; result: CheckResult }> {
  const nodes = (await clients.core.listNode({ limit: 200 })).items;
  const kind = detectClusterKind(nodes);
  const region = detectRegion(nodes);
  const main = kind && region ? `${cloudOfKind(kind)}/${region}` : undefined;
  const result = kind
    ? { name: 'cluster kind', ok: true, detail: `${kind}${region ? ` in ${region}` : ''} (from ${nodes.length} node${nodes.length === 1 ? '' : 's'})` }
    : { name: 'cluster kind', ok: false, detail: `not EKS, GKE or AKS: no node has an aws://, gce:// or azure:// providerID or a managed node-pool label (${nodes.length} nodes)` };
  return { kind, main, result };
}

/** What the installer itself must be allowed to do (kubectl-level access, cluster-admin or close to it). */
const NEEDED: { verb: string; group: string; resource: string; namespace?: string }[] = [
  { verb: 'create', group: 'apiextensions.k8s.io', resource: 'customresourcedefinitions' },
  { verb: 'create', group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
  { verb: 'create', group: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings' },
  { verb: 'create', group: '', resource: 'namespaces' },
  { verb: 'create', group: 'apps', resource: 'deployments', namespace: NAMESPACE },
  { verb: 'create', group: '', resource: 'services', namespace: NAMESPACE },
];

export async function checkAccess(clients: KubeClients): Promise<CheckResult> {
  const authz = clients.kc.makeApiClient(AuthorizationV1Api);
  const denied: string[] = [];
  for (const n of NEEDED) {
    const review = await authz.createSelfSubjectAccessReview({
      body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: n.verb, group: n.group, resource: n.resource, namespace: n.namespace } } },
    });
    if (!review.status?.allowed) denied.push(`${n.verb} ${n.resource}${n.group ? `.${n.group}` : ''}`);
  }
  return denied.length === 0
    ? { name: 'access', ok: true, detail: `allowed: ${NEEDED.map((n) => `${n.verb} ${n.resource}`).join(', ')}` }
    : { name: 'access', ok: false, detail: `not allowed: ${denied.join(', ')} (install needs cluster-admin-level access)` };
}

type Env = Record<string, string | undefined>;

function fileIn(env: Env, home: string, envKey: string, ...rest: string[]): string | undefined {
  const path = env[envKey] || join(home, ...rest);
  return existsSync(path) ? path : undefined;
}

function awsSource(env: Env, home: string): string | undefined {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return 'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY';
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE) return 'AWS_WEB_IDENTITY_TOKEN_FILE';
  if (env.AWS_PROFILE) return `AWS_PROFILE=${env.AWS_PROFILE}`;
  return fileIn(env, home, 'AWS_SHARED_CREDENTIALS_FILE', '.aws', 'credentials') ?? fileIn(env, home, 'AWS_CONFIG_FILE', '.aws', 'config');
}

function gcpSource(env: Env, home: string): string | undefined {
  const dir = env.CLOUDSDK_CONFIG || join(home, '.config', 'gcloud');
  const adc = join(dir, 'application_default_credentials.json');
  return fileIn(env, home, 'GOOGLE_APPLICATION_CREDENTIALS', '.config', 'gcloud', 'application_default_credentials.json') ?? (existsSync(adc) ? adc : undefined);
}

function azureSource(env: Env, home: string): string | undefined {
  if (env.AZURE_CLIENT_ID && env.AZURE_TENANT_ID && (env.AZURE_CLIENT_SECRET || env.AZURE_FEDERATED_TOKEN_FILE)) return 'AZURE_CLIENT_ID/AZURE_TENANT_ID';
  const profile = join(env.AZURE_CONFIG_DIR || join(home, '.azure'), 'azureProfile.json');
  return existsSync(profile) ? profile : undefined;
}

const SOURCES = { aws: awsSource, gcp: gcpSource, azure: azureSource };

/** Where the usual SDK credential chain of each cloud would find credentials, or undefined. */
export function credentialSource(cloud: 'aws' | 'gcp' | 'azure', env: Env, home: string): string | undefined {
  return SOURCES[cloud](env, home);
}

export function checkCredentials(kind: ClusterKind, env: Env, home: string): CheckResult {
  const cloud = cloudOfKind(kind);
  const source = credentialSource(cloud, env, home);
  return source
    ? { name: `${cloud} credentials`, ok: true, detail: `found: ${source}` }
    : { name: `${cloud} credentials`, ok: false, detail: `no ${cloud} credentials for the main cloud (the usual environment variables or files of the ${cloud} SDK)` };
}
