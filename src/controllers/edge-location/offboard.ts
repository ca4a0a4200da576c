// Deleting an EdgeLocation: Offboarding → wait for its NodeClaims to go → tunnel certificates revoked →
// edge cluster down → cloud objects down (reverse order, by the cloud's teardown) → omni's Secrets and
// node configuration → finalizer off. Every step is idempotent, so a crash anywhere just repeats the pass.
import { parseEdgeLocation, type EdgeLocation } from '../../apis/index.ts';
import { CloudError } from '../../clouds/errors.ts';
import type { Credentials } from '../../clouds/credentials.ts';
import type { CloudProvider } from '../../clouds/types.ts';
import { targetOf } from './attempt.ts';
import { FINALIZER, TUNNEL_CERT_RESOURCE } from './constants.ts';
import { recordEvent, scrub, type Ctx } from './context.ts';
import { deleteNodeConfig } from './node-config.ts';
import type { Outcome } from './onboard.ts';
import { deleteLocationSecrets, readReferencedCredentials, SecretNotFoundError } from './secrets.ts';
import { isTrue } from './status.ts';
import { getLocation, nodeClaimsOf, patchStatus, setFinalizers, type EdgeLocationObject } from './store.ts';
import { TunnelIdentityError } from './tunnel-identity.ts';
import { revokeLocation } from './tunnel-revocations.ts';
import { resolvePlace, type ResolvedPlace } from './validate.ts';

function hasFinalizer(obj: EdgeLocationObject): boolean {
  return obj.metadata?.finalizers?.includes(FINALIZER) ?? false;
}

/** The location and place when its spec is valid; undefined when it never got far enough to make anything. */
function placed(
  ctx: Ctx,
  obj: EdgeLocationObject,
): { location: EdgeLocation; place: ResolvedPlace } | undefined {
  try {
    const location = parseEdgeLocation(obj);
    return { location, place: resolvePlace(location.spec, ctx.catalog) };
  } catch {
    return undefined;
  }
}

/** Onboarding creates nothing before the permissions check is recorded as passed. */
function mayHaveCloudObjects(obj: EdgeLocationObject): boolean {
  return isTrue(obj.status, 'PermissionsOK') || Object.keys(obj.status?.resources ?? {}).length > 0;
}

async function enterOffboarding(ctx: Ctx, obj: EdgeLocationObject): Promise<void> {
  const name = obj.metadata?.name ?? '';
  if (obj.status?.state !== 'Offboarding') {
    await patchStatus(ctx.clients, name, { state: 'Offboarding' });
    await recordEvent(ctx, obj, {
      type: 'Normal',
      reason: 'Offboarding',
      message: `deleting edge location ${name}: no new nodes go there`,
    });
  }
  if (!ctx.removed.has(name)) {
    for (const l of ctx.listeners) l.onRemoved(name);
    ctx.removed.add(name);
    ctx.announced.delete(name);
  }
}

async function credentialsFor(ctx: Ctx, location: EdgeLocation): Promise<Credentials | undefined> {
  const ref = location.spec.credentialsSecretRef?.name;
  if (!ref) return undefined;
  try {
    return await readReferencedCredentials(ctx.clients.core, ref);
  } catch (err) {
    if (err instanceof SecretNotFoundError) return undefined; // deleted first: fall back to the ambient credentials
    throw err;
  }
}

async function tearDownCloud(
  ctx: Ctx,
  obj: EdgeLocationObject,
  p: { location: EdgeLocation; place: ResolvedPlace },
): Promise<void> {
  const credentials = await credentialsFor(ctx, p.location);
  const target = targetOf(p.location, p.place, ctx.clusterId);
  let admin: CloudProvider;
  try {
    admin = await ctx.providers.forLocation(p.place.cloud, credentials, {
      region: p.place.region,
      scope: target.scope,
    });
    await ctx.edgeClusters.teardown({
      location: p.location,
      zones: p.place.zones,
      provider: admin,
      placement: {},
      clusterId: ctx.clusterId,
    });
    await recordEvent(ctx, obj, {
      type: 'Normal',
      reason: 'EdgeClusterDeleted',
      message: 'edge cluster (K3s server) stopped',
    });
    const deleted = await admin.onboarding.teardown(target);
    const list = deleted.map((o) => `${o.kind} ${o.name}`).join(', ') || 'nothing left to delete';
    await recordEvent(ctx, obj, {
      type: 'Normal',
      reason: 'CloudObjectsDeleted',
      message: `deleted ${deleted.length} cloud objects: ${list}`,
    });
  } catch (err) {
    if (err instanceof CloudError)
      throw new OffboardingError(scrub(err.message, [credentials]), err.retryable);
    throw err;
  }
}

