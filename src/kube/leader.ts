import type { CoordinationV1Api, V1Lease } from '@kubernetes/client-node';
import type { Clock } from './clock.ts';
import { isConflict, isNotFound } from './clients.ts';

export interface LeaderElectionOptions {
  namespace: string;
  name: string;
  identity: string;
  leaseDurationSeconds?: number;
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
export function electLeader(
  api: CoordinationV1Api,
  clock: Clock,
  opts: LeaderElectionOptions,
): LeaderElector {
  const duration = opts.leaseDurationSeconds ?? 15;
  const every = (opts.renewEverySeconds ?? 2) * 1000;
  let leader = false;
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
  const tryOnce = async (): Promise<void> => {
    try {
      leader = await renewOrTakeOver(
        await api.readNamespacedLease({ name: opts.name, namespace: opts.namespace }),
      );
    } catch (err) {
      if (isNotFound(err)) leader = await create();
      else if (isConflict(err)) leader = false;
    }
    if (leader) onAcquired();
  };
  const loop = async () => {
    while (!stopped) {
      await tryOnce();
      await new Promise((r) => setTimeout(r, every).unref());
    }
  };
  void loop();
  return {
    isLeader: () => leader && !stopped,
    acquired: () => acquiredP,
    async release() {
      stopped = true;
      if (!leader) return;
      leader = false;
      try {
        const lease = await api.readNamespacedLease({ name: opts.name, namespace: opts.namespace });
        if (lease.spec?.holderIdentity === opts.identity) {
          await api.replaceNamespacedLease({
            name: opts.name,
            namespace: opts.namespace,
            body: { ...lease, spec: { ...lease.spec, holderIdentity: undefined, renewTime: undefined } },
          });
        }
      } catch {
        // The lease expires on its own.
      }
    },
    stop() {
      stopped = true;
    },
  };
}
