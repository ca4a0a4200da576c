import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidRequestError, TransientError } from '../../src/clouds/types.ts';
import type { EdgeLocationOnboarding, EdgeLocationTarget } from '../../src/clouds/types.ts';
import { encodeUserData } from '../../src/clouds/join.ts';
import type { CloudName } from '../../src/catalog/types.ts';
import type { SimCloud } from '../../src/clouds/sim/index.ts';
import { joinContract, simCloud } from './helpers.ts';

const TARGETS: Record<CloudName, EdgeLocationTarget> = {
  aws: { name: 'aws-east', clusterId: 'c1', region: 'us-east-1', zones: ['us-east-1a', 'us-east-1b'] },
  gcp: { name: 'gcp-central', clusterId: 'c1', region: 'us-central1', zones: ['us-central1-a'] },
  oci: { name: 'oci-ash', clusterId: 'c1', region: 'us-ashburn-1', zones: ['US-ASHBURN-AD-1'] },
  azure: { name: 'az-east', clusterId: 'c1', region: 'eastus', zones: ['eastus-1'] },
};

const EXPECTED: Record<CloudName, Record<string, number>> = {
  aws: {
    vpc: 1,
    subnet: 2,
    'internet-gateway': 1,
    'route-table': 1,
    'security-group': 1,
    'iam-user': 1,
    'iam-user-policy': 1,
    'access-key': 1,
  },
  gcp: {
    network: 1,
    subnetwork: 1,
    firewall: 2,
    'service-account': 1,
    'role-binding': 2,
    'service-account-key': 1,
  },
  oci: {
    vcn: 1,
    subnet: 1,
    'internet-gateway': 1,
    'route-table': 1,
    'security-list': 1,
    user: 1,
    group: 1,
    'group-membership': 1,
    policy: 1,
    'api-key': 1,
  },
  azure: {
    'virtual-network': 1,
    subnet: 1,
    'route-table': 1,
    'network-security-group': 1,
    'service-principal': 1,
    'role-assignment': 1,
    'client-secret': 1,
  },
};

type Step = (o: EdgeLocationOnboarding, t: EdgeLocationTarget) => Promise<unknown>;
const STEPS: Step[] = [
  (o, t) => o.preflight(t),
  (o, t) => o.ensureNetwork(t),
  async (o, t) => o.ensureFirewall(t, (await o.ensureNetwork(t)).ids),
  (o, t) => o.ensureIdentity(t),
];

async function onboardAll(sim: SimCloud, t: EdgeLocationTarget, knownKeyId?: string) {
  const pre = await sim.onboarding.preflight(t);
  const net = await sim.onboarding.ensureNetwork(t);
  const fw = await sim.onboarding.ensureFirewall(t, net.ids);
  const id = await sim.onboarding.ensureIdentity(t, knownKeyId);
  return { pre, net, fw, id };
}

