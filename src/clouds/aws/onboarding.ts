// Edge-location onboarding on AWS: VPC, a public subnet per zone, internet gateway, route table,
// security group, and an IAM user with the least-privilege policy and one access key. Every object
// is found by its Name tag and omni's edge-location tag before anything is created.

import type { Filter, IpPermission, RouteTable } from '@aws-sdk/client-ec2';
import { cidrSubnet, DEFAULT_NETWORK_CIDR } from '../cidr.ts';
import { Credentials } from '../credentials.ts';
import { AWS_EDGE_NODE_ACTIONS, AWS_ONBOARDING_PERMISSIONS, EDGE_INGRESS_PORTS } from '../permissions.ts';
import { StepLog } from '../step-log.ts';
import { tagKey, toCloudTags } from '../tags.ts';
import { omniObjectName } from '../types.ts';
import type {
  CloudObjectRef,
  EdgeLocationOnboarding,
  EdgeLocationTarget,
  FirewallIds,
  IdentityIds,
  NetworkIds,
  PreflightResult,
  StepResult,
} from '../types.ts';
import { awsTags } from './compute.ts';
import { isAwsNotFound, mapAwsError } from './errors.ts';
import type { Ec2Port, Ec2PortFor, IamPort } from './port.ts';

export interface AwsOnboardingDeps {
  ec2: Ec2PortFor;
  iam: IamPort;
  credentials?: Credentials;
  /** ARN of the onboarding principal; read with GetUser when not given. */
  principalArn?: string;
}

const SIMULATE_BATCH = 50;

export function awsPolicyName(location: string): string {
  return `CastaiOmniEdgeLocation-${location}-Policy`;
}

export function awsEdgePolicyDocument(): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'CastaiOmniEdgeNodes', Effect: 'Allow', Action: [...AWS_EDGE_NODE_ACTIONS], Resource: '*' },
    ],
  });
}

function locationTags(t: EdgeLocationTarget) {
  return { clusterId: t.clusterId, edgeLocation: t.name };
}

function nameFilters(t: EdgeLocationTarget, name: string): Filter[] {
  return [
    { Name: 'tag:Name', Values: [name] },
    { Name: `tag:${tagKey('aws', 'edgeLocation')}`, Values: [t.name] },
  ];
}

function ingressRules(sourceCidr: string): IpPermission[] {
  return EDGE_INGRESS_PORTS.map((p) => ({
    IpProtocol: p.protocol,
    FromPort: p.port,
    ToPort: p.port,
    IpRanges: [{ CidrIp: sourceCidr, Description: 'castai-omni edge location' }],
  }));
}

export class AwsOnboarding implements EdgeLocationOnboarding {
  constructor(private readonly deps: AwsOnboardingDeps) {}

  async preflight(_target: EdgeLocationTarget): Promise<PreflightResult> {
    const arn =
      this.deps.principalArn ?? (await this.call('GetUser', () => this.deps.iam.getUser({}))).User?.Arn ?? '';
    const checked = [...AWS_ONBOARDING_PERMISSIONS];
    const missing: string[] = [];
    for (let i = 0; i < checked.length; i += SIMULATE_BATCH) {
      missing.push(...(await this.simulate(arn, checked.slice(i, i + SIMULATE_BATCH))));
    }
    return { ok: missing.length === 0, missing, checked };
  }

  async ensureNetwork(t: EdgeLocationTarget): Promise<StepResult<NetworkIds>> {
    const ec2 = this.deps.ec2(t.region);
    const log = new StepLog();
    const networkId = await this.ensureVpc(ec2, t, log);
    const subnetIds: Record<string, string> = {};
    for (const [i, zone] of t.zones.entries())
      subnetIds[zone] = await this.ensureSubnet(ec2, t, { networkId, zone, index: i }, log);
    const gatewayId = await this.ensureGateway(ec2, t, networkId, log);
    const routeTableId = await this.ensureRouteTable(ec2, t, { networkId, gatewayId, subnetIds }, log);
    return log.result({ networkId, subnetIds, gatewayId, routeTableId });
  }

