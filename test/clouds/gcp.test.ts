import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GcpCloud } from '../../src/clouds/gcp/index.ts';
import type {
  GcpFirewall,
  GcpInstanceResource,
  GcpNetwork,
  GcpSubnetwork,
} from '../../src/clouds/gcp/port.ts';
import { mapGcpError } from '../../src/clouds/gcp/errors.ts';
import { ManualClock } from '../../src/clouds/clock.ts';
import { encodeUserData } from '../../src/clouds/join.ts';
import { GCP_EDGE_NODE_ROLES, GCP_ONBOARDING_PERMISSIONS } from '../../src/clouds/permissions.ts';
import {
  AllOfferingsUnavailableError,
  AuthenticationError,
  CapacityError,
  PermissionError,
  ThrottlingError,
  TransientError,
} from '../../src/clouds/types.ts';
import type { EdgeLocationTarget, OfferingKey } from '../../src/clouds/types.ts';
import { FakeGcp, gcpError } from './gcp-fake.ts';
import { testCatalog } from './fake-catalog.ts';
import { joinContract } from './helpers.ts';

const TARGET: EdgeLocationTarget = {
  name: 'gcp-central',
  clusterId: 'c1',
  region: 'us-central1',
  zones: ['us-central1-a', 'us-central1-b'],
};
const A: OfferingKey = {
  region: 'us-central1',
  zone: 'us-central1-a',
  instanceType: 'a2-highgpu-1g',
  lifecycle: 'spot',
};
const B: OfferingKey = { ...A, zone: 'us-central1-b', instanceType: 'n2-standard-2', lifecycle: 'on-demand' };
const SA = 'castai-omni-gcp-central@proj-1.iam.gserviceaccount.com';

function setup() {
  const fake = new FakeGcp();
  const cloud = new GcpCloud({
    compute: fake.compute(),
    iam: fake.iam(),
    projects: fake.projects(),
    project: 'proj-1',
    catalog: testCatalog(),
    clock: new ManualClock(),
  });
  return { fake, cloud };
}

const launchReq = (offerings: OfferingKey[]) => ({
  offerings,
  userData: encodeUserData(joinContract()),
  tags: { clusterId: 'c1', nodeClaim: 'claim-1', edgeLocation: 'gcp-central' },
  placement: {
    subnetIds: { 'us-central1-a': 'projects/proj-1/regions/us-central1/subnetworks/castai-omni-gcp-central' },
  },
});

async function onboard(cloud: GcpCloud, knownKeyId?: string) {
  const net = await cloud.onboarding.ensureNetwork(TARGET);
  const fw = await cloud.onboarding.ensureFirewall(TARGET, net.ids);
  const id = await cloud.onboarding.ensureIdentity(TARGET, knownKeyId);
  return { net, fw, id };
}

