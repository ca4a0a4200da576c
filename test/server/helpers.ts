// A kube-sim cluster with omni's CRDs and a console server in front of it, plus object builders.
import { loadYaml, type V1CustomResourceDefinition, type V1Node } from '@kubernetes/client-node';
import { startKubeSim, type KubeSim } from '../../kube-sim/src/index.ts';
import { allCrds, API_VERSION, GROUP, VERSION } from '../../src/apis/index.ts';
import { loadEmbeddedCatalog } from '../../src/catalog/index.ts';
import { loadKubeConfig, makeClients, makeLogger, type KubeClients } from '../../src/kube/index.ts';
import { startConsoleServer, type ConsoleServer } from '../../src/server/index.ts';

export interface Env {
  sim: KubeSim;
  clients: KubeClients;
  console: ConsoleServer;
  stop(): Promise<void>;
}

export async function installCrds(clients: KubeClients): Promise<void> {
  // Through loadYaml: client-node's typed models spell x-kubernetes-* fields their own way.
  for (const crd of allCrds())
    await clients.apiextensions.createCustomResourceDefinition({ body: loadYaml<V1CustomResourceDefinition>(JSON.stringify(crd)) });
  for (let i = 0; i < 50; i++) {
    try {
      await clients.custom.listClusterCustomObject({ group: GROUP, version: VERSION, plural: 'nodetemplates' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export async function startEnv(token = 'test-token'): Promise<Env> {
  const sim = await startKubeSim();
  const clients = makeClients(loadKubeConfig({ yaml: sim.kubeconfigYaml }));
  await installCrds(clients);
  const console = await startConsoleServer({
    clients,
    catalog: await loadEmbeddedCatalog(),
    token,
    log: makeLogger('console-test', 'silent'),
    costSampleSeconds: 1,
  });
  return {
    sim,
    clients,
    console,
    async stop() {
      await console.stop();
      await sim.stop();
    },
  };
}

export function mainNode(name: string, zone = 'us-east-1a', instanceType = 'm5.xlarge'): V1Node {
  return {
    metadata: {
      name,
      labels: {
        'topology.kubernetes.io/region': 'us-east-1',
        'topology.kubernetes.io/zone': zone,
        'node.kubernetes.io/instance-type': instanceType,
        'kubernetes.io/arch': 'amd64',
        'eks.amazonaws.com/capacityType': 'ON_DEMAND',
      },
    },
    spec: { providerID: `aws:///${zone}/i-${name}` },
    status: {
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
      allocatable: { cpu: '3920m', memory: '15Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'ready' }],
    },
  };
}

export function virtualNode(name: string, location: string): V1Node {
  return {
    metadata: {
      name,
      labels: {
        'liqo.io/type': 'virtual-node',
        'omni.cast.ai/type': 'virtual-node',
        'omni.cast.ai/edge-node': 'true',
        'omni.cast.ai/edge-location-name': location,
        'omni.cast.ai/cloud': 'gcp',
        'omni.cast.ai/lifecycle': 'spot',
        'scheduling.cast.ai/spot': 'true',
        'scheduling.cast.ai/node-template': 'gpu',
        'topology.kubernetes.io/region': 'us-central1',
        'topology.kubernetes.io/zone': 'us-central1-a',
        'node.kubernetes.io/instance-type': 'g2-standard-8',
        'kubernetes.io/arch': 'amd64',
      },
    },
    spec: {
      providerID: `castai-omni://${location}/${name}`,
      taints: [{ key: 'virtual-node.omni.cast.ai/not-allowed', value: 'true', effect: 'NoExecute' }],
    },
    status: {
      capacity: { cpu: '8', memory: '32Gi', pods: '110', 'nvidia.com/gpu': '1' },
      allocatable: { cpu: '7910m', memory: '30Gi', pods: '110', 'nvidia.com/gpu': '1' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'ready' }],
    },
  };
}

export function edgeLocation(name: string, state = 'Ready'): Record<string, unknown> {
  return {
    apiVersion: API_VERSION,
    kind: 'EdgeLocation',
    metadata: { name },
    spec: { cloud: 'gcp', region: 'us-central1', zones: ['us-central1-a'] },
    status: {
      state,
      conditions: [
        { type: 'PermissionsOK', status: 'True', reason: 'Checked', message: 'all permissions present' },
        { type: 'NetworkReady', status: 'True', reason: 'Created', message: 'network omni-net' },
        { type: 'IdentityReady', status: 'True', reason: 'Created', message: 'service account omni-edge' },
        { type: 'EdgeClusterReady', status: state === 'Ready' ? 'True' : 'False', reason: 'K3sUp', message: 'edge cluster answers' },
      ],
      edgeClusterEndpoint: 'https://10.0.0.1:6443',
    },
  };
}

export function nodeClaim(name: string, nodeName: string, location: string): Record<string, unknown> {
  const chosen = { location, cloud: 'gcp', region: 'us-central1', zone: 'us-central1-a', instanceType: 'g2-standard-8', lifecycle: 'spot', pricePerHour: 0.31 };
  return {
    apiVersion: API_VERSION,
    kind: 'NodeClaim',
    metadata: {
      name,
      annotations: {
        'omni.cast.ai/decision': JSON.stringify({
          time: '2026-11-25T09:00:00Z',
          pods: ['ml/inference-0'],
          chosen,
          reason: 'cheapest of 12 offerings that fit the L4 pod; the main region has no L4 capacity',
          compatibleOfferings: 12,
          alternatives: [{ ...chosen, location: 'main', cloud: 'aws', region: 'us-east-1', zone: 'us-east-1a', instanceType: 'g6.2xlarge', pricePerHour: 0.48, rejected: '55% dearer' }],
        }),
      },
    },
    spec: { nodeTemplate: 'gpu', location, cloud: 'gcp', region: 'us-central1', zone: 'us-central1-a', instanceType: 'g2-standard-8', lifecycle: 'spot', pricePerHour: 0.31 },
  };
}

/** Creates a cluster-scoped omni object, then writes its status through the status subresource. */
export async function createOmni(clients: KubeClients, plural: string, obj: Record<string, unknown>): Promise<void> {
  const { status, ...rest } = obj;
  const created = (await clients.custom.createClusterCustomObject({ group: GROUP, version: VERSION, plural, body: rest })) as Record<string, unknown>;
  if (!status) return;
  const name = (rest.metadata as { name: string }).name;
  await clients.custom.replaceClusterCustomObjectStatus({ group: GROUP, version: VERSION, plural, name, body: { ...created, status } });
}

export async function createNodeWithStatus(clients: KubeClients, node: V1Node): Promise<void> {
  const created = await clients.core.createNode({ body: { ...node, status: undefined } });
  await clients.core.replaceNodeStatus({ name: node.metadata!.name!, body: { ...created, status: node.status } });
}

export async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function api<T>(env: Env, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${env.console.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${env.console.token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