  async ensureFirewall(t: EdgeLocationTarget, network: NetworkIds): Promise<StepResult<FirewallIds>> {
    const ec2 = this.deps.ec2(t.region);
    const log = new StepLog();
    const name = omniObjectName(t.name, 'sg');
    const found = await this.call('DescribeSecurityGroups', () =>
      ec2.describeSecurityGroups({
        Filters: [
          { Name: 'vpc-id', Values: [network.networkId] },
          { Name: 'group-name', Values: [name] },
        ],
      }),
    );
    const existing = found.SecurityGroups?.[0];
    let groupId = existing?.GroupId;
    if (!groupId) {
      const created = await this.call('CreateSecurityGroup', () =>
        ec2.createSecurityGroup({
          GroupName: name,
          Description: `castai-omni edge location ${t.name}`,
          VpcId: network.networkId,
          TagSpecifications: [{ ResourceType: 'security-group', Tags: awsTags(locationTags(t), name) }],
        }),
      );
      groupId = created.GroupId ?? '';
    }
    if ((existing?.IpPermissions ?? []).length === 0) {
      await this.call('AuthorizeSecurityGroupIngress', () =>
        ec2.authorizeSecurityGroupIngress({
          GroupId: groupId,
          IpPermissions: ingressRules(t.ingressSourceCidr ?? '0.0.0.0/0'),
        }),
      ).catch((err: unknown) => ignoreCode(err, 'InvalidPermission.Duplicate'));
    }
    log.note('security-group', groupId, name, !existing);
    return log.result({ firewallIds: [groupId] });
  }

  async ensureIdentity(t: EdgeLocationTarget, knownKeyId?: string): Promise<StepResult<IdentityIds>> {
    const log = new StepLog();
    const userName = omniObjectName(t.name);
    const identityId = await this.ensureUser(t, userName, log);
    const policyName = awsPolicyName(t.name);
    const hadPolicy = await this.exists(() =>
      this.deps.iam.getUserPolicy({ UserName: userName, PolicyName: policyName }),
    );
    await this.call('PutUserPolicy', () =>
      this.deps.iam.putUserPolicy({
        UserName: userName,
        PolicyName: policyName,
        PolicyDocument: awsEdgePolicyDocument(),
      }),
    );
    log.note('iam-user-policy', policyName, policyName, !hadPolicy);
    const { keyId, credentials } = await this.ensureKey(userName, knownKeyId, log);
    return log.result({ identityId, policyIds: [policyName], keyId, credentials });
  }

  async teardown(t: EdgeLocationTarget): Promise<CloudObjectRef[]> {
    const deleted: CloudObjectRef[] = [];
    await this.teardownIdentity(t, deleted);
    const ec2 = this.deps.ec2(t.region);
    const vpcs =
      (
        await this.call('DescribeVpcs', () =>
          ec2.describeVpcs({ Filters: nameFilters(t, omniObjectName(t.name)) }),
        )
      ).Vpcs ?? [];
    for (const vpc of vpcs) await this.teardownVpc(ec2, t, vpc.VpcId ?? '', deleted);
    return deleted;
  }

  // ---- network ------------------------------------------------------------------------------

  private async ensureVpc(ec2: Ec2Port, t: EdgeLocationTarget, log: StepLog): Promise<string> {
    const name = omniObjectName(t.name);
    const found = await this.call('DescribeVpcs', () => ec2.describeVpcs({ Filters: nameFilters(t, name) }));
    const existing = found.Vpcs?.[0]?.VpcId;
    if (existing) return log.note('vpc', existing, name, false);
    const res = await this.call('CreateVpc', () =>
      ec2.createVpc({
        CidrBlock: t.networkCidr ?? DEFAULT_NETWORK_CIDR,
        TagSpecifications: [{ ResourceType: 'vpc', Tags: awsTags(locationTags(t), name) }],
      }),
    );
    const vpcId = res.Vpc?.VpcId ?? '';
    await this.call('ModifyVpcAttribute', () =>
      ec2.modifyVpcAttribute({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }),
    );
    return log.note('vpc', vpcId, name, true);
  }

