import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as ec2 from '@aws-sdk/client-ec2';
import type * as iam from '@aws-sdk/client-iam';
import { AwsCloud } from '../../src/clouds/aws/index.ts';
import { AWS_DEFAULT_IMAGE } from '../../src/clouds/aws/compute.ts';
import { awsPolicyName } from '../../src/clouds/aws/onboarding.ts';
import { ManualClock } from '../../src/clouds/clock.ts';
import { Credentials } from '../../src/clouds/credentials.ts';
import { encodeUserData } from '../../src/clouds/join.ts';
import {
  AllOfferingsUnavailableError,
  AuthenticationError,
  PermissionError,
  ThrottlingError,
  TransientError,
} from '../../src/clouds/types.ts';
import type { EdgeLocationTarget, OfferingKey } from '../../src/clouds/types.ts';
import { AWS_EDGE_NODE_ACTIONS, AWS_ONBOARDING_PERMISSIONS } from '../../src/clouds/permissions.ts';
import { awsError, FakeAws } from './aws-fake.ts';
import { testCatalog } from './fake-catalog.ts';
import { joinContract } from './helpers.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const CREDS = new Credentials('AKIAONBOARDER', { accessKeyId: 'AKIAONBOARDER', secretAccessKey: SECRET });
const TARGET: EdgeLocationTarget = {
  name: 'aws-east',
  clusterId: 'c1',
  region: 'us-east-1',
  zones: ['us-east-1a', 'us-east-1b'],
};
const A: OfferingKey = {
  region: 'us-east-1',
  zone: 'us-east-1a',
  instanceType: 'p4d.24xlarge',
  lifecycle: 'spot',
};
const B: OfferingKey = {
  region: 'us-east-1',
  zone: 'us-east-1b',
  instanceType: 'm5.large',
  lifecycle: 'on-demand',
};

function setup() {
  const fake = new FakeAws();
  const ports = { ec2: () => fake.ec2(), iam: fake.iam() };
  const cloud = new AwsCloud({
    ...ports,
    region: 'us-east-1',
    catalog: testCatalog(),
    clock: new ManualClock(),
    credentials: CREDS,
  });
  return { fake, cloud };
}

const launchReq = (offerings: OfferingKey[]) => ({
  offerings,
  userData: encodeUserData(joinContract()),
  tags: { clusterId: 'c1', nodeClaim: 'claim-1', edgeLocation: 'aws-east' },
  placement: { subnetIds: { 'us-east-1b': 'subnet-b' }, securityGroupIds: ['sg-1'] },
});

