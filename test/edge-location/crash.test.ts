// Killed after any onboarding step (the cloud call made, nothing recorded yet) and started again, the
// controller still ends Ready with exactly one of every cloud object; killed mid-offboarding, it
// still leaves nothing behind.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CloudProvider, EdgeLocationOnboarding } from '../../src/clouds/types.ts';
import type { CloudProviders, EdgeClusterProvisioner } from '../../src/controllers/edge-location/index.ts';
import { simCloudProviders } from '../../src/world/sim-cloud-providers.ts';
import { GROUP, VERSION } from '../../src/apis/index.ts';
import { createLocation, getLocation, startWorld, waitFor, waitForState, type World } from './world.ts';

let w: World;

before(async () => {
  w = await startWorld();
});

after(async () => {
  await w?.stop();
});

const GCP_ONE_ZONE = { network: 1, subnetwork: 1, firewall: 2, 'service-account': 1, 'role-binding': 2, 'service-account-key': 1 };

type OnboardingCall = keyof EdgeLocationOnboarding;

/** Runs the real call, then "kills" the controller: it is stopped and this call never returns. */
function crashAfter<T>(kill: () => void, call: () => Promise<T>): Promise<T> {
  return call().then(() => {
    kill();
    return new Promise<T>(() => undefined);
  });
}

function withOnboarding(p: CloudProvider, onboarding: EdgeLocationOnboarding): CloudProvider {
  return {
    cloud: p.cloud,
    onboarding,
    listOfferings: (f) => p.listOfferings(f),
    launch: (r) => p.launch(r),
    terminate: (r, i) => p.terminate(r, i),
    listInstances: (f) => p.listInstances(f),
    pollInterruptions: (f) => p.pollInterruptions(f),
  };
}

function crashingProviders(w: World, crash: { step: OnboardingCall; location: string }, kill: () => void): CloudProviders {
  const { step } = crash;
  const base = simCloudProviders(w.clouds);
  return {
    async forLocation(cloud, credentials, where) {
      const p = await base.forLocation(cloud, credentials, where);
      const o = p.onboarding;
      const wrapped: EdgeLocationOnboarding = {
        preflight: (t) => (step === 'preflight' && t.name === crash.location ? crashAfter(kill, () => o.preflight(t)) : o.preflight(t)),
        ensureNetwork: (t) => (step === 'ensureNetwork' && t.name === crash.location ? crashAfter(kill, () => o.ensureNetwork(t)) : o.ensureNetwork(t)),
        ensureFirewall: (t, n) => (step === 'ensureFirewall' && t.name === crash.location ? crashAfter(kill, () => o.ensureFirewall(t, n)) : o.ensureFirewall(t, n)),
        ensureIdentity: (t, k) => (step === 'ensureIdentity' && t.name === crash.location ? crashAfter(kill, () => o.ensureIdentity(t, k)) : o.ensureIdentity(t, k)),
        teardown: (t) => (step === 'teardown' && t.name === crash.location ? crashAfter(kill, () => o.teardown(t)) : o.teardown(t)),
      };
      return withOnboarding(p, wrapped);
    },
  };
}

function crashingEdgeClusters(w: World, location: string, kill: () => void): EdgeClusterProvisioner {
  return {
    ensure: (req) => (req.location.metadata.name === location ? crashAfter(kill, () => w.edgeClusters.ensure(req)) : w.edgeClusters.ensure(req)),
    teardown: (req) => w.edgeClusters.teardown(req),
  };
}

async function expectOneOfEach(name: string): Promise<void> {
  assert.deepEqual(w.clouds.gcp.inventory.countByKind(name), GCP_ONE_ZONE, `${name}: exactly one of every cloud object`);
  const secret = await w.clients.core.readNamespacedSecret({ name: `edge-location-${name}-credentials`, namespace: 'castai-omni' });
  const keyId = Buffer.from(secret.data!.keyId, 'base64').toString();
  const keys = w.clouds.gcp.inventory.list({ location: name, kind: 'service-account-key' });
  assert.deepEqual(keys.map((k) => k.id), [keyId], 'the stored key is the only key');
  const o = await getLocation(w.clients, name);
  for (const obj of w.clouds.gcp.inventory.list({ location: name })) assert.ok(Object.values(o?.status?.resources ?? {}).includes(obj.id), `${obj.kind} recorded`);
}

const STEPS: (OnboardingCall | 'edge-cluster')[] = ['preflight', 'ensureNetwork', 'ensureFirewall', 'ensureIdentity', 'edge-cluster'];

for (const step of STEPS) {
  test(`a crash right after ${step} still ends Ready without duplicates`, async () => {
    const name = `crash-${step.replace('ensure', '').toLowerCase()}`;
    let crashed = false;
    const kill = () => {
      crashed = true;
      void doomed.stop();
    };
    const doomed = w.start(step === 'edge-cluster' ? { edgeClusters: crashingEdgeClusters(w, name, kill) } : { providers: crashingProviders(w, { step, location: name }, kill) });
    await createLocation(w.clients, name, { cloud: 'gcp', region: 'us-central1', zones: ['us-central1-a'] });
    await waitFor(`the controller to crash after ${step}`, async () => crashed, (c) => c);
    const before = await getLocation(w.clients, name);
    assert.notEqual(before?.status?.state, 'Ready');
    w.start();
    await waitForState(w.clients, name, 'Ready', 20_000).catch((err: unknown) => {
      console.log(w.logs.filter((l) => l.includes('"level":40') || l.includes('"level":50')).join(''));
      throw err;
    });
    await expectOneOfEach(name);
    await w.controller?.stop();
  });
}

test('restarting over Ready locations re-announces them and makes nothing new', async () => {
  const counts = w.clouds.gcp.inventory.count();
  w.ready.clear();
  w.start();
  await waitFor('all re-announced', async () => w.ready.size, (n) => n === STEPS.length);
  assert.equal(w.clouds.gcp.inventory.count(), counts);
  await w.controller?.stop();
});

test('a crash right after the cloud teardown still removes the location and leaves nothing', async () => {
  const name = 'crash-preflight';
  const doomed = w.start({ providers: crashingProviders(w, { step: 'teardown', location: name }, () => void doomed.stop()) });
  await w.clients.custom.deleteClusterCustomObject({ group: GROUP, version: VERSION, plural: 'edgelocations', name });
  await waitFor('teardown done', async () => w.clouds.gcp.inventory.count({ location: name }), (n) => n === 0);
  assert.ok(await getLocation(w.clients, name), 'still there: the finalizer was not removed before the crash');
  w.start();
  await waitFor(`${name} gone`, () => getLocation(w.clients, name), (o) => o === undefined, 20_000);
  assert.equal(w.clouds.gcp.inventory.count({ location: name }), 0);
  assert.equal(w.edgeClusters.running().has(name), false);
  await w.controller?.stop();
});