  private async ensureSubnet(
    ec2: Ec2Port,
    t: EdgeLocationTarget,
    at: { networkId: string; zone: string; index: number },
    log: StepLog,
  ): Promise<string> {
    const name = omniObjectName(t.name, at.zone);
    const found = await this.call('DescribeSubnets', () =>
      ec2.describeSubnets({ Filters: [{ Name: 'vpc-id', Values: [at.networkId] }, ...nameFilters(t, name)] }),
    );
    const existing = found.Subnets?.[0]?.SubnetId;
    if (existing) return log.note('subnet', existing, name, false);
    const res = await this.call('CreateSubnet', () =>
      ec2.createSubnet({
        VpcId: at.networkId,
        AvailabilityZone: at.zone,
        CidrBlock: cidrSubnet(t.networkCidr ?? DEFAULT_NETWORK_CIDR, 8, at.index),
        TagSpecifications: [{ ResourceType: 'subnet', Tags: awsTags(locationTags(t), name) }],
      }),
    );
    const subnetId = res.Subnet?.SubnetId ?? '';
    await this.call('ModifySubnetAttribute', () =>
      ec2.modifySubnetAttribute({ SubnetId: subnetId, MapPublicIpOnLaunch: { Value: true } }),
    );
    return log.note('subnet', subnetId, name, true);
  }

  private async ensureGateway(
    ec2: Ec2Port,
    t: EdgeLocationTarget,
    vpcId: string,
    log: StepLog,
  ): Promise<string> {
    const name = omniObjectName(t.name, 'igw');
    const found = await this.call('DescribeInternetGateways', () =>
      ec2.describeInternetGateways({ Filters: nameFilters(t, name) }),
    );
    const existing = found.InternetGateways?.[0];
    let igwId = existing?.InternetGatewayId;
    if (!igwId) {
      const res = await this.call('CreateInternetGateway', () =>
        ec2.createInternetGateway({
          TagSpecifications: [{ ResourceType: 'internet-gateway', Tags: awsTags(locationTags(t), name) }],
        }),
      );
      igwId = res.InternetGateway?.InternetGatewayId ?? '';
    }
    if (!(existing?.Attachments ?? []).some((a) => a.VpcId === vpcId)) {
      const id = igwId;
      await this.call('AttachInternetGateway', () =>
        ec2.attachInternetGateway({ InternetGatewayId: id, VpcId: vpcId }),
      );
    }
    return log.note('internet-gateway', igwId, name, !existing);
  }

  private async ensureRouteTable(
    ec2: Ec2Port,
    t: EdgeLocationTarget,
    net: { networkId: string; gatewayId: string; subnetIds: Record<string, string> },
    log: StepLog,
  ): Promise<string> {
    const name = omniObjectName(t.name, 'rt');
    const found = await this.call('DescribeRouteTables', () =>
      ec2.describeRouteTables({ Filters: nameFilters(t, name) }),
    );
    const existing = found.RouteTables?.[0];
    let rtId = existing?.RouteTableId;
    if (!rtId) {
      const res = await this.call('CreateRouteTable', () =>
        ec2.createRouteTable({
          VpcId: net.networkId,
          TagSpecifications: [{ ResourceType: 'route-table', Tags: awsTags(locationTags(t), name) }],
        }),
      );
      rtId = res.RouteTable?.RouteTableId ?? '';
    }
    await this.ensureRoutes(ec2, { id: rtId, existing, net });
    return log.note('route-table', rtId, name, !existing);
  }

  private async ensureRoutes(
    ec2: Ec2Port,
    rt: {
      id: string;
      existing: RouteTable | undefined;
      net: { gatewayId: string; subnetIds: Record<string, string> };
    },
  ): Promise<void> {
    const { id, existing, net } = rt;
    if (!(existing?.Routes ?? []).some((r) => r.DestinationCidrBlock === '0.0.0.0/0')) {
      await this.call('CreateRoute', () =>
        ec2.createRoute({ RouteTableId: id, DestinationCidrBlock: '0.0.0.0/0', GatewayId: net.gatewayId }),
      );
    }
    const associated = new Set((existing?.Associations ?? []).map((a) => a.SubnetId));
    for (const subnetId of Object.values(net.subnetIds).filter((s) => !associated.has(s))) {
      await this.call('AssociateRouteTable', () =>
        ec2.associateRouteTable({ RouteTableId: id, SubnetId: subnetId }),
      );
    }
  }