describe('AWS adapter: compute', () => {
  it('RunInstances carries spot options, user data, tags, subnet and an idempotency token', async () => {
    const { fake, cloud } = setup();
    await cloud.launch(launchReq([A]));
    const [req] = fake.inputsOf<ec2.RunInstancesCommandInput>('RunInstances');
    assert.equal(req.InstanceType, 'p4d.24xlarge');
    assert.equal(req.ImageId, AWS_DEFAULT_IMAGE);
    assert.deepEqual(req.InstanceMarketOptions, {
      MarketType: 'spot',
      SpotOptions: { SpotInstanceType: 'one-time', InstanceInterruptionBehavior: 'terminate' },
    });
    assert.deepEqual(req.Placement, { AvailabilityZone: 'us-east-1a' });
    assert.equal(Buffer.from(req.UserData ?? '', 'base64').toString(), encodeUserData(joinContract()));
    assert.equal(req.ClientToken, 'claim-1-us-east-1a-p4d.24xlarge-spot');
    const tags = req.TagSpecifications?.find((t) => t.ResourceType === 'instance')?.Tags;
    assert.deepEqual(tags, [
      { Key: 'Name', Value: 'claim-1' },
      { Key: 'omni.cast.ai/cluster-id', Value: 'c1' },
      { Key: 'omni.cast.ai/node-claim', Value: 'claim-1' },
      { Key: 'omni.cast.ai/edge-location', Value: 'aws-east' },
    ]);
    assert.ok(req.TagSpecifications?.some((t) => t.ResourceType === 'spot-instances-request'));
  });

  it("falls back on InsufficientInstanceCapacity and uses the zone's subnet and security group", async () => {
    const { fake, cloud } = setup();
    fake.failNext(
      'RunInstances',
      awsError(
        'InsufficientInstanceCapacity',
        500,
        'We currently do not have sufficient p4d.24xlarge capacity',
      ),
    );
    const r = await cloud.launch(launchReq([A, B]));
    assert.deepEqual(r.offering, B);
    assert.equal(r.capacityErrors[0].code, 'InsufficientInstanceCapacity');
    assert.deepEqual(r.capacityErrors[0].offering, A);
    const second = fake.inputsOf<ec2.RunInstancesCommandInput>('RunInstances')[1];
    assert.equal(second.SubnetId, 'subnet-b');
    assert.deepEqual(second.SecurityGroupIds, ['sg-1']);
    assert.equal(second.InstanceMarketOptions, undefined);
  });

  it('maps RequestLimitExceeded, UnauthorizedOperation, AuthFailure and 5xx without falling back', async () => {
    const cases: [Error, new (...a: never[]) => Error][] = [
      [awsError('RequestLimitExceeded', 503), ThrottlingError],
      [
        awsError('UnauthorizedOperation', 403, 'You are not authorized to perform this operation.'),
        PermissionError,
      ],
      [awsError('AuthFailure', 401), AuthenticationError],
      [awsError('InternalError', 500), TransientError],
    ];
    for (const [err, Kind] of cases) {
      const { fake, cloud } = setup();
      fake.failNext('RunInstances', err);
      await assert.rejects(cloud.launch(launchReq([A, B])), Kind);
      assert.equal(fake.inputsOf('RunInstances').length, 1, `${err.name} must not fall back`);
    }
  });

  it('all offerings out of capacity → AllOfferingsUnavailableError', async () => {
    const { fake, cloud } = setup();
    fake.failNext('RunInstances', awsError('InsufficientInstanceCapacity', 500), 2);
    const err = await cloud.launch(launchReq([A, B])).catch((e: unknown) => e);
    assert.ok(err instanceof AllOfferingsUnavailableError);
    assert.equal(err.attempts.length, 2);
  });

  it('never puts the secret key in an error message', async () => {
    const { fake, cloud } = setup();
    fake.failNext('RunInstances', awsError('UnauthorizedOperation', 403, `denied for ${SECRET}`));
    const err = await cloud.launch(launchReq([A])).catch((e: unknown) => e);
    assert.ok(err instanceof Error);
    assert.doesNotMatch(err.message, /wJalrXUtnFEMI/);
    assert.match(err.message, /UnauthorizedOperation/);
  });

  it('lists instances by omni tags, terminates idempotently, reads Spot interruption notices', async () => {
    const { fake, cloud } = setup();
    const r = await cloud.launch(launchReq([A]));
    const listed = await cloud.listInstances({ clusterId: 'c1', edgeLocation: 'aws-east' });
    assert.deepEqual(
      listed.map((i) => i.id),
      [r.instance.id],
    );
    assert.deepEqual(listed[0].tags, { clusterId: 'c1', nodeClaim: 'claim-1', edgeLocation: 'aws-east' });
    const filters = fake.inputsOf<ec2.DescribeInstancesCommandInput>('DescribeInstances')[0].Filters;
    assert.deepEqual(filters?.slice(0, 2), [
      { Name: 'tag:omni.cast.ai/cluster-id', Values: ['c1'] },
      { Name: 'tag:omni.cast.ai/edge-location', Values: ['aws-east'] },
    ]);
    const notices = await cloud.pollInterruptions({ clusterId: 'c1' });
    assert.equal(notices[0].instanceId, r.instance.id);
    assert.equal(notices[0].terminateAt - notices[0].noticeTime, 120_000);
    await cloud.terminate('us-east-1', r.instance.id);
    await cloud.terminate('us-east-1', r.instance.id);
    assert.equal(fake.inputsOf('TerminateInstances').length, 2);
  });

  it('lists offerings with live Spot prices and zone availability', async () => {
    const { cloud } = setup();
    const offerings = await cloud.listOfferings({
      region: 'us-east-1',
      zones: ['us-east-1a', 'us-east-1b'],
      instanceTypes: ['m5.large'],
    });
    const spotA = offerings.find((o) => o.zone === 'us-east-1a' && o.lifecycle === 'spot');
    assert.equal(spotA?.pricePerHour, 0.0301);
    assert.equal(spotA?.available, true);
    assert.equal(offerings.find((o) => o.zone === 'us-east-1b')?.available, false);
  });
});

