// The spoke gateway in an edge cluster: once the location has its certificate and the hub's address is
// known (the controller's hubAddress option, else the omni-hub Service's load-balancer address), the
// spoke's ServiceAccount, read-only roles and Deployment are server-side applied there.
import { KubernetesObjectApi, type KubeConfig, type V1Service } from '@kubernetes/client-node';
import { isNotFound } from '../../kube/index.ts';
import { applyManifests, spokeManifests } from '../../install/index.ts';
import type { Ctx } from './context.ts';
import { NAMESPACE } from './constants.ts';

const HUB_SERVICE = 'omni-hub';
const TUNNEL_PORT = 8443;

export type SpokeDeployOutcome = { deployed: true; hub: string } | { deployed: false; why: string };

function loadBalancerHost(svc: V1Service): string | undefined {
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  return ingress.map((i) => i.hostname || i.ip).find((h) => h);
}

function loadBalancerAddress(svc: V1Service): string | undefined {
  const host = loadBalancerHost(svc);
  if (!host) return undefined;
  const port = (svc.spec?.ports ?? []).find((p) => p.name === 'tunnel')?.port ?? TUNNEL_PORT;
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Where spokes dial the hub; undefined while the hub's load balancer has no address. */
export async function hubAddressOf(ctx: Ctx): Promise<string | undefined> {
  if (ctx.options.hubAddress) return ctx.options.hubAddress;
  try {
    return loadBalancerAddress(
      await ctx.clients.core.readNamespacedService({ name: HUB_SERVICE, namespace: NAMESPACE }),
    );
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Applies the spoke's objects unless this process already applied the same ones to this location. */
export async function deploySpoke(
  ctx: Ctx,
  edge: { location: string; kc: KubeConfig },
): Promise<SpokeDeployOutcome> {
  if (ctx.options.spokeGateways === 'external')
    return { deployed: false, why: 'this installation runs its spokes outside the edge clusters' };
  const hub = await hubAddressOf(ctx);
  if (!hub)
    return {
      deployed: false,
      why: `the hub's address is not known yet (Service ${NAMESPACE}/${HUB_SERVICE} has no load-balancer address; or set the controller's hub address)`,
    };
  const manifests = spokeManifests({ location: edge.location, hub, image: ctx.options.gatewayImage });
  const key = JSON.stringify(manifests);
  if (ctx.spokesApplied.get(edge.location) === key) return { deployed: true, hub };
  await applyManifests(KubernetesObjectApi.makeApiClient(edge.kc), manifests, false);
  ctx.spokesApplied.set(edge.location, key);
  return { deployed: true, hub };
}
