// Onboarding an EdgeLocation: validate, run the steps in order, then make its EdgeNodeConfiguration,
// mark it Ready and announce it. Problems the user must fix end in Failed; the rest are retried.
import { ValidationError, parseEdgeLocation, type EdgeLocation } from '../../apis/index.ts';
import { AuthenticationError, CloudError, NotFoundError, PermissionError } from '../../clouds/errors.ts';
import type { Credentials } from '../../clouds/credentials.ts';
import { commit, note, targetOf, type Attempt } from './attempt.ts';
import { recordEvent, scrub, type Ctx } from './context.ts';
import { readyEdgeOf } from './edge.ts';
import { ensureNodeConfig } from './node-config.ts';
import { readReferencedCredentials, SecretNotFoundError } from './secrets.ts';
import { STEPS, OnboardingFailure, type Step } from './steps.ts';
import { statusPatch, withCondition, type ConditionType } from './status.ts';
import { patchStatus, type EdgeLocationObject, type EdgeLocationStatus } from './store.ts';
import { TunnelIdentityError } from './tunnel-identity.ts';
import { tunnel } from './tunnel-step.ts';
import { PlaceError, resolvePlace } from './validate.ts';

export interface Outcome {
  /** Look at the location again after this long (ms); undefined: only when it changes. */
  requeueAfterMs?: number;
  /** Look again after the growing retry delay (a retryable error). */
  backoff?: boolean;
}

function generationKey(obj: EdgeLocationObject): string {
  return `${obj.metadata?.uid}/${obj.metadata?.generation}`;
}

/** Parses and places the location; spec problems become an OnboardingFailure. */
function validated(
  ctx: Ctx,
  obj: EdgeLocationObject,
): { location: EdgeLocation; place: ReturnType<typeof resolvePlace> } {
  try {
    const location = parseEdgeLocation(obj);
    return { location, place: resolvePlace(location.spec, ctx.catalog) };
  } catch (err) {
    if (err instanceof ValidationError || err instanceof PlaceError)
      throw new OnboardingFailure('InvalidSpec', err.problems.join('; '));
    throw err;
  }
}

async function adminCredentials(ctx: Ctx, location: EdgeLocation): Promise<Credentials | undefined> {
  const ref = location.spec.credentialsSecretRef?.name;
  return ref ? readReferencedCredentials(ctx.clients.core, ref) : undefined;
}

/** The account the onboarding credentials reach (ambient credentials when the location names none). */
export async function connectAdmin(a: Attempt): Promise<void> {
  a.adminCredentials = await adminCredentials(a.ctx, a.location);
  a.admin = await a.ctx.providers.forLocation(a.place.cloud, a.adminCredentials, {
    region: a.place.region,
    scope: a.target.scope,
  });
}

function newAttempt(ctx: Ctx, obj: EdgeLocationObject): Attempt {
  const { location, place } = validated(ctx, obj);
  const status = { ...(obj.status ?? {}) };
  return {
    ctx,
    obj,
    location,
    place,
    target: targetOf(location, place, ctx.clusterId),
    status,
    committed: status,
  };
}

/** Already Ready and announced by this process at this generation: only the node configuration is checked. */
function isSettled(ctx: Ctx, obj: EdgeLocationObject): boolean {
  return obj.status?.state === 'Ready' && ctx.announced.get(obj.metadata?.name ?? '') === generationKey(obj);
}

function failedWait(ctx: Ctx, obj: EdgeLocationObject): number | undefined {
  if (obj.status?.state !== 'Failed' || obj.status.observedGeneration !== obj.metadata?.generation)
    return undefined;
  const at = ctx.failedAt.get(obj.metadata?.name ?? '');
  if (at === undefined) return undefined;
  const left = at + ctx.options.failedRetryMs - ctx.clock.now();
  return left > 0 ? left : undefined;
}

export async function onboard(ctx: Ctx, obj: EdgeLocationObject): Promise<Outcome> {
  if (isSettled(ctx, obj)) return settled(ctx, obj);
  const wait = failedWait(ctx, obj);
  if (wait !== undefined) return { requeueAfterMs: wait };
  let a: Attempt | undefined;
  let step: Step | undefined;
  try {
    a = newAttempt(ctx, obj);
    if (!a.status.state) {
      a.status = { ...a.status, state: 'PendingOnboarding' };
      await commit(a);
    }
    await connectAdmin(a);
    for (step of STEPS) await step.run(a);
    return await finish(a);
  } catch (err) {
    return handleError(ctx, { obj, attempt: a, condition: step?.condition ?? 'PermissionsOK' }, err);
  }
}

async function settled(ctx: Ctx, obj: EdgeLocationObject): Promise<Outcome> {
  const location = parseEdgeLocation(obj);
  const outcome = await ensureNodeConfig(ctx.clients, location);
  if (outcome === 'restored') {
    await recordEvent(ctx, obj, {
      type: 'Warning',
      reason: 'NodeConfigurationRestored',
      message: `EdgeNodeConfiguration ${location.metadata.name} is managed by omni; the edit was put back`,
    });
  }
  return refreshTunnel(ctx, obj);
}