describe('AWS adapter: onboarding', () => {
  it('preflight simulates every onboarding action and lists the denied ones', async () => {
    const { fake, cloud } = setup();
    fake.denied = new Set(['ec2:CreateVpc', 'iam:CreateAccessKey']);
    const r = await cloud.onboarding.preflight(TARGET);
    assert.deepEqual(r.missing, ['ec2:CreateVpc', 'iam:CreateAccessKey']);
    const reqs = fake.inputsOf<iam.SimulatePrincipalPolicyCommandInput>('SimulatePrincipalPolicy');
    assert.equal(reqs[0].PolicySourceArn, 'arn:aws:iam::123456789012:user/onboarder');
    assert.deepEqual(
      reqs.flatMap((q) => q.ActionNames),
      [...AWS_ONBOARDING_PERMISSIONS],
    );
  });

  it('creates VPC, subnets, IGW, route table, security group, IAM user, policy and key with the right requests', async () => {
    const { fake, cloud } = setup();
    const net = await cloud.onboarding.ensureNetwork(TARGET);
    const fw = await cloud.onboarding.ensureFirewall(TARGET, net.ids);
    const id = await cloud.onboarding.ensureIdentity(TARGET);
    assert.deepEqual(
      fake.ops().filter((o) => !o.startsWith('Describe') && !o.startsWith('Get') && !o.startsWith('List')),
      [
        'CreateVpc',
        'ModifyVpcAttribute',
        'CreateSubnet',
        'ModifySubnetAttribute',
        'CreateSubnet',
        'ModifySubnetAttribute',
        'CreateInternetGateway',
        'AttachInternetGateway',
        'CreateRouteTable',
        'CreateRoute',
        'AssociateRouteTable',
        'AssociateRouteTable',
        'CreateSecurityGroup',
        'AuthorizeSecurityGroupIngress',
        'CreateUser',
        'PutUserPolicy',
        'CreateAccessKey',
      ],
    );
    assert.equal(fake.inputsOf<ec2.CreateVpcCommandInput>('CreateVpc')[0].CidrBlock, '10.0.0.0/16');
    assert.deepEqual(
      fake
        .inputsOf<ec2.CreateSubnetCommandInput>('CreateSubnet')
        .map((s) => [s.AvailabilityZone, s.CidrBlock]),
      [
        ['us-east-1a', '10.0.0.0/24'],
        ['us-east-1b', '10.0.1.0/24'],
      ],
    );
    const vpcTags = fake.inputsOf<ec2.CreateVpcCommandInput>('CreateVpc')[0].TagSpecifications?.[0].Tags;
    assert.deepEqual(vpcTags?.[0], { Key: 'Name', Value: 'castai-omni-aws-east' });
    assert.deepEqual(fake.inputsOf<ec2.CreateRouteCommandInput>('CreateRoute')[0], {
      RouteTableId: net.ids.routeTableId,
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: net.ids.gatewayId,
    });
    const ingress = fake.inputsOf<ec2.AuthorizeSecurityGroupIngressCommandInput>(
      'AuthorizeSecurityGroupIngress',
    )[0];
    assert.deepEqual(
      ingress.IpPermissions?.map((p) => `${p.IpProtocol}/${p.FromPort}`),
      ['tcp/443', 'tcp/6443', 'udp/51840'],
    );
    assert.equal(ingress.GroupId, fw.ids.firewallIds[0]);
    const policy = fake.inputsOf<iam.PutUserPolicyCommandInput>('PutUserPolicy')[0];
    assert.equal(policy.PolicyName, awsPolicyName('aws-east'));
    assert.deepEqual(JSON.parse(policy.PolicyDocument ?? '').Statement[0].Action, [...AWS_EDGE_NODE_ACTIONS]);
    assert.equal(id.ids.credentials?.reveal().accessKeyId, id.ids.keyId);
    assert.equal(fake.count(), 9);
  });

  it('is idempotent: a second run creates nothing and keeps the known key', async () => {
    const { fake, cloud } = setup();
    const net = await cloud.onboarding.ensureNetwork(TARGET);
    await cloud.onboarding.ensureFirewall(TARGET, net.ids);
    const id = await cloud.onboarding.ensureIdentity(TARGET);
    const before = fake.calls.length;
    const net2 = await cloud.onboarding.ensureNetwork(TARGET);
    const fw2 = await cloud.onboarding.ensureFirewall(TARGET, net2.ids);
    const id2 = await cloud.onboarding.ensureIdentity(TARGET, id.ids.keyId);
    assert.deepEqual(
      [net2.created, fw2.created, id2.created.filter((c) => c.kind !== 'iam-user-policy')],
      [[], [], []],
    );
    assert.deepEqual(net2.ids, net.ids);
    const mutating = fake.calls
      .slice(before)
      .map((c) => c.op)
      .filter((o) => /^(Create|Attach|Associate|Authorize)/.test(o));
    assert.deepEqual(mutating, []);
    assert.equal(fake.count(), 9);
  });

  it('resumes after a crash mid-step (after CreateRouteTable, before CreateRoute) without duplicates', async () => {
    const { fake, cloud } = setup();
    fake.failNext('CreateRoute', awsError('InternalError', 500));
    await assert.rejects(cloud.onboarding.ensureNetwork(TARGET), TransientError);
    const net = await cloud.onboarding.ensureNetwork(TARGET);
    assert.equal(fake.store.rt.size, 1);
    assert.equal(fake.inputsOf('CreateRoute').length, 2);
    fake.failNext('AuthorizeSecurityGroupIngress', awsError('RequestLimitExceeded', 503));
    await assert.rejects(cloud.onboarding.ensureFirewall(TARGET, net.ids), ThrottlingError);
    await cloud.onboarding.ensureFirewall(TARGET, net.ids);
    assert.equal(fake.store.sg.size, 1);
    fake.failNext('CreateAccessKey', awsError('ServiceFailure', 500));
    await assert.rejects(cloud.onboarding.ensureIdentity(TARGET), TransientError);
    await cloud.onboarding.ensureIdentity(TARGET);
    assert.equal(fake.count(), 9);
  });

  it('teardown deletes everything in reverse and leaves zero objects; again is harmless', async () => {
    const { fake, cloud } = setup();
    const net = await cloud.onboarding.ensureNetwork(TARGET);
    await cloud.onboarding.ensureFirewall(TARGET, net.ids);
    await cloud.onboarding.ensureIdentity(TARGET);
    const deleted = await cloud.onboarding.teardown(TARGET);
    assert.deepEqual(
      deleted.map((d) => d.kind),
      [
        'access-key',
        'iam-user-policy',
        'iam-user',
        'security-group',
        'route-table',
        'internet-gateway',
        'subnet',
        'subnet',
        'vpc',
      ],
    );
    assert.equal(fake.count(), 0);
    assert.deepEqual(await cloud.onboarding.teardown(TARGET), []);
    assert.ok(fake.ops().includes('DetachInternetGateway') && fake.ops().includes('DisassociateRouteTable'));
  });
});
