// Lease leader election (the controller's replicas, the hub's active/standby) against kube-sim: one
// leader at a time, a hand-over on release, and a leader that cannot renew gives up at its deadline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKubeSim, type KubeSim } from '../../kube-sim/src/index.ts';
import { electLeader, type LeaseApi, type LeaderElector } from '../../src/kube/leader.ts';
import {
  holdLease,
  loadKubeConfig,
  makeClients,
  makeLogger,
  systemClock,
  type HeldLease,
} from '../../src/kube/index.ts';

let sim: KubeSim;
let api: LeaseApi;
const electors: LeaderElector[] = [];

before(async () => {
  sim = await startKubeSim();
  api = makeClients(loadKubeConfig({ yaml: sim.kubeconfigYaml })).coordination;
});

after(async () => {
  electors.forEach((e) => e.stop());
  await sim.stop();
});

const FAST = { leaseDurationSeconds: 2, renewDeadlineSeconds: 1, renewEverySeconds: 0.1 };

function elect(name: string, identity: string, through: LeaseApi = api, timing = FAST): LeaderElector {
  const e = electLeader(through, systemClock, { namespace: 'default', name, identity, ...timing });
  electors.push(e);
  return e;
}

/** The real API, until it is cut: then every call fails, or hangs, as an unreachable API server does. */
function cuttable(): { api: LeaseApi; cut: (how: 'fail' | 'hang' | null) => void } {
  let mode: 'fail' | 'hang' | null = null;
  const gate = <T>(call: () => Promise<T>): Promise<T> => {
    if (mode === 'fail') return Promise.reject(new Error('connect ECONNREFUSED'));
    if (mode === 'hang') return new Promise<T>(() => {});
    return call();
  };
  return {
    api: {
      readNamespacedLease: (r) => gate(() => api.readNamespacedLease(r)),
      replaceNamespacedLease: (r) => gate(() => api.replaceNamespacedLease(r)),
      createNamespacedLease: (r) => gate(() => api.createNamespacedLease(r)),
    },
    cut: (how) => (mode = how),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, cond: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !cond(); await sleep(20))
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
}

test('two replicas: one leads, and on release the other takes over at once', async () => {
  // A 10 s Lease: b leading within 5 s shows the hand-over, not an expiry.
  const slow = { leaseDurationSeconds: 10, renewDeadlineSeconds: 6, renewEverySeconds: 0.1 };
  const a = elect('handover', 'a', api, slow);
  await a.acquired();
  const b = elect('handover', 'b', api, slow);
  await sleep(500);
  assert.equal(a.isLeader(), true);
  assert.equal(b.isLeader(), false);
  await a.release();
  await until('b to lead', () => b.isLeader(), 5000);
  assert.equal(a.isLeader(), false);
});

for (const how of ['fail', 'hang'] as const) {
  test(`a leader whose API calls ${how === 'fail' ? 'fail' : 'hang'} gives up at its renew deadline, before the Lease expires`, async () => {
    const name = `deadline-${how}`;
    const link = cuttable();
    const a = elect(name, 'a', link.api);
    await a.acquired();
    const b = elect(name, 'b');
    link.cut(how);
    const cutAt = Date.now();
    await until('a to give up', () => !a.isLeader(), 3000);
    const gaveUpAfter = Date.now() - cutAt;
    await until('b to take the expired Lease', () => b.isLeader(), 5000);
    const tookOverAfter = Date.now() - cutAt;
    assert.ok(
      gaveUpAfter < tookOverAfter,
      `a gave up (${gaveUpAfter} ms) before b took over (${tookOverAfter} ms)`,
    );
    link.cut(null);
    await sleep(500);
    assert.equal(a.isLeader(), false, 'back online, a finds b holding the Lease');
  });
}

test('holdLease: a standby acts only once the active replica hands over, and is told when it loses the Lease', async () => {
  const log = makeLogger('lease-test', 'silent');
  const opts = (identity: string) => ({ namespace: 'default', name: 'held', identity, ...FAST });
  const a = await holdLease(api, systemClock, opts('a'), log);
  const got: { b?: HeldLease } = {};
  const standby = holdLease(api, systemClock, opts('b'), log).then((held) => (got.b = held));
  await sleep(500);
  assert.equal(got.b, undefined, 'b stands by while a holds the Lease');
  await a.release();
  const b = await standby;

  const lease = await api.readNamespacedLease({ name: 'held', namespace: 'default' });
  await api.replaceNamespacedLease({
    name: 'held',
    namespace: 'default',
    body: { ...lease, spec: { ...lease.spec, holderIdentity: 'c', renewTime: new Date() } },
  });
  assert.match(await b.lost, /lost the Lease default\/held/);
  await b.release();
});