describe('GCP adapter: compute', () => {
  it('instances.insert carries Spot scheduling, user data, labels, network tag and subnetwork', async () => {
    const { fake, cloud } = setup();
    const r = await cloud.launch(launchReq([A]));
    const [req] = fake.inputsOf<{ project: string; zone: string; instanceResource: GcpInstanceResource }>(
      'instances.insert',
    );
    assert.equal(req.project, 'proj-1');
    assert.equal(req.zone, 'us-central1-a');
    const res = req.instanceResource;
    assert.equal(res.name, 'claim-1');
    assert.equal(res.machineType, 'zones/us-central1-a/machineTypes/a2-highgpu-1g');
    assert.deepEqual(res.scheduling, {
      provisioningModel: 'SPOT',
      instanceTerminationAction: 'DELETE',
      onHostMaintenance: 'TERMINATE',
      automaticRestart: false,
    });
    assert.deepEqual(res.metadata.items, [{ key: 'user-data', value: encodeUserData(joinContract()) }]);
    assert.deepEqual(res.labels, {
      'omni-cluster-id': 'c1',
      'omni-node-claim': 'claim-1',
      'omni-edge-location': 'gcp-central',
    });
    assert.deepEqual(res.tags.items, ['omni-enabled']);
    assert.equal(
      res.networkInterfaces[0].subnetwork,
      'projects/proj-1/regions/us-central1/subnetworks/castai-omni-gcp-central',
    );
    assert.equal(r.instance.id, '1001');
    assert.equal(r.instance.lifecycle, 'spot');
  });

  it('falls back on ZONE_RESOURCE_POOL_EXHAUSTED and QUOTA_EXCEEDED', async () => {
    const { fake, cloud } = setup();
    fake.failNext(
      'instances.insert',
      gcpError(
        0,
        'ZONE_RESOURCE_POOL_EXHAUSTED',
        "The zone 'projects/proj-1/zones/us-central1-a' does not have enough resources available",
      ),
    );
    const r = await cloud.launch(launchReq([A, B]));
    assert.deepEqual(r.offering, B);
    assert.equal(r.capacityErrors[0].code, 'ZONE_RESOURCE_POOL_EXHAUSTED');
    const q = setup();
    q.fake.failNext(
      'instances.insert',
      gcpError(403, 'QUOTA_EXCEEDED', "Quota 'NVIDIA_A100_GPUS' exceeded. Limit: 0.0 in region us-central1."),
    );
    const r2 = await q.cloud.launch(launchReq([A, B]));
    assert.equal(r2.capacityErrors[0].code, 'QUOTA_EXCEEDED');
    assert.deepEqual(r2.capacityErrors[0].offering, A);
  });

  it('reads capacity reasons from raw gax errors too', () => {
    const raw = Object.assign(
      new Error(
        '8 RESOURCE_EXHAUSTED: ZONE_RESOURCE_POOL_EXHAUSTED_WITH_DETAILS: The zone does not have enough resources',
      ),
      { code: 8 },
    );
    assert.ok(mapGcpError(raw, { operation: 'insert' }) instanceof CapacityError);
    const rate = Object.assign(new Error('Rate Limit Exceeded'), {
      code: 403,
      errors: [{ reason: 'rateLimitExceeded' }],
    });
    assert.ok(mapGcpError(rate, { operation: 'insert' }) instanceof ThrottlingError);
    assert.ok(
      mapGcpError(Object.assign(new Error('unavailable'), { code: 14 }), { operation: 'x' }) instanceof
        TransientError,
    );
  });

  it('maps throttling, permission, authentication and 5xx without falling back', async () => {
    const cases: [Error, new (...a: never[]) => Error][] = [
      [gcpError(429, 'RATE_LIMIT_EXCEEDED'), ThrottlingError],
      [gcpError(403, 'forbidden', "Required 'compute.instances.create' permission"), PermissionError],
      [gcpError(401, 'UNAUTHENTICATED'), AuthenticationError],
      [gcpError(503, 'backendError'), TransientError],
    ];
    for (const [err, Kind] of cases) {
      const { fake, cloud } = setup();
      fake.failNext('instances.insert', err);
      await assert.rejects(cloud.launch(launchReq([A, B])), Kind);
      assert.equal(fake.inputsOf('instances.insert').length, 1);
    }
  });

  it('a retried launch of the same claim (409 alreadyExists) returns the existing instance', async () => {
    const { fake, cloud } = setup();
    await cloud.launch(launchReq([A]));
    const again = await cloud.launch(launchReq([A]));
    assert.equal(again.instance.id, '1001');
    assert.equal(fake.instances.size, 1);
  });

  it('AllOfferingsUnavailableError when every zone is exhausted', async () => {
    const { fake, cloud } = setup();
    fake.failNext('instances.insert', gcpError(0, 'ZONE_RESOURCE_POOL_EXHAUSTED'), 2);
    await assert.rejects(cloud.launch(launchReq([A, B])), AllOfferingsUnavailableError);
  });

  it('lists by label filter, reads preemption notices (30 s), terminates idempotently', async () => {
    const { fake, cloud } = setup();
    const r = await cloud.launch(launchReq([A]));
    const listed = await cloud.listInstances({ clusterId: 'c1', edgeLocation: 'gcp-central' });
    assert.deepEqual(
      listed.map((i) => [i.id, i.zone, i.instanceType, i.lifecycle]),
      [['1001', 'us-central1-a', 'a2-highgpu-1g', 'spot']],
    );
    assert.equal(
      fake.inputsOf<{ filter: string }>('instances.aggregatedList').at(-1)?.filter,
      'labels.omni-cluster-id = "c1" AND labels.omni-edge-location = "gcp-central"',
    );
    fake.preempted = [r.instance.id, '9999'];
    const notices = await cloud.pollInterruptions({ clusterId: 'c1' });
    assert.deepEqual(notices, [
      {
        instanceId: '1001',
        noticeTime: Date.parse('2026-01-01T00:00:00.000Z'),
        terminateAt: Date.parse('2026-01-01T00:00:30.000Z'),
      },
    ]);
    await cloud.terminate('us-central1', r.instance.id);
    await cloud.terminate('us-central1', r.instance.id);
    assert.deepEqual(fake.inputsOf('instances.delete'), [
      { project: 'proj-1', zone: 'us-central1-a', instance: 'claim-1' },
    ]);
  });

  it('lists offerings available where the zone has the machine type', async () => {
    const { cloud } = setup();
    const offerings = await cloud.listOfferings({
      region: 'us-central1',
      instanceTypes: ['a2-highgpu-1g'],
      lifecycle: 'spot',
    });
    assert.deepEqual(
      offerings.map((o) => [o.zone, o.available, o.pricePerHour]),
      [['us-central1-a', true, 1.1]],
    );
  });
});