describe('simulated onboarding', () => {
  for (const cloud of ['aws', 'gcp', 'oci', 'azure'] as CloudName[]) {
    const t = TARGETS[cloud];

    it(`${cloud}: every step twice makes exactly one of every object`, async () => {
      const { sim } = simCloud(cloud);
      const first = await onboardAll(sim, t);
      assert.ok(first.pre.ok);
      assert.ok(first.id.ids.credentials, 'the first identity step returns the new key');
      const second = await onboardAll(sim, t, first.id.ids.keyId);
      assert.deepEqual(sim.inventory.countByKind(t.name), EXPECTED[cloud]);
      assert.deepEqual(second.net.created, []);
      assert.deepEqual(second.fw.created, []);
      assert.deepEqual(second.id.created, []);
      assert.equal(second.id.ids.credentials, undefined);
      assert.deepEqual(second.net.ids, first.net.ids);
      assert.deepEqual(Object.keys(first.net.ids.subnetIds).sort(), [...t.zones].sort());
    });

    it(`${cloud}: stopped after any step k, a fresh run ends with exactly one of every object`, async () => {
      for (let k = 0; k < STEPS.length; k++) {
        const { sim } = simCloud(cloud);
        for (const step of STEPS.slice(0, k + 1)) await step(sim.onboarding, t);
        await onboardAll(sim, t);
        assert.deepEqual(sim.inventory.countByKind(t.name), EXPECTED[cloud], `stopped after step ${k}`);
      }
    });

    it(`${cloud}: teardown leaves zero objects and repeats harmlessly`, async () => {
      const { sim } = simCloud(cloud);
      await onboardAll(sim, t);
      const deleted = await sim.onboarding.teardown(t);
      assert.equal(
        deleted.length,
        Object.values(EXPECTED[cloud]).reduce((a, b) => a + b, 0),
      );
      assert.equal(sim.inventory.count(), 0);
      assert.deepEqual(await sim.onboarding.teardown(t), []);
    });
  }

  it('a crash in the middle of a step resumes without duplicates', async () => {
    const { sim } = simCloud('aws');
    const t = TARGETS.aws;
    sim.injectFault({ op: 'create', error: 'transient', times: 1, match: { kind: 'internet-gateway' } });
    await assert.rejects(sim.onboarding.ensureNetwork(t), TransientError);
    assert.deepEqual(sim.inventory.countByKind(t.name), { vpc: 1, subnet: 2 });
    sim.injectFault({ op: 'create', error: 'transient', times: 1, match: { kind: 'access-key' } });
    await assert.rejects(onboardAll(sim, t), TransientError);
    await onboardAll(sim, t);
    assert.deepEqual(sim.inventory.countByKind(t.name), EXPECTED.aws);
  });

  it('a lost key secret is replaced, never duplicated, and old credentials stop working', async () => {
    const { sim } = simCloud('gcp');
    const t = TARGETS.gcp;
    const first = await onboardAll(sim, t);
    const oldCreds = first.id.ids.credentials;
    assert.ok(oldCreds);
    assert.equal(sim.connect(oldCreds), sim);
    const again = await sim.onboarding.ensureIdentity(t); // caller lost the secret
    assert.ok(again.ids.credentials);
    assert.notEqual(again.ids.keyId, first.id.ids.keyId);
    assert.equal(sim.inventory.count({ location: t.name, kind: 'service-account-key' }), 1);
    assert.throws(() => sim.connect(oldCreds), /rejected/);
    assert.doesNotMatch(String(again.ids.credentials), new RegExp(again.ids.credentials.reveal().secret));
    assert.doesNotMatch(JSON.stringify(again.ids), new RegExp(again.ids.credentials.reveal().secret));
  });

  it('preflight lists missing permissions by name', async () => {
    const { sim } = simCloud('aws');
    sim.revoke(['ec2:CreateVpc', 'iam:CreateAccessKey']);
    const r = await sim.onboarding.preflight(TARGETS.aws);
    assert.equal(r.ok, false);
    assert.deepEqual(r.missing, ['ec2:CreateVpc', 'iam:CreateAccessKey']);
  });

  it('rejects an unknown region or a zone outside the region', async () => {
    const { sim } = simCloud('aws');
    await assert.rejects(
      sim.onboarding.preflight({ ...TARGETS.aws, region: 'mars-1' }),
      /unknown region mars-1/,
    );
    await assert.rejects(
      sim.onboarding.ensureNetwork({ ...TARGETS.aws, zones: ['us-west-2a'] }),
      InvalidRequestError,
    );
  });

  it('teardown refuses while instances still run in the location', async () => {
    const { sim } = simCloud('aws');
    const t = TARGETS.aws;
    await onboardAll(sim, t);
    const r = await sim.launch({
      offerings: [
        { region: 'us-east-1', zone: 'us-east-1a', instanceType: 'm5.large', lifecycle: 'on-demand' },
      ],
      userData: encodeUserData(joinContract()),
      tags: { clusterId: 'c1', edgeLocation: t.name },
    });
    await assert.rejects(sim.onboarding.teardown(t), /still run/);
    await sim.terminate('us-east-1', r.instance.id);
    await sim.onboarding.teardown(t);
    assert.equal(sim.inventory.count(), 0);
  });

  it("locations do not see each other's objects", async () => {
    const { sim } = simCloud('aws');
    await onboardAll(sim, TARGETS.aws);
    await onboardAll(sim, { ...TARGETS.aws, name: 'aws-east-2' });
    await sim.onboarding.teardown(TARGETS.aws);
    assert.deepEqual(sim.inventory.countByKind('aws-east-2'), EXPECTED.aws);
    assert.equal(sim.inventory.count({ location: 'aws-east' }), 0);
  });
});
