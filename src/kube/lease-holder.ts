// Holding a Lease to act at all (active/standby replicas): wait until this replica leads, then tell the
// caller once it no longer does, so that it stops at once (another replica leads now). Used by the
// controller and the hub gateway; the process exits on loss and comes back as the standby, as
// controller-runtime's managers do.
import type { Clock } from './clock.ts';
import { electLeader, type LeaderElectionOptions, type LeaderElector, type LeaseApi } from './leader.ts';
import type { Logger } from './logger.ts';

export interface HeldLease {
  /** Resolves with why, once this replica no longer holds the Lease it acts under. */
  readonly lost: Promise<string>;
  /** Hands the Lease over at once (graceful shutdown), so a standby need not wait for it to expire. */
  release(): Promise<void>;
}

const CHECK_MS = 500;

function whenLost(elector: LeaderElector, what: string): { lost: Promise<string>; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const lost = new Promise<string>((resolve) => {
    timer = setInterval(() => {
      if (elector.isLeader()) return;
      clearInterval(timer);
      resolve(`lost the Lease ${what}: another replica leads now, or this one could not renew in time`);
    }, CHECK_MS);
    timer.unref();
  });
  return { lost, stop: () => clearInterval(timer) };
}

/** Waits until this replica holds the Lease (logging that it stands by meanwhile). */
export async function holdLease(
  api: LeaseApi,
  clock: Clock,
  o: LeaderElectionOptions,
  log: Logger,
): Promise<HeldLease> {
  const what = `${o.namespace}/${o.name}`;
  const elector = electLeader(api, clock, o);
  log.info({ lease: what, identity: o.identity }, 'standby: waiting for the Lease');
  await elector.acquired();
  log.info({ lease: what, identity: o.identity }, 'holding the Lease: active');
  const watch = whenLost(elector, what);
  return {
    lost: watch.lost,
    release: async () => {
      watch.stop();
      await elector.release();
      elector.stop();
    },
  };
}
