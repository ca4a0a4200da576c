// One onboarding pass over one EdgeLocation: the validated location, its place, the cloud target,
// and the status being built (committed to the API server step by step).
import type { CloudProvider, EdgeLocationTarget, FirewallIds, NetworkIds } from '../../clouds/types.ts';
import type { Credentials } from '../../clouds/credentials.ts';
import type { EdgeLocation } from '../../apis/index.ts';
import { recordEvent, type Ctx, type EventNote } from './context.ts';
import type { EdgeClusterInfo } from './ports.ts';
import type { StoredKey } from './secrets.ts';
import { statusPatch } from './status.ts';
import { patchStatus, type EdgeLocationObject, type EdgeLocationStatus } from './store.ts';
import type { ResolvedPlace } from './validate.ts';

export interface Attempt {
  ctx: Ctx;
  obj: EdgeLocationObject;
  location: EdgeLocation;
  place: ResolvedPlace;
  target: EdgeLocationTarget;
  /** The status as this pass wants it; `committed` is what the API server has. */
  status: EdgeLocationStatus;
  committed: EdgeLocationStatus;
  /** The onboarding credentials (undefined: the ambient ones) and the account they reach. */
  adminCredentials?: Credentials;
  admin?: CloudProvider;
  network?: NetworkIds;
  /** The network's name (GCP launches name it rather than its id). */
  networkName?: string;
  firewall?: FirewallIds;
  identityKey?: StoredKey;
  edgeCluster?: EdgeClusterInfo;
}

export function nowIso(a: Attempt): string {
  return new Date(a.ctx.clock.now()).toISOString();
}

/** Writes the status changes of this pass so far (nothing when there are none). */
export async function commit(a: Attempt): Promise<void> {
  const patch = statusPatch(a.committed, a.status);
  if (!patch) return;
  const updated = await patchStatus(a.ctx.clients, a.location.metadata.name, patch);
  a.obj = { ...a.obj, metadata: updated.metadata ?? a.obj.metadata };
  a.committed = a.status;
}

export async function note(a: Attempt, e: EventNote): Promise<void> {
  await recordEvent(a.ctx, a.obj, { ...e, secrets: [a.adminCredentials, a.identityKey?.credentials, ...(e.secrets ?? [])] });
}

/** What onboarding tells the cloud about the location. */
function networkCidrOf(spec: EdgeLocation['spec']): string | undefined {
  if (spec.aws) return spec.aws.networking?.vpcCidr;
  if (spec.gcp) return spec.gcp.networking?.subnetCidr;
  return spec.oci?.networking?.vcnCidr;
}

function scopeOf(spec: EdgeLocation['spec']): string | undefined {
  if (spec.aws) return spec.aws.accountId;
  if (spec.gcp) return spec.gcp.projectId;
  return spec.oci?.compartmentId;
}

export function targetOf(location: EdgeLocation, place: ResolvedPlace, clusterId: string): EdgeLocationTarget {
  const networkCidr = networkCidrOf(location.spec);
  const scope = scopeOf(location.spec);
  return {
    name: location.metadata.name,
    clusterId,
    region: place.region,
    zones: place.zones,
    ...(networkCidr ? { networkCidr } : {}),
    ...(scope ? { scope } : {}),
  };
}
