// Active/standby hubs: replicas of `omni gateway hub --leader-elect` take turns holding a Lease, and only
// the holder listens. Spokes dial the hub Service, which routes to Ready pods only, and a standby is not
// Ready until it holds the Lease, so every spoke ends up on the one active hub. A hub that loses the
// Lease must stop at once (another replica now serves), so `lost` resolves and the process exits.
import type { KubeConfig } from '@kubernetes/client-node';
import { electLeader, makeClients, systemClock, type LeaderElector, type Logger } from '../kube/index.ts';

export interface HubLeaseOptions {
  namespace: string;
  name: string;
  /** This replica's name in the Lease (the pod name when deployed). */
  identity: string;
  leaseDurationSeconds?: number;
  renewEverySeconds?: number;
}

export interface HubLease {
  /** Resolves with why, once this replica no longer holds the Lease it was serving under. */
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
      resolve(`lost the Lease ${what}: another hub replica serves now`);
    }, CHECK_MS);
    timer.unref();
  });
  return { lost, stop: () => clearInterval(timer) };
}

/** Waits until this replica holds the hub's Lease (logging that it stands by meanwhile). */
export async function holdHubLease(kc: KubeConfig, o: HubLeaseOptions, log: Logger): Promise<HubLease> {
  const what = `${o.namespace}/${o.name}`;
  const elector = electLeader(makeClients(kc).coordination, systemClock, o);
  log.info({ lease: what, identity: o.identity }, 'standby: waiting for the hub Lease');
  await elector.acquired();
  log.info({ lease: what, identity: o.identity }, 'holding the hub Lease: serving');
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
