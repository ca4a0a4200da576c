import type { CoordinationV1Api, V1Lease } from '@kubernetes/client-node';
import type { Clock } from './clock.ts';
import { isConflict, isNotFound } from './clients.ts';

/** The Lease calls the elector makes. */
export type LeaseApi = Pick<
  CoordinationV1Api,
  'readNamespacedLease' | 'replaceNamespacedLease' | 'createNamespacedLease'
>;

export interface LeaderElectionOptions {
  namespace: string;
  name: string;
  identity: string;
  leaseDurationSeconds?: number;
  /** A leader that has not renewed for this long gives up (client-go's renew deadline); default 10. */
  renewDeadlineSeconds?: number;
  renewEverySeconds?: number;
}

export interface LeaderElector {
  isLeader(): boolean;
  /** Resolves when this replica becomes leader. */
  acquired(): Promise<void>;
  /** Releases the lease (graceful shutdown) so another replica takes over at once. */
  release(): Promise<void>;
  stop(): void;
}

function expired(lease: V1Lease, now: number): boolean {
  const renew = lease.spec?.renewTime ? new Date(lease.spec.renewTime).getTime() : 0;
  return !lease.spec?.holderIdentity || renew + (lease.spec.leaseDurationSeconds ?? 15) * 1000 < now;
}

/** Lease-based leader election in coordination.k8s.io/v1, as client-go's leaderelection does it. */
export function electLeader(api: LeaseApi, clock: Clock, opts: LeaderElectionOptions): LeaderElector {
  const duration = opts.leaseDurationSeconds ?? 15;
  const every = (opts.renewEverySeconds ?? 2) * 1000;
  const deadline = (opts.renewDeadlineSeconds ?? Math.min(10, duration * (2 / 3))) * 1000;
  let leader = false;
  let renewedAt = 0;
  let stopped = false;
  let onAcquired!: () => void;
  const acquiredP = new Promise<void>((r) => (onAcquired = r));
  const spec = (transitions: number) => ({
    holderIdentity: opts.identity,
    leaseDurationSeconds: duration,
    acquireTime: new Date(clock.now()),
    renewTime: new Date(clock.now()),
    leaseTransitions: transitions,
  });
  /** Renews the lease, or takes it over once it expired; false while another holder keeps it. */
  const renewOrTakeOver = async (lease: V1Lease): Promise<boolean> => {
    const mine = lease.spec?.holderIdentity === opts.identity;
    if (!mine && !expired(lease, clock.now())) return false;
    const transitions = (lease.spec?.leaseTransitions ?? 0) + (mine ? 0 : 1);
    await api.replaceNamespacedLease({
      name: opts.name,
      namespace: opts.namespace,
      body: {
        ...lease,
        spec: {
          ...lease.spec,
          ...spec(transitions),
          acquireTime: mine ? lease.spec?.acquireTime : new Date(clock.now()),
        },
      },
    });
    return true;
  };
  const create = (): Promise<boolean> =>
    api
      .createNamespacedLease({
        namespace: opts.namespace,
        body: { metadata: { name: opts.name, namespace: opts.namespace }, spec: spec(0) },
      })
      .then(
        () => true,
        () => false,
      );
  /** held: renewed or acquired; lost: another replica holds it; unknown: the API did not answer. */
  const attempt = async (): Promise<'held' | 'lost' | 'unknown'> => {
    try {
      const lease = await api.readNamespacedLease({ name: opts.name, namespace: opts.namespace });
      return (await renewOrTakeOver(lease)) ? 'held' : 'lost';
    } catch (err) {
      if (isNotFound(err)) return (await create()) ? 'held' : 'lost';
      return isConflict(err) ? 'lost' : 'unknown';
    }
  };
  const tryOnce = async (): Promise<void> => {
    const at = clock.now();
    const outcome = await attempt();
    if (outcome === 'held') renewedAt = at;
    // Unanswered, a leader stays one until its renew deadline: the Lease may well still be its own.
    leader = outcome === 'held' || (outcome === 'unknown' && leader && clock.now() - renewedAt < deadline);
    if (leader) onAcquired();
  };
  let inFlight: Promise<void> = Promise.resolve();
  const loop = async () => {
    while (!stopped) {
      inFlight = tryOnce();
      await inFlight;
      await new Promise((r) => setTimeout(r, every).unref());
    }
  };
  void loop();
  /** Clears the holder if the Lease is still this replica's; false when another write got in between. */
  const clearHolder = async (): Promise<boolean> => {
    const lease = await api.readNamespacedLease({ name: opts.name, namespace: opts.namespace });
    if (lease.spec?.holderIdentity !== opts.identity) return true;
    try {
      await api.replaceNamespacedLease({
        name: opts.name,
        namespace: opts.namespace,
        body: { ...lease, spec: { ...lease.spec, holderIdentity: undefined, renewTime: undefined } },
      });
      return true;
    } catch (err) {
      if (isConflict(err)) return false;
      throw err;
    }
  };
  return {
    // Also past the deadline while a renewal hangs (a request with no answer never comes back to say so).
    isLeader: () => leader && !stopped && clock.now() - renewedAt < deadline,
    acquired: () => acquiredP,
    async release() {
      stopped = true;
      // A renewal still in flight would write this replica back as holder after the release.
      await Promise.race([inFlight, new Promise((r) => setTimeout(r, every).unref())]);
      if (!leader) return;
      leader = false;
      try {
        for (let attempt = 0; attempt < 3 && !(await clearHolder()); attempt++);
      } catch {
        // The lease expires on its own.
      }
    },
    stop() {
      stopped = true;
    },
  };
}
