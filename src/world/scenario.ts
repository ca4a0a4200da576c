// The demo scenario: node templates, three edge locations, and the workloads that use them.
import type { KubeClients } from '../kube/index.ts';
import { requestJson } from '../kube/index.ts';

export interface EdgeLocationSeed {
  name: string;
  cloud: 'aws' | 'gcp' | 'oci';
  region: string;
}

/** The catalog has AWS prices for us-east-1 (and GovCloud) only, so the demo's edges are GCP and OCI regions. */
export const DEMO_EDGE_LOCATIONS: EdgeLocationSeed[] = [
  { name: 'gcp-us-central1', cloud: 'gcp', region: 'us-central1' },
  { name: 'oci-us-ashburn-1', cloud: 'oci', region: 'us-ashburn-1' },
  { name: 'gcp-europe-west4', cloud: 'gcp', region: 'europe-west4' },
];

export const DEMO_NAMESPACE = 'demo';

function edgeLocation(e: EdgeLocationSeed): object {
  return { apiVersion: 'omni.cast.ai/v1alpha1', kind: 'EdgeLocation', metadata: { name: e.name }, spec: { cloud: e.cloud, region: e.region } };
}

function templates(edges: string[]): object[] {
  return [
    {
      apiVersion: 'omni.cast.ai/v1alpha1',
      kind: 'NodeTemplate',
      metadata: { name: 'default' },
      spec: { mainRegion: true, edgeLocations: edges, constraints: { onDemand: true, spot: true, instanceFamilies: { include: ['m5', 'm6i', 'c5', 'c6i', 'r5', 'n2', 'e2', 'VM.Standard.E4'] } } },
    },
    {
      apiVersion: 'omni.cast.ai/v1alpha1',
      kind: 'NodeTemplate',
      metadata: { name: 'gpu' },
      spec: {
        mainRegion: true,
        edgeLocations: edges,
        constraints: { onDemand: true, spot: false, gpu: { names: ['A100'], minCount: 1 } },
        labels: { 'omni.cast.ai/workload': 'gpu' },
      },
    },
  ];
}

const EDGE_TOLERATION = { key: 'virtual-node.omni.cast.ai/not-allowed', operator: 'Exists', effect: 'NoExecute' };

function container(name: string, cpu: string, memory: string, extra: Record<string, string> = {}) {
  return { name, image: `registry.example/${name}:1.0`, resources: { requests: { cpu, memory, ...extra }, limits: extra } };
}

function workloads(): { path: string; body: object }[] {
  const apps = `/apis/apps/v1/namespaces/${DEMO_NAMESPACE}/deployments`;
  return [
    {
      path: apps,
      body: {
        metadata: { name: 'llm-inference', labels: { app: 'llm-inference' } },
        spec: {
          replicas: 4,
          selector: { matchLabels: { app: 'llm-inference' } },
          template: {
            metadata: { labels: { app: 'llm-inference' } },
            spec: { nodeSelector: { 'scheduling.cast.ai/node-template': 'gpu' }, tolerations: [EDGE_TOLERATION], containers: [container('vllm', '4', '16Gi', { 'nvidia.com/gpu': '1' })] },
          },
        },
      },
    },
    {
      path: `/apis/batch/v1/namespaces/${DEMO_NAMESPACE}/jobs`,
      body: {
        metadata: { name: 'nightly-batch' },
        spec: {
          completions: 12,
          parallelism: 12,
          template: {
            metadata: { annotations: { 'kube-sim.omni.cast.ai/run-seconds': '900' } },
            spec: { restartPolicy: 'Never', tolerations: [EDGE_TOLERATION], containers: [container('batch', '2', '4Gi')] },
          },
        },
      },
    },
    {
      path: apps,
      body: {
        metadata: { name: 'web', labels: { app: 'web' } },
        spec: {
          replicas: 6,
          selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'web' } }, spec: { tolerations: [EDGE_TOLERATION], containers: [container('web', '500m', '1Gi')] } },
        },
      },
    },
    {
      path: `/api/v1/namespaces/${DEMO_NAMESPACE}/services`,
      body: { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } },
    },
  ];
}

async function create(clients: KubeClients, path: string, body: object): Promise<void> {
  try {
    await requestJson(clients.kc, { method: 'POST', path, body });
  } catch (err) {
    if ((err as { code?: number }).code !== 409) throw err;
  }
}

export async function applyEdgeLocations(clients: KubeClients, edges: EdgeLocationSeed[]): Promise<void> {
  for (const e of edges) await create(clients, '/apis/omni.cast.ai/v1alpha1/edgelocations', edgeLocation(e));
}

/** Node templates first, then the demo's workloads in their own namespace. */
export async function applyScenario(clients: KubeClients, edges: EdgeLocationSeed[]): Promise<void> {
  for (const t of templates(edges.map((e) => e.name))) await create(clients, '/apis/omni.cast.ai/v1alpha1/nodetemplates', t);
  await create(clients, '/api/v1/namespaces', { metadata: { name: DEMO_NAMESPACE } });
  for (const w of workloads()) await create(clients, w.path, w.body);
}