/** A Ready location skips the onboarding steps but not the tunnel step, which rotates its certificate in time. */
async function refreshTunnel(ctx: Ctx, obj: EdgeLocationObject): Promise<Outcome> {
  let a: Attempt | undefined;
  try {
    a = newAttempt(ctx, obj);
    await tunnel(a);
    return {};
  } catch (err) {
    return handleError(ctx, { obj, attempt: a, condition: 'TunnelReady' }, err);
  }
}

async function finish(a: Attempt): Promise<Outcome> {
  const name = a.location.metadata.name;
  const outcome = await ensureNodeConfig(a.ctx.clients, a.location);
  if (outcome !== 'unchanged')
    await note(a, {
      type: 'Normal',
      reason: 'NodeConfigurationCreated',
      message: `EdgeNodeConfiguration ${name} ${outcome}`,
    });
  // Listeners first: once the status says Ready, the location can already take nodes.
  const edge = await readyEdgeOf(a, a.edgeCluster!);
  for (const l of a.ctx.listeners) l.onReady(edge);
  const wasReady = a.committed.state === 'Ready';
  a.status = { ...a.status, state: 'Ready', observedGeneration: a.obj.metadata?.generation };
  await commit(a);
  if (!wasReady)
    await note(a, {
      type: 'Normal',
      reason: 'Ready',
      message: `edge location ${name} is Ready: nodes may be made in ${a.place.cloud} ${a.place.region}`,
    });
  a.ctx.announced.set(name, generationKey(a.obj));
  a.ctx.removed.delete(name);
  a.ctx.failedAt.delete(name);
  return {};
}

interface Failing {
  obj: EdgeLocationObject;
  attempt: Attempt | undefined;
  condition: ConditionType;
}

/** A failure the user must act on, as a condition reason and message; undefined when a retry may help. */
function terminal(err: unknown): { reason: string; message: string } | undefined {
  if (err instanceof OnboardingFailure) return { reason: err.reason, message: err.message };
  if (err instanceof PermissionError) return { reason: 'MissingPermissions', message: err.message };
  if (err instanceof AuthenticationError)
    return { reason: 'InvalidCredentials', message: `the cloud rejected the credentials: ${err.message}` };
  if (err instanceof CloudError && !err.retryable && !(err instanceof NotFoundError))
    return { reason: 'CloudRejected', message: err.message };
  return undefined;
}

async function handleError(ctx: Ctx, f: Failing, err: unknown): Promise<Outcome> {
  const secrets = [f.attempt?.adminCredentials, f.attempt?.identityKey?.credentials];
  const fatal = terminal(err);
  if (fatal) {
    await markFailed(ctx, f, { ...fatal, message: scrub(fatal.message, secrets) });
    return { requeueAfterMs: ctx.options.failedRetryMs };
  }
  const state = f.obj.status?.state ?? 'PendingOnboarding';
  if (err instanceof SecretNotFoundError) {
    await writeCondition(ctx, f, {
      reason: 'SecretNotFound',
      message: `${err.message}: create it, onboarding waits for it`,
      state,
    });
    return { requeueAfterMs: ctx.options.failedRetryMs / 10 };
  }
  if (err instanceof TunnelIdentityError) {
    await writeCondition(ctx, f, { reason: 'TunnelIdentityUnusable', message: err.message, state });
    return { requeueAfterMs: ctx.options.failedRetryMs / 10 };
  }
  if (!(err instanceof CloudError)) throw err;
  await writeCondition(ctx, f, {
    reason: 'Retrying',
    message: scrub(`${err.message} (will retry)`, secrets),
    state,
  });
  return { backoff: true };
}

async function markFailed(ctx: Ctx, f: Failing, why: { reason: string; message: string }): Promise<void> {
  ctx.failedAt.set(f.obj.metadata?.name ?? '', ctx.clock.now());
  await writeCondition(ctx, f, { ...why, state: 'Failed' });
}

interface ConditionWrite {
  reason: string;
  message: string;
  state: EdgeLocationStatus['state'];
}

/** Sets the failing step's condition False (and the state); an event only when the message is new. */
async function writeCondition(ctx: Ctx, f: Failing, w: ConditionWrite): Promise<void> {
  const { committed, current } = statusesOf(f);
  const before = current.conditions?.find((c) => c.type === f.condition);
  const next = withCondition(
    current,
    { type: f.condition, status: 'False', reason: w.reason, message: w.message },
    new Date(ctx.clock.now()).toISOString(),
  );
  const generation = w.state === 'Failed' ? { observedGeneration: f.obj.metadata?.generation } : {};
  const patch = statusPatch(committed, { ...next, state: w.state, ...generation });
  if (patch) await patchStatus(ctx.clients, f.obj.metadata?.name ?? '', patch);
  if (before?.message === w.message && before.reason === w.reason) return;
  await recordEvent(ctx, f.obj, { type: 'Warning', reason: w.reason, message: w.message });
}

/** What the API server has, and what this pass had built, when it failed. */
function statusesOf(f: Failing): { committed: EdgeLocationStatus; current: EdgeLocationStatus } {
  const committed = f.attempt?.committed ?? f.obj.status ?? {};
  return { committed, current: f.attempt?.status ?? committed };
}
