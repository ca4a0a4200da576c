import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OciCloud } from '../../src/clouds/oci/index.ts';
import type { OciLaunchDetails } from '../../src/clouds/oci/port.ts';
import { ManualClock } from '../../src/clouds/clock.ts';
import { encodeUserData } from '../../src/clouds/join.ts';
import {
  AllOfferingsUnavailableError,
  AuthenticationError,
  PermissionError,
  ThrottlingError,
  TransientError,
} from '../../src/clouds/types.ts';
import type { EdgeLocationTarget, OfferingKey } from '../../src/clouds/types.ts';
import { FakeOci, ociError } from './oci-fake.ts';
import { testCatalog } from './fake-catalog.ts';
import { joinContract } from './helpers.ts';

const TARGET: EdgeLocationTarget = {
  name: 'oci-ash',
  clusterId: 'c1',
  region: 'us-ashburn-1',
  zones: ['US-ASHBURN-AD-1', 'US-ASHBURN-AD-2'],
};
const GPU: OfferingKey = {
  region: 'us-ashburn-1',
  zone: 'US-ASHBURN-AD-1',
  instanceType: 'VM.GPU.A10.1',
  lifecycle: 'spot',
};
const CPU: OfferingKey = {
  region: 'us-ashburn-1',
  zone: 'US-ASHBURN-AD-2',
  instanceType: 'VM.Standard.E4.Flex.2',
  lifecycle: 'on-demand',
};
const PRIVATE_KEY =
  '-----BEGIN PRIVATE KEY-----\nMIIEvAIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';

function setup() {
  const fake = new FakeOci();
  const clock = new ManualClock();
  const cloud = new OciCloud({
    compute: fake.compute(),
    network: fake.network(),
    identity: fake.identity(),
    region: 'us-ashburn-1',
    tenancyId: 'ocid1.tenancy.oc1..t',
    compartmentId: 'ocid1.compartment.oc1..c',
    catalog: testCatalog(),
    clock,
    defaultImageId: 'ocid1.image.oc1.iad.ubuntu',
    generateKeyPair: () => ({
      publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n',
      privateKeyPem: PRIVATE_KEY,
    }),
  });
  return { fake, cloud, clock };
}

const SUBNET = 'ocid1.subnet.oc1..s';
const launchReq = (offerings: OfferingKey[]) => ({
  offerings,
  userData: encodeUserData(joinContract({ installGpuDriver: true })),
  tags: { clusterId: 'c1', nodeClaim: 'claim-1', edgeLocation: 'oci-ash' },
  placement: { subnetIds: { 'US-ASHBURN-AD-1': SUBNET, 'US-ASHBURN-AD-2': SUBNET } },
});

async function onboard(cloud: OciCloud, knownKeyId?: string) {
  const net = await cloud.onboarding.ensureNetwork(TARGET);
  const fw = await cloud.onboarding.ensureFirewall(TARGET, net.ids);
  const id = await cloud.onboarding.ensureIdentity(TARGET, knownKeyId);
  return { net, fw, id };
}