/** A cloud error on the way down, its message already scrubbed. */
export class OffboardingError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'OffboardingError';
  }
}

export async function offboard(ctx: Ctx, obj: EdgeLocationObject): Promise<Outcome> {
  const name = obj.metadata?.name ?? '';
  if (!hasFinalizer(obj)) return {};
  await enterOffboarding(ctx, obj);
  const claims = await nodeClaimsOf(ctx.clients, name);
  if (claims.length > 0) {
    await recordEvent(ctx, obj, {
      type: 'Normal',
      reason: 'WaitingForNodes',
      message: `waiting for ${claims.length} NodeClaims of this location to go: ${claims.slice(0, 5).join(', ')}`,
    });
    return { requeueAfterMs: ctx.options.retryDelayMs };
  }
  if (!(await revokeTunnel(ctx, obj))) return { requeueAfterMs: ctx.options.failedRetryMs / 10 };
  if (!(await tearDownIfMade(ctx, obj))) return { backoff: true };
  ctx.spokesApplied.delete(name);
  await deleteLocationSecrets(ctx.clients.core, name);
  await deleteNodeConfig(ctx.clients, name);
  await removeFinalizer(ctx, obj);
  return {};
}

/** Revokes the location's tunnel certificates (and its last serial); false when the list is unusable. */
async function revokeTunnel(ctx: Ctx, obj: EdgeLocationObject): Promise<boolean> {
  const location = obj.metadata?.name ?? '';
  const serial = obj.status?.resources?.[TUNNEL_CERT_RESOURCE];
  try {
    const at = new Date(ctx.clock.now()).toISOString();
    if (await revokeLocation(ctx.clients.core, { location, serial, at })) {
      await recordEvent(ctx, obj, {
        type: 'Normal',
        reason: 'CertificateRevoked',
        message: `tunnel certificates of ${location} revoked${serial ? ` (last serial ${serial})` : ''}`,
      });
    }
    return true;
  } catch (err) {
    if (!(err instanceof TunnelIdentityError)) throw err;
    return blocked(ctx, obj, err);
  }
}

/** Records why offboarding cannot go on yet (it is retried); always false. */
async function blocked(ctx: Ctx, obj: EdgeLocationObject, err: Error): Promise<false> {
  await recordEvent(ctx, obj, {
    type: 'Warning',
    reason: 'OffboardingBlocked',
    message: `${err.message} (will retry)`,
  });
  return false;
}

/** False when the cloud refused (an event says why; retried). */
async function tearDownIfMade(ctx: Ctx, obj: EdgeLocationObject): Promise<boolean> {
  const p = placed(ctx, obj);
  // Nothing is made (not even the edge cluster) before the permissions check passes.
  if (!p || !mayHaveCloudObjects(obj)) return true;
  try {
    await tearDownCloud(ctx, obj, p);
    return true;
  } catch (err) {
    if (!(err instanceof OffboardingError)) throw err;
    return blocked(ctx, obj, err);
  }
}

async function removeFinalizer(ctx: Ctx, obj: EdgeLocationObject): Promise<void> {
  const name = obj.metadata?.name ?? '';
  const fresh = (await getLocation(ctx.clients, name)) ?? obj;
  await setFinalizers(
    ctx.clients,
    fresh,
    (fresh.metadata?.finalizers ?? []).filter((f) => f !== FINALIZER),
  );
  ctx.removed.delete(name);
  ctx.failedAt.delete(name);
}
