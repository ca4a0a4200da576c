// What a node is, read from its labels and providerID: location, cloud, region, zone, type, lifecycle.
import type { V1Node } from '@kubernetes/client-node';

export interface NodeFacts {
  name: string;
  virtual: boolean;
  /** `main` or the EdgeLocation name. */
  location: string;
  cloud: string;
  region: string;
  zone: string;
  instanceType: string;
  lifecycle: 'spot' | 'on-demand';
  nodeTemplate: string | null;
}

const PROVIDER_CLOUDS: [string, string][] = [
  ['aws://', 'aws'],
  ['gce://', 'gcp'],
  ['azure://', 'azure'],
  ['oci://', 'oci'],
  ['ocid1.', 'oci'],
];

const LABEL_CLOUDS: [string, string][] = [
  ['eks.amazonaws.com/nodegroup', 'aws'],
  ['eks.amazonaws.com/capacityType', 'aws'],
  ['cloud.google.com/gke-nodepool', 'gcp'],
  ['kubernetes.azure.com/cluster', 'azure'],
  ['kubernetes.azure.com/agentpool', 'azure'],
];

/** The cloud of a node: omni's label, else the providerID scheme, else a managed node pool's labels. */
export function cloudOf(labels: Record<string, string>, providerID: string | undefined): string {
  if (labels['omni.cast.ai/cloud']) return labels['omni.cast.ai/cloud'];
  for (const [prefix, cloud] of PROVIDER_CLOUDS) if (providerID?.startsWith(prefix)) return cloud;
  return LABEL_CLOUDS.find(([label]) => label in labels)?.[1] ?? '';
}

function lifecycleOf(labels: Record<string, string>): 'spot' | 'on-demand' {
  const omni = labels['omni.cast.ai/lifecycle'];
  if (omni === 'spot' || omni === 'on-demand') return omni;
  const spot =
    labels['scheduling.cast.ai/spot'] === 'true' ||
    labels['eks.amazonaws.com/capacityType'] === 'SPOT' ||
    labels['karpenter.sh/capacity-type'] === 'spot' ||
    labels['cloud.google.com/gke-spot'] === 'true' ||
    labels['kubernetes.azure.com/scalesetpriority'] === 'spot';
  return spot ? 'spot' : 'on-demand';
}

export function isVirtualNode(node: V1Node): boolean {
  const labels = node.metadata?.labels ?? {};
  return labels['omni.cast.ai/type'] === 'virtual-node' || labels['liqo.io/type'] === 'virtual-node';
}

export function nodeFacts(node: V1Node): NodeFacts {
  const labels = node.metadata?.labels ?? {};
  const label = (key: string, fallback = ''): string => labels[key] ?? fallback;
  const virtual = isVirtualNode(node);
  return {
    name: node.metadata?.name ?? '',
    virtual,
    location: virtual ? label('omni.cast.ai/edge-location-name', 'unknown') : 'main',
    cloud: cloudOf(labels, node.spec?.providerID),
    region: label('topology.kubernetes.io/region'),
    zone: label('topology.kubernetes.io/zone'),
    instanceType: label('node.kubernetes.io/instance-type'),
    lifecycle: lifecycleOf(labels),
    nodeTemplate: label('scheduling.cast.ai/node-template') || null,
  };
}

export function isNodeReady(node: V1Node): boolean {
  return (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** The main cluster's cloud and region: the most common among its physical nodes. */
export function mainRegionOf(nodes: readonly NodeFacts[]): { cloud: string; region: string } {
  const counts = new Map<string, number>();
  for (const n of nodes) {
    if (n.virtual || n.region === '') continue;
    const key = `${n.cloud}|${n.region}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best) return { cloud: '', region: '' };
  const [cloud, region] = best[0].split('|');
  return { cloud, region };
}
