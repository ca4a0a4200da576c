// From an onboarded location to what the rest of omni uses: launch placement, the edge-cluster
// request, and the ReadyEdge handed to listeners.
import type { LaunchPlacement } from '../../clouds/types.ts';
import { isNotFound, loadKubeConfig, makeClients } from '../../kube/index.ts';
import type { Attempt } from './attempt.ts';
import { desiredNodeConfigSpec } from './node-config.ts';
import type { EdgeClusterInfo, EdgeClusterRequest, ReadyEdge } from './ports.ts';

/** Where the location's instances go: ids from onboarding, image and disk from its node configuration. */
export function placementOf(a: Attempt): LaunchPlacement {
  const config = desiredNodeConfigSpec(a.location);
  const networkName = a.location.spec.cloud === 'gcp' ? a.networkName : undefined;
  const tags = a.location.spec.gcp?.networking?.tags;
  return {
    ...(a.network ? { subnetIds: a.network.subnetIds } : {}),
    ...(a.firewall ? { securityGroupIds: a.firewall.firewallIds } : {}),
    ...(networkName ? { networkName } : {}),
    ...(tags?.length ? { networkTags: tags } : {}),
    imageId: config.image,
    bootDiskSizeGiB: config.bootDiskSizeGiB,
  };
}

export function edgeClusterRequest(a: Attempt): EdgeClusterRequest {
  return { location: a.location, zones: a.place.zones, provider: a.admin!, placement: placementOf(a), clusterId: a.ctx.clusterId };
}

/** The Ready location as listeners want it; its provider acts with the location's own identity. */
export async function readyEdgeOf(a: Attempt, info: EdgeClusterInfo): Promise<ReadyEdge> {
  const { cloud, region } = a.place;
  const provider = await a.ctx.providers.forLocation(cloud, a.identityKey?.credentials ?? a.adminCredentials, { region, scope: a.target.scope });
  const edgeClients = makeClients(loadKubeConfig({ yaml: info.kubeconfigYaml }));
  return {
    name: a.location.metadata.name,
    cloud,
    region,
    zones: a.place.zones,
    provider,
    join: { endpoint: info.endpoint, caData: info.caData, token: info.token },
    placement: placementOf(a),
    kubeconfigYaml: info.kubeconfigYaml,
    async deleteNode(name: string) {
      try {
        await edgeClients.core.deleteNode({ name });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    },
  };
}
