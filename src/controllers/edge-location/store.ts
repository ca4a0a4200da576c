// Reading and writing EdgeLocation objects: get, status merge-patch, finalizers, NodeClaims of a location.
import { PatchStrategy, setHeaderOptions, type KubernetesListObject, type KubernetesObject } from '@kubernetes/client-node';
import { isNotFound, type KubeClients } from '../../kube/index.ts';
import type { EdgeLocation } from '../../apis/index.ts';
import { GROUP, NODE_CLAIM_PLURAL, PLURAL, VERSION } from './constants.ts';

export type EdgeLocationStatus = NonNullable<EdgeLocation['status']>;

/** An EdgeLocation as the API server returns it (metadata complete, spec not yet validated). */
export interface EdgeLocationObject extends KubernetesObject {
  spec?: unknown;
  status?: EdgeLocationStatus;
}

const mergePatch = () => setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

export async function getLocation(clients: KubeClients, name: string): Promise<EdgeLocationObject | undefined> {
  try {
    return (await clients.custom.getClusterCustomObject({ group: GROUP, version: VERSION, plural: PLURAL, name })) as EdgeLocationObject;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

export async function listLocations(clients: KubeClients): Promise<EdgeLocationObject[]> {
  const res = (await clients.custom.listClusterCustomObject({ group: GROUP, version: VERSION, plural: PLURAL })) as KubernetesListObject<EdgeLocationObject>;
  return res.items;
}

/** Merge-patches the status subresource; `null` values delete keys. */
export async function patchStatus(clients: KubeClients, name: string, status: Record<string, unknown>): Promise<EdgeLocationObject> {
  return (await clients.custom.patchClusterCustomObjectStatus(
    { group: GROUP, version: VERSION, plural: PLURAL, name, body: { status } },
    mergePatch(),
  )) as EdgeLocationObject;
}

/** Replaces the finalizer list, guarded by the object's resourceVersion (409 when it moved on). */
export async function setFinalizers(clients: KubeClients, obj: EdgeLocationObject, finalizers: string[]): Promise<EdgeLocationObject> {
  const body = { metadata: { finalizers, resourceVersion: obj.metadata?.resourceVersion } };
  return (await clients.custom.patchClusterCustomObject(
    { group: GROUP, version: VERSION, plural: PLURAL, name: obj.metadata?.name ?? '', body },
    mergePatch(),
  )) as EdgeLocationObject;
}

/** Names of the NodeClaims whose `spec.location` is this location. */
export async function nodeClaimsOf(clients: KubeClients, location: string): Promise<string[]> {
  try {
    const res = (await clients.custom.listClusterCustomObject({ group: GROUP, version: VERSION, plural: NODE_CLAIM_PLURAL })) as KubernetesListObject<
      KubernetesObject & { spec?: { location?: string } }
    >;
    return res.items.filter((c) => c.spec?.location === location).map((c) => c.metadata?.name ?? '');
  } catch (err) {
    if (isNotFound(err)) return []; // the NodeClaim CRD is not installed: no claims
    throw err;
  }
}