  private async teardownVpc(
    ec2: Ec2Port,
    t: EdgeLocationTarget,
    vpcId: string,
    deleted: CloudObjectRef[],
  ): Promise<void> {
    await this.teardownSecurityGroups(ec2, t, vpcId, deleted);
    await this.teardownRouteTables(ec2, t, deleted);
    await this.teardownGateways(ec2, t, vpcId, deleted);
    const subnets =
      (
        await this.call('DescribeSubnets', () =>
          ec2.describeSubnets({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }),
        )
      ).Subnets ?? [];
    for (const s of subnets) {
      await this.remove(deleted, { kind: 'subnet', id: s.SubnetId ?? '', name: '' }, () =>
        ec2.deleteSubnet({ SubnetId: s.SubnetId }),
      );
    }
    await this.remove(deleted, { kind: 'vpc', id: vpcId, name: omniObjectName(t.name) }, () =>
      ec2.deleteVpc({ VpcId: vpcId }),
    );
  }

  private async teardownSecurityGroups(
    ec2: Ec2Port,
    t: EdgeLocationTarget,
    vpcId: string,
    deleted: CloudObjectRef[],
  ): Promise<void> {
    const name = omniObjectName(t.name, 'sg');
    const filters = [
      { Name: 'vpc-id', Values: [vpcId] },
      { Name: 'group-name', Values: [name] },
    ];
    const sgs =
      (await this.call('DescribeSecurityGroups', () => ec2.describeSecurityGroups({ Filters: filters })))
        .SecurityGroups ?? [];
    for (const sg of sgs) {
      await this.remove(deleted, { kind: 'security-group', id: sg.GroupId ?? '', name }, () =>
        ec2.deleteSecurityGroup({ GroupId: sg.GroupId }),
      );
    }
  }

  private async teardownRouteTables(
    ec2: Ec2Port,
    t: EdgeLocationTarget,
    deleted: CloudObjectRef[],
  ): Promise<void> {
    const name = omniObjectName(t.name, 'rt');
    const rts =
      (
        await this.call('DescribeRouteTables', () =>
          ec2.describeRouteTables({ Filters: nameFilters(t, name) }),
        )
      ).RouteTables ?? [];
    for (const rt of rts) {
      for (const a of rt.Associations ?? []) {
        const ref = { kind: 'route-table-association', id: a.RouteTableAssociationId ?? '', name };
        await this.remove([], ref, () =>
          ec2.disassociateRouteTable({ AssociationId: a.RouteTableAssociationId }),
        );
      }
      await this.remove(deleted, { kind: 'route-table', id: rt.RouteTableId ?? '', name }, () =>
        ec2.deleteRouteTable({ RouteTableId: rt.RouteTableId }),
      );
    }
  }

  private async teardownGateways(
    ec2: Ec2Port,
    t: EdgeLocationTarget,
    vpcId: string,
    deleted: CloudObjectRef[],
  ): Promise<void> {
    const name = omniObjectName(t.name, 'igw');
    const igws =
      (
        await this.call('DescribeInternetGateways', () =>
          ec2.describeInternetGateways({ Filters: nameFilters(t, name) }),
        )
      ).InternetGateways ?? [];
    for (const igw of igws) {
      const id = igw.InternetGatewayId ?? '';
      if ((igw.Attachments ?? []).length > 0) {
        await this.remove([], { kind: 'igw-attachment', id, name }, () =>
          ec2.detachInternetGateway({ InternetGatewayId: id, VpcId: vpcId }),
        );
      }
      await this.remove(deleted, { kind: 'internet-gateway', id, name }, () =>
        ec2.deleteInternetGateway({ InternetGatewayId: id }),
      );
    }
  }

  // ---- identity -----------------------------------------------------------------------------

  private async ensureUser(t: EdgeLocationTarget, userName: string, log: StepLog): Promise<string> {
    try {
      const res = await this.deps.iam.getUser({ UserName: userName });
      return log.note('iam-user', res.User?.UserId ?? userName, userName, false);
    } catch (err) {
      if (!isAwsNotFound(err))
        throw mapAwsError(err, { operation: 'GetUser', credentials: this.deps.credentials });
    }
    const tags = Object.entries(toCloudTags('aws', locationTags(t))).map(([Key, Value]) => ({ Key, Value }));
    const res = await this.call('CreateUser', () =>
      this.deps.iam.createUser({ UserName: userName, Tags: tags }),
    );
    return log.note('iam-user', res.User?.UserId ?? userName, userName, true);
  }