describe('OCI adapter: compute', () => {
  it('LaunchInstance carries the preemptible config, user data, freeform tags, subnet and a retry token', async () => {
    const { fake, cloud } = setup();
    const r = await cloud.launch(launchReq([GPU]));
    const [{ details, token }] = fake.inputsOf<{ details: OciLaunchDetails; token: string }>(
      'LaunchInstance',
    );
    assert.equal(details.shape, 'VM.GPU.A10.1');
    assert.equal(details.availabilityDomain, 'US-ASHBURN-AD-1');
    assert.deepEqual(details.preemptibleInstanceConfig, {
      preemptionAction: { type: 'TERMINATE', preserveBootVolume: false },
    });
    assert.equal(Buffer.from(details.metadata.user_data, 'base64').toString(), launchReq([]).userData);
    assert.deepEqual(details.freeformTags, {
      'omni-cluster-id': 'c1',
      'omni-node-claim': 'claim-1',
      'omni-edge-location': 'oci-ash',
    });
    assert.equal(details.createVnicDetails.subnetId, SUBNET);
    assert.equal(details.sourceDetails.imageId, 'ocid1.image.oc1.iad.ubuntu');
    assert.equal(token, 'claim-1-US-ASHBURN-AD-1-VM.GPU.A10.1-spot');
    assert.equal(r.instance.lifecycle, 'spot');
  });

  it('flexible shapes get a shape config', async () => {
    const { fake, cloud } = setup();
    await cloud.launch(launchReq([CPU]));
    const [{ details }] = fake.inputsOf<{ details: OciLaunchDetails }>('LaunchInstance');
    assert.equal(details.shape, 'VM.Standard.E4.Flex');
    assert.deepEqual(details.shapeConfig, { ocpus: 1, memoryInGBs: 16 });
    assert.equal(details.preemptibleInstanceConfig, undefined);
  });

  it("falls back on 500 InternalError 'Out of host capacity' and on LimitExceeded", async () => {
    const { fake, cloud } = setup();
    fake.failNext('LaunchInstance', ociError(500, 'InternalError', 'Out of host capacity.'));
    const r = await cloud.launch(launchReq([GPU, CPU]));
    assert.deepEqual(r.offering, CPU);
    assert.equal(r.capacityErrors[0].code, 'InternalError');
    assert.deepEqual(r.capacityErrors[0].offering, GPU);
    const l = setup();
    l.fake.failNext(
      'LaunchInstance',
      ociError(400, 'LimitExceeded', 'The following service limits were exceeded: gpu-a10-count'),
    );
    assert.equal((await l.cloud.launch(launchReq([GPU, CPU]))).capacityErrors[0].code, 'LimitExceeded');
  });

  it('maps 429 TooManyRequests, other 500s, 401 and 404-on-launch without falling back', async () => {
    const cases: [Error, new (...a: never[]) => Error][] = [
      [ociError(429, 'TooManyRequests', 'Too many requests for the user'), ThrottlingError],
      [ociError(500, 'InternalError', 'Internal error'), TransientError],
      [
        ociError(
          401,
          'NotAuthenticated',
          'The required information to complete authentication was not provided',
        ),
        AuthenticationError,
      ],
      [
        ociError(404, 'NotAuthorizedOrNotFound', 'Authorization failed or requested resource not found'),
        PermissionError,
      ],
    ];
    for (const [err, Kind] of cases) {
      const { fake, cloud } = setup();
      fake.failNext('LaunchInstance', err);
      await assert.rejects(cloud.launch(launchReq([GPU, CPU])), Kind);
      assert.equal(fake.inputsOf('LaunchInstance').length, 1);
    }
  });

  it('AllOfferingsUnavailableError when every shape is out of host capacity', async () => {
    const { fake, cloud } = setup();
    fake.failNext('LaunchInstance', ociError(500, 'InternalError', 'Out of host capacity.'), 2);
    await assert.rejects(cloud.launch(launchReq([GPU, CPU])), AllOfferingsUnavailableError);
  });

  it('lists by freeform tags, sees preemption as a notice, terminates idempotently', async () => {
    const { fake, cloud } = setup();
    const r = await cloud.launch(launchReq([GPU]));
    await cloud.launch({ ...launchReq([CPU]), tags: { clusterId: 'other' } });
    assert.deepEqual(
      (await cloud.listInstances({ clusterId: 'c1' })).map((i) => i.id),
      [r.instance.id],
    );
    const inst = fake.instances.get(r.instance.id);
    if (inst) inst.lifecycleState = 'TERMINATING';
    const [notice] = await cloud.pollInterruptions({ clusterId: 'c1' });
    assert.equal(notice.instanceId, r.instance.id);
    assert.equal(notice.terminateAt - notice.noticeTime, 30_000);
    await cloud.terminate('us-ashburn-1', r.instance.id);
    await cloud.terminate('us-ashburn-1', r.instance.id);
  });

  it('offerings are available where the availability domain has the shape', async () => {
    const { cloud } = setup();
    const o = await cloud.listOfferings({
      region: 'us-ashburn-1',
      instanceTypes: ['VM.GPU.A10.1'],
      lifecycle: 'spot',
    });
    assert.deepEqual(
      o.map((x) => [x.zone, x.available]),
      [
        ['US-ASHBURN-AD-1', true],
        ['US-ASHBURN-AD-2', false],
      ],
    );
  });
});

