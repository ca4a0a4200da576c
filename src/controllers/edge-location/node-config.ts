// The location's EdgeNodeConfiguration: made by omni, owned by the EdgeLocation, read-only for users
// (an edited spec is put back).
import type { KubernetesObject } from '@kubernetes/client-node';
import { isConflict, isNotFound, type KubeClients } from '../../kube/index.ts';
import type { EdgeLocation, EdgeNodeConfiguration } from '../../apis/index.ts';
import { API_VERSION, GROUP, LOCATION_LABEL, MANAGED_BY, MANAGED_BY_LABEL, NODE_CONFIG_PLURAL, VERSION, nodeConfigName } from './constants.ts';

type NodeConfigSpec = EdgeNodeConfiguration['spec'];
type NodeConfigObject = KubernetesObject & { spec?: unknown };

/** Ubuntu 24.04 (what the K3s agent and NVIDIA steps of the user data expect), per cloud. */
const DEFAULT_IMAGES: Record<string, string> = {
  aws: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*',
  gcp: 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2404-lts-amd64',
  oci: 'Canonical-Ubuntu-24.04',
};

export const DEFAULT_BOOT_DISK_GIB = 100;

export function desiredNodeConfigSpec(location: EdgeLocation): NodeConfigSpec {
  const { name } = location.metadata;
  const { cloud, region } = location.spec;
  return {
    edgeLocation: name,
    image: DEFAULT_IMAGES[cloud],
    bootDiskSizeGiB: DEFAULT_BOOT_DISK_GIB,
    k3sAgentFlags: [
      `--node-label=omni.cast.ai/edge-location-name=${name}`,
      `--node-label=omni.cast.ai/cloud=${cloud}`,
      '--kubelet-arg=max-pods=110',
    ],
    userData: [
      '#!/bin/bash',
      `# omni edge node of EdgeLocation ${name} (${cloud} ${region}).`,
      '# omni fills {{joinContract}} per node: cluster endpoint, CA, token, labels, taints, GPU driver step.',
      '{{joinContract}}',
      '',
    ].join('\n'),
  };
}

function desiredObject(location: EdgeLocation): Record<string, unknown> {
  const { name, uid } = location.metadata as { name: string; uid?: string };
  return {
    apiVersion: API_VERSION,
    kind: 'EdgeNodeConfiguration',
    metadata: {
      name: nodeConfigName(name),
      labels: { [LOCATION_LABEL]: name, [MANAGED_BY_LABEL]: MANAGED_BY },
      ownerReferences: [{ apiVersion: API_VERSION, kind: 'EdgeLocation', name, uid: uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    spec: desiredNodeConfigSpec(location),
  };
}

async function getConfig(clients: KubeClients, name: string): Promise<NodeConfigObject | undefined> {
  try {
    return (await clients.custom.getClusterCustomObject({ group: GROUP, version: VERSION, plural: NODE_CONFIG_PLURAL, name })) as NodeConfigObject;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

export type NodeConfigOutcome = 'created' | 'restored' | 'unchanged';

/** Creates the configuration, or puts its spec back when someone edited it. */
export async function ensureNodeConfig(clients: KubeClients, location: EdgeLocation): Promise<NodeConfigOutcome> {
  const body = desiredObject(location);
  const name = nodeConfigName(location.metadata.name);
  const current = await getConfig(clients, name);
  if (!current) {
    try {
      await clients.custom.createClusterCustomObject({ group: GROUP, version: VERSION, plural: NODE_CONFIG_PLURAL, body });
      return 'created';
    } catch (err) {
      if (isConflict(err)) return 'unchanged'; // made concurrently; the next pass checks it
      throw err;
    }
  }
  if (stable(current.spec) === stable(body.spec)) return 'unchanged';
  const metadata = { ...(body.metadata as object), resourceVersion: current.metadata?.resourceVersion };
  await clients.custom.replaceClusterCustomObject({ group: GROUP, version: VERSION, plural: NODE_CONFIG_PLURAL, name, body: { ...body, metadata } });
  return 'restored';
}

export async function deleteNodeConfig(clients: KubeClients, location: string): Promise<void> {
  try {
    await clients.custom.deleteClusterCustomObject({ group: GROUP, version: VERSION, plural: NODE_CONFIG_PLURAL, name: nodeConfigName(location) });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** JSON with object keys sorted, so key order from the API server does not count as an edit. */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : val,
  );
}