  private async ensureKey(
    userName: string,
    knownKeyId: string | undefined,
    log: StepLog,
  ): Promise<{ keyId: string; credentials?: Credentials }> {
    const keys =
      (await this.call('ListAccessKeys', () => this.deps.iam.listAccessKeys({ UserName: userName })))
        .AccessKeyMetadata ?? [];
    const known = keys.find((k) => k.AccessKeyId === knownKeyId);
    for (const k of keys.filter((x) => x !== known)) {
      await this.call('DeleteAccessKey', () =>
        this.deps.iam.deleteAccessKey({ UserName: userName, AccessKeyId: k.AccessKeyId }),
      );
    }
    if (known?.AccessKeyId) return { keyId: log.note('access-key', known.AccessKeyId, userName, false) };
    const res = await this.call('CreateAccessKey', () =>
      this.deps.iam.createAccessKey({ UserName: userName }),
    );
    const keyId = res.AccessKey?.AccessKeyId ?? '';
    const credentials = new Credentials(keyId, {
      accessKeyId: keyId,
      secretAccessKey: res.AccessKey?.SecretAccessKey ?? '',
    });
    return { keyId: log.note('access-key', keyId, userName, true), credentials };
  }

  private async teardownIdentity(t: EdgeLocationTarget, deleted: CloudObjectRef[]): Promise<void> {
    const userName = omniObjectName(t.name);
    if (!(await this.exists(() => this.deps.iam.getUser({ UserName: userName })))) return;
    const keys =
      (await this.call('ListAccessKeys', () => this.deps.iam.listAccessKeys({ UserName: userName })))
        .AccessKeyMetadata ?? [];
    for (const k of keys) {
      await this.remove(deleted, { kind: 'access-key', id: k.AccessKeyId ?? '', name: userName }, () =>
        this.deps.iam.deleteAccessKey({ UserName: userName, AccessKeyId: k.AccessKeyId }),
      );
    }
    const policyName = awsPolicyName(t.name);
    await this.remove(deleted, { kind: 'iam-user-policy', id: policyName, name: policyName }, () =>
      this.deps.iam.deleteUserPolicy({ UserName: userName, PolicyName: policyName }),
    );
    await this.remove(deleted, { kind: 'iam-user', id: userName, name: userName }, () =>
      this.deps.iam.deleteUser({ UserName: userName }),
    );
  }

  // ---- helpers ------------------------------------------------------------------------------

  private async simulate(arn: string, actions: string[]): Promise<string[]> {
    const missing: string[] = [];
    let Marker: string | undefined;
    do {
      const res = await this.call('SimulatePrincipalPolicy', () =>
        this.deps.iam.simulatePrincipalPolicy({ PolicySourceArn: arn, ActionNames: actions, Marker }),
      );
      for (const r of res.EvaluationResults ?? [])
        if (r.EvalDecision !== 'allowed') missing.push(r.EvalActionName ?? '');
      Marker = res.IsTruncated ? res.Marker : undefined;
    } while (Marker);
    return missing;
  }

  private async exists(fn: () => Promise<unknown>): Promise<boolean> {
    try {
      await fn();
      return true;
    } catch (err) {
      if (isAwsNotFound(err)) return false;
      throw mapAwsError(err, { operation: 'Get', credentials: this.deps.credentials });
    }
  }

  /** Deletes one object; already gone counts as deleted. */
  private async remove(
    deleted: CloudObjectRef[],
    ref: CloudObjectRef,
    fn: () => Promise<unknown>,
  ): Promise<void> {
    try {
      await fn();
    } catch (err) {
      if (!isAwsNotFound(err))
        throw mapAwsError(err, { operation: `Delete ${ref.kind}`, credentials: this.deps.credentials });
    }
    deleted.push(ref);
  }

  private async call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw mapAwsError(err, { operation, credentials: this.deps.credentials });
    }
  }
}

function ignoreCode(err: unknown, code: string): void {
  if (!(err instanceof Error && 'code' in err && err.code === code)) throw err;
}