describe('OCI adapter: onboarding', () => {
  it('preflight probes each family and lists the denied ones', async () => {
    const { fake, cloud } = setup();
    fake.deniedLists = new Set(['ListPolicies']);
    const r = await cloud.onboarding.preflight(TARGET);
    assert.deepEqual(r.missing, ['manage policies']);
  });

  it('creates VCN, IGW, route table, subnet, security list, user, group, membership, policy, API key', async () => {
    const { fake, cloud } = setup();
    const { net, fw, id } = await onboard(cloud);
    assert.deepEqual(fake.inputsOf<{ cidrBlocks: string[] }>('CreateVcn')[0].cidrBlocks, ['10.0.0.0/16']);
    const rt = fake.inputsOf<{ routeRules: unknown[] }>('CreateRouteTable')[0];
    assert.deepEqual(rt.routeRules, [
      { destination: '0.0.0.0/0', destinationType: 'CIDR_BLOCK', networkEntityId: net.ids.gatewayId },
    ]);
    const sl = fake.inputsOf<{ ingressSecurityRules: { protocol: string }[] }>('CreateSecurityList')[0];
    assert.deepEqual(
      sl.ingressSecurityRules.map((r) => r.protocol),
      ['6', '6', '17'],
    );
    assert.deepEqual(fake.inputsOf('UpdateSubnet'), [
      { subnetId: net.ids.subnetIds['US-ASHBURN-AD-1'], securityListIds: fw.ids.firewallIds },
    ]);
    const policy = fake.inputsOf<{ statements: string[]; compartmentId: string }>('CreatePolicy')[0];
    assert.equal(policy.compartmentId, 'ocid1.tenancy.oc1..t');
    assert.ok(
      policy.statements.includes(
        'Allow group castai-omni-oci-ash-group to manage instance-family in compartment id ocid1.compartment.oc1..c',
      ),
    );
    assert.equal(id.ids.credentials?.reveal().fingerprint, id.ids.keyId);
    assert.equal(id.ids.credentials?.reveal().privateKeyPem, PRIVATE_KEY);
    assert.doesNotMatch(JSON.stringify(id), /PRIVATE KEY/);
    assert.equal(fake.count(), 10);
  });

  it('is idempotent and resumable after a crash in any step', async () => {
    const { fake, cloud } = setup();
    const first = await onboard(cloud);
    const second = await onboard(cloud, first.id.ids.keyId);
    assert.deepEqual([second.net.created, second.fw.created, second.id.created], [[], [], []]);
    assert.equal(fake.count(), 10);
    const crash = setup();
    crash.fake.failNext('CreateSubnet', ociError(500, 'InternalError', 'Internal error'));
    crash.fake.failNext('AddUserToGroup', ociError(429, 'TooManyRequests'));
    await assert.rejects(onboard(crash.cloud), TransientError);
    await assert.rejects(onboard(crash.cloud), ThrottlingError);
    await onboard(crash.cloud);
    assert.equal(crash.fake.count(), 10);
  });

  it('teardown deletes in reverse and leaves zero objects', async () => {
    const { fake, cloud } = setup();
    await onboard(cloud);
    const deleted = await cloud.onboarding.teardown(TARGET);
    assert.deepEqual(
      deleted.map((d) => d.kind),
      [
        'api-key',
        'group-membership',
        'policy',
        'group',
        'user',
        'subnet',
        'security-list',
        'route-table',
        'internet-gateway',
        'vcn',
      ],
    );
    assert.equal(fake.count(), 0);
    assert.deepEqual(await cloud.onboarding.teardown(TARGET), []);
  });
});