describe('GCP adapter: onboarding', () => {
  it('preflight is testIamPermissions and lists what is missing', async () => {
    const { fake, cloud } = setup();
    fake.granted = GCP_ONBOARDING_PERMISSIONS.filter((p) => p !== 'iam.serviceAccountKeys.create');
    const r = await cloud.onboarding.preflight(TARGET);
    assert.deepEqual(r.missing, ['iam.serviceAccountKeys.create']);
    assert.deepEqual(fake.inputsOf('projects.testIamPermissions'), [
      { project: 'proj-1', permissions: [...GCP_ONBOARDING_PERMISSIONS] },
    ]);
  });

  it('inserts network, subnetwork, firewalls, service account, role bindings and a key', async () => {
    const { fake, cloud } = setup();
    const { net, fw, id } = await onboard(cloud);
    assert.deepEqual(
      fake.inputsOf<{ networkResource: GcpNetwork }>('networks.insert')[0].networkResource
        .autoCreateSubnetworks,
      false,
    );
    const sub = fake.inputsOf<{ subnetworkResource: GcpSubnetwork }>('subnetworks.insert')[0]
      .subnetworkResource;
    assert.deepEqual(
      [sub.name, sub.ipCidrRange, sub.region, sub.network],
      [
        'castai-omni-gcp-central',
        '10.0.0.0/20',
        'us-central1',
        'projects/proj-1/global/networks/castai-omni-gcp-central',
      ],
    );
    const rules = fake
      .inputsOf<{ firewallResource: GcpFirewall }>('firewalls.insert')
      .map((f) => f.firewallResource);
    assert.deepEqual(rules[0].allowed, [
      { IPProtocol: 'tcp', ports: ['443', '6443'] },
      { IPProtocol: 'udp', ports: ['51840'] },
    ]);
    assert.deepEqual(rules[0].targetTags, ['omni-enabled']);
    assert.deepEqual(rules[1].sourceTags, ['omni-enabled']);
    assert.equal(fw.ids.firewallIds.length, 2);
    assert.deepEqual(Object.values(net.ids.subnetIds), [net.objects[1].id, net.objects[1].id]);
    assert.deepEqual(fake.inputsOf('serviceAccounts.create'), [
      {
        project: 'proj-1',
        accountId: 'castai-omni-gcp-central',
        displayName: 'castai-omni-gcp-central',
        description: 'castai-omni edge location gcp-central (cluster c1)',
      },
    ]);
    for (const role of GCP_EDGE_NODE_ROLES) {
      assert.ok(
        fake.policy.bindings?.find((b) => b.role === role)?.members.includes(`serviceAccount:${SA}`),
        role,
      );
    }
    assert.ok(
      fake.policy.bindings?.some((b) => b.role === 'roles/owner'),
      'other bindings are kept',
    );
    assert.equal(id.ids.identityId, SA);
    assert.match(id.ids.credentials?.reveal().serviceAccountJson ?? '', /service_account/);
    assert.doesNotMatch(JSON.stringify(id), /PRIVATE KEY/);
    assert.equal(fake.count(), 8);
  });

  it('twice in a row creates nothing new; a crash mid-step resumes without duplicates', async () => {
    const { fake, cloud } = setup();
    const first = await onboard(cloud);
    const setPolicies = fake.inputsOf('projects.setIamPolicy').length;
    const second = await onboard(cloud, first.id.ids.keyId);
    assert.deepEqual([second.net.created, second.fw.created, second.id.created], [[], [], []]);
    assert.equal(fake.inputsOf('projects.setIamPolicy').length, setPolicies);
    assert.equal(fake.count(), 8);

    const crash = setup();
    crash.fake.failNext('firewalls.insert', gcpError(500, 'internalError'));
    crash.fake.failNext('keys.create', gcpError(429, 'RATE_LIMIT_EXCEEDED'));
    await assert.rejects(onboard(crash.cloud), TransientError);
    await assert.rejects(onboard(crash.cloud), ThrottlingError);
    await onboard(crash.cloud);
    assert.equal(crash.fake.count(), 8);
  });

  it('teardown removes keys, bindings, account, firewalls, subnetwork and network', async () => {
    const { fake, cloud } = setup();
    await onboard(cloud);
    const deleted = await cloud.onboarding.teardown(TARGET);
    assert.deepEqual(
      deleted.map((d) => d.kind),
      [
        'service-account-key',
        'role-binding',
        'role-binding',
        'service-account',
        'firewall',
        'firewall',
        'subnetwork',
        'network',
      ],
    );
    assert.equal(fake.count(), 0);
    assert.deepEqual(fake.policy.bindings, [{ role: 'roles/owner', members: ['user:admin@example.com'] }]);
    assert.deepEqual(await cloud.onboarding.teardown(TARGET), []);
  });
});
