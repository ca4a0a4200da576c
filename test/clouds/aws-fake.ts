// A recording fake of the EC2 and IAM ports: it keeps just enough state to answer the Describe
// calls the adapter makes, records every request, and throws SDK-shaped errors on demand.

import type { _InstanceType, AttachmentStatus, Filter, Tag } from '@aws-sdk/client-ec2';
import type { Ec2Port, IamPort } from '../../src/clouds/aws/port.ts';

export interface Recorded {
  op: string;
  input: unknown;
}

export function awsError(name: string, status: number, message = `${name} happened`): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

interface Obj {
  id: string;
  tags: Tag[];
  vpcId?: string;
  extra: Record<string, unknown>;
}

function tagValue(tags: Tag[], key: string): string | undefined {
  return tags.find((t) => t.Key === key)?.Value;
}

function matches(o: Obj, filters: Filter[] | undefined): boolean {
  return (filters ?? []).every((f) => {
    const values = f.Values ?? [];
    if (f.Name?.startsWith('tag:')) return values.includes(tagValue(o.tags, f.Name.slice(4)) ?? '');
    if (f.Name === 'vpc-id') return values.includes(o.vpcId ?? '');
    if (f.Name === 'group-name') return values.includes(String(o.extra.GroupName));
    return true;
  });
}

export class FakeAws {
  readonly calls: Recorded[] = [];
  private readonly failures = new Map<string, Error[]>();
  private seq = 0;
  readonly store: Record<string, Map<string, Obj>> = {
    vpc: new Map(),
    subnet: new Map(),
    igw: new Map(),
    rt: new Map(),
    sg: new Map(),
    instance: new Map(),
    spot: new Map(),
  };
  readonly users = new Map<string, { policies: Map<string, string>; keys: string[] }>();
  /** Permission names SimulatePrincipalPolicy reports as denied. */
  denied = new Set<string>();

  failNext(op: string, err: Error, times = 1): void {
    this.failures.set(op, [...(this.failures.get(op) ?? []), ...Array<Error>(times).fill(err)]);
  }

  ops(): string[] {
    return this.calls.map((c) => c.op);
  }

  inputsOf<T>(op: string): T[] {
    return this.calls.filter((c) => c.op === op).map((c) => c.input as T);
  }

  count(): number {
    const ec2 = Object.entries(this.store)
      .filter(([k]) => k !== 'instance' && k !== 'spot')
      .reduce((n, [, m]) => n + m.size, 0);
    let iam = 0;
    for (const u of this.users.values()) iam += 1 + u.policies.size + u.keys.length;
    return ec2 + iam;
  }

  private record(op: string, input: unknown): void {
    this.calls.push({ op, input });
    const queue = this.failures.get(op);
    const err = queue?.shift();
    if (err) throw err;
  }

  private id(prefix: string): string {
    return `${prefix}-${String(++this.seq).padStart(8, '0')}`;
  }

  private add(kind: string, prefix: string, tags: Tag[] | undefined, extra: Partial<Obj> = {}): Obj {
    const o: Obj = { id: this.id(prefix), tags: tags ?? [], extra: {}, ...extra };
    this.store[kind].set(o.id, o);
    return o;
  }

  private list(kind: string, filters: Filter[] | undefined): Obj[] {
    return [...this.store[kind].values()].filter((o) => matches(o, filters));
  }

  private del(kind: string, id: string | undefined, code: string): void {
    if (!this.store[kind].delete(id ?? '')) throw awsError(code, 400);
  }

  ec2(): Ec2Port {
    const rec = <T>(op: string, input: unknown, out: () => T): Promise<T> => {
      this.record(op, input);
      return Promise.resolve(out());
    };
    const tagsOf = (ts: { Tags?: Tag[] }[] | undefined) => ts?.[0]?.Tags;
    const meta = { $metadata: {} };
    return {
      runInstances: (i) =>
        rec('RunInstances', i, () => {
          const tags = tagsOf(i.TagSpecifications);
          const o = this.add('instance', 'i', tags, { extra: { ...i } });
          if (i.InstanceMarketOptions) this.add('spot', 'sir', tags, { extra: { InstanceId: o.id } });
          return {
            ...meta,
            Instances: [
              {
                InstanceId: o.id,
                InstanceType: i.InstanceType,
                Placement: { AvailabilityZone: i.Placement?.AvailabilityZone ?? 'us-east-1a' },
                State: { Name: 'pending' },
                Tags: tags,
                InstanceLifecycle: i.InstanceMarketOptions ? 'spot' : undefined,
              },
            ],
          };
        }),
      terminateInstances: (i) =>
        rec('TerminateInstances', i, () => {
          this.del('instance', i.InstanceIds?.[0], 'InvalidInstanceID.NotFound');
          return meta;
        }),
      describeInstances: (i) =>
        rec('DescribeInstances', i, () => ({
          ...meta,
          Reservations: [
            {
              Instances: this.list(
                'instance',
                i.Filters?.filter((f) => f.Name?.startsWith('tag:')),
              ).map((o) => ({
                InstanceId: o.id,
                InstanceType: String(o.extra.InstanceType) as _InstanceType,
                Tags: o.tags,
                State: { Name: 'running' as const },
                Placement: { AvailabilityZone: 'us-east-1a' },
              })),
            },
          ],
        })),
      describeInstanceTypeOfferings: (i) =>
        rec('DescribeInstanceTypeOfferings', i, () => ({
          ...meta,
          InstanceTypeOfferings: [
            { InstanceType: 'm5.large', Location: 'us-east-1a', LocationType: 'availability-zone' as const },
          ],
        })),
      describeSpotPriceHistory: (i) =>
        rec('DescribeSpotPriceHistory', i, () => ({
          ...meta,
          SpotPriceHistory: [
            { AvailabilityZone: 'us-east-1a', InstanceType: 'm5.large', SpotPrice: '0.0301' },
          ],
        })),
      describeSpotInstanceRequests: (i) =>
        rec('DescribeSpotInstanceRequests', i, () => ({
          ...meta,
          SpotInstanceRequests: this.list(
            'spot',
            i.Filters?.filter((f) => f.Name?.startsWith('tag:')),
          ).map((o) => ({
            InstanceId: String(o.extra.InstanceId),
            Status: { Code: 'marked-for-termination', UpdateTime: new Date(Date.UTC(2026, 0, 1)) },
          })),
        })),
      createVpc: (i) =>
        rec('CreateVpc', i, () => ({
          ...meta,
          Vpc: { VpcId: this.add('vpc', 'vpc', tagsOf(i.TagSpecifications)).id },
        })),
      modifyVpcAttribute: (i) => rec('ModifyVpcAttribute', i, () => meta),
      describeVpcs: (i) =>
        rec('DescribeVpcs', i, () => ({
          ...meta,
          Vpcs: this.list('vpc', i.Filters).map((o) => ({ VpcId: o.id })),
        })),
      deleteVpc: (i) => rec('DeleteVpc', i, () => (this.del('vpc', i.VpcId, 'InvalidVpcID.NotFound'), meta)),
      createSubnet: (i) =>
        rec('CreateSubnet', i, () => ({
          ...meta,
          Subnet: {
            SubnetId: this.add('subnet', 'subnet', tagsOf(i.TagSpecifications), { vpcId: i.VpcId }).id,
          },
        })),
      modifySubnetAttribute: (i) => rec('ModifySubnetAttribute', i, () => meta),
      describeSubnets: (i) =>
        rec('DescribeSubnets', i, () => ({
          ...meta,
          Subnets: this.list('subnet', i.Filters).map((o) => ({ SubnetId: o.id })),
        })),
      deleteSubnet: (i) =>
        rec('DeleteSubnet', i, () => (this.del('subnet', i.SubnetId, 'InvalidSubnetID.NotFound'), meta)),
      createInternetGateway: (i) =>
        rec('CreateInternetGateway', i, () => ({
          ...meta,
          InternetGateway: { InternetGatewayId: this.add('igw', 'igw', tagsOf(i.TagSpecifications)).id },
        })),
      attachInternetGateway: (i) =>
        rec('AttachInternetGateway', i, () => {
          const o = this.store.igw.get(i.InternetGatewayId ?? '');
          if (o) o.vpcId = i.VpcId;
          return meta;
        }),
      describeInternetGateways: (i) =>
        rec('DescribeInternetGateways', i, () => ({
          ...meta,
          InternetGateways: this.list('igw', i.Filters).map((o) => ({
            InternetGatewayId: o.id,
            Attachments: o.vpcId ? [{ VpcId: o.vpcId, State: 'available' as AttachmentStatus }] : [],
          })),
        })),
      detachInternetGateway: (i) =>
        rec('DetachInternetGateway', i, () => {
          const o = this.store.igw.get(i.InternetGatewayId ?? '');
          if (o) o.vpcId = undefined;
          return meta;
        }),
      deleteInternetGateway: (i) =>
        rec(
          'DeleteInternetGateway',
          i,
          () => (this.del('igw', i.InternetGatewayId, 'InvalidInternetGatewayID.NotFound'), meta),
        ),
      createRouteTable: (i) =>
        rec('CreateRouteTable', i, () => ({
          ...meta,
          RouteTable: {
            RouteTableId: this.add('rt', 'rtb', tagsOf(i.TagSpecifications), {
              vpcId: i.VpcId,
              extra: { routes: [], assoc: [] },
            }).id,
          },
        })),
      createRoute: (i) =>
        rec('CreateRoute', i, () => {
          (this.store.rt.get(i.RouteTableId ?? '')?.extra.routes as string[]).push(
            i.DestinationCidrBlock ?? '',
          );
          return { ...meta, Return: true };
        }),
      associateRouteTable: (i) =>
        rec('AssociateRouteTable', i, () => {
          (this.store.rt.get(i.RouteTableId ?? '')?.extra.assoc as string[]).push(i.SubnetId ?? '');
          return { ...meta, AssociationId: `rtbassoc-${i.SubnetId}` };
        }),
      describeRouteTables: (i) =>
        rec('DescribeRouteTables', i, () => ({
          ...meta,
          RouteTables: this.list('rt', i.Filters).map((o) => ({
            RouteTableId: o.id,
            Routes: (o.extra.routes as string[]).map((d) => ({ DestinationCidrBlock: d })),
            Associations: (o.extra.assoc as string[]).map((s) => ({
              SubnetId: s,
              RouteTableAssociationId: `rtbassoc-${s}`,
            })),
          })),
        })),
      disassociateRouteTable: (i) =>
        rec('DisassociateRouteTable', i, () => {
          for (const o of this.store.rt.values())
            o.extra.assoc = (o.extra.assoc as string[]).filter((s) => `rtbassoc-${s}` !== i.AssociationId);
          return meta;
        }),
      deleteRouteTable: (i) =>
        rec(
          'DeleteRouteTable',
          i,
          () => (this.del('rt', i.RouteTableId, 'InvalidRouteTableID.NotFound'), meta),
        ),
      createSecurityGroup: (i) =>
        rec('CreateSecurityGroup', i, () => ({
          ...meta,
          GroupId: this.add('sg', 'sg', tagsOf(i.TagSpecifications), {
            vpcId: i.VpcId,
            extra: { GroupName: i.GroupName, perms: [] },
          }).id,
        })),
      authorizeSecurityGroupIngress: (i) =>
        rec('AuthorizeSecurityGroupIngress', i, () => {
          const o = this.store.sg.get(i.GroupId ?? '');
          if (o) o.extra.perms = i.IpPermissions ?? [];
          return { ...meta, Return: true };
        }),
      describeSecurityGroups: (i) =>
        rec('DescribeSecurityGroups', i, () => ({
          ...meta,
          SecurityGroups: this.list('sg', i.Filters).map((o) => ({
            GroupId: o.id,
            GroupName: String(o.extra.GroupName),
            IpPermissions: o.extra.perms as [],
          })),
        })),
      deleteSecurityGroup: (i) =>
        rec('DeleteSecurityGroup', i, () => (this.del('sg', i.GroupId, 'InvalidGroup.NotFound'), meta)),
    };
  }

  iam(): IamPort {
    const rec = <T>(op: string, input: unknown, out: () => T): Promise<T> => {
      this.record(op, input);
      return Promise.resolve(out());
    };
    const meta = { $metadata: {} };
    const user = (name: string | undefined) => {
      const u = this.users.get(name ?? '');
      if (!u) throw awsError('NoSuchEntity', 404);
      return u;
    };
    return {
      getUser: (i) =>
        rec('GetUser', i, () => {
          if (i.UserName === undefined)
            return {
              ...meta,
              User: {
                UserName: 'onboarder',
                UserId: 'AIDAONBOARDER',
                Arn: 'arn:aws:iam::123456789012:user/onboarder',
                Path: '/',
                CreateDate: new Date(0),
              },
            };
          user(i.UserName);
          return {
            ...meta,
            User: {
              UserName: i.UserName,
              UserId: `AIDA-${i.UserName}`,
              Arn: `arn:aws:iam::123456789012:user/${i.UserName}`,
              Path: '/',
              CreateDate: new Date(0),
            },
          };
        }),
      createUser: (i) =>
        rec('CreateUser', i, () => {
          this.users.set(i.UserName ?? '', { policies: new Map(), keys: [] });
          return {
            ...meta,
            User: {
              UserName: i.UserName ?? '',
              UserId: `AIDA-${i.UserName}`,
              Arn: '',
              Path: '/',
              CreateDate: new Date(0),
            },
          };
        }),
      deleteUser: (i) =>
        rec('DeleteUser', i, () => {
          user(i.UserName);
          this.users.delete(i.UserName ?? '');
          return meta;
        }),
      getUserPolicy: (i) =>
        rec('GetUserPolicy', i, () => {
          const doc = user(i.UserName).policies.get(i.PolicyName ?? '');
          if (!doc) throw awsError('NoSuchEntity', 404);
          return { ...meta, UserName: i.UserName ?? '', PolicyName: i.PolicyName ?? '', PolicyDocument: doc };
        }),
      putUserPolicy: (i) =>
        rec(
          'PutUserPolicy',
          i,
          () => (user(i.UserName).policies.set(i.PolicyName ?? '', i.PolicyDocument ?? ''), meta),
        ),
      deleteUserPolicy: (i) =>
        rec('DeleteUserPolicy', i, () => {
          if (!user(i.UserName).policies.delete(i.PolicyName ?? '')) throw awsError('NoSuchEntity', 404);
          return meta;
        }),
      createAccessKey: (i) =>
        rec('CreateAccessKey', i, () => {
          const id = `AKIA${String(++this.seq).padStart(16, '0')}`;
          user(i.UserName).keys.push(id);
          return {
            ...meta,
            AccessKey: {
              UserName: i.UserName ?? '',
              AccessKeyId: id,
              SecretAccessKey: `secret${'x'.repeat(34)}`,
              Status: 'Active' as const,
            },
          };
        }),
      listAccessKeys: (i) =>
        rec('ListAccessKeys', i, () => ({
          ...meta,
          AccessKeyMetadata: user(i.UserName).keys.map((k) => ({ AccessKeyId: k })),
        })),
      deleteAccessKey: (i) =>
        rec('DeleteAccessKey', i, () => {
          const u = user(i.UserName);
          u.keys = u.keys.filter((k) => k !== i.AccessKeyId);
          return meta;
        }),
      simulatePrincipalPolicy: (i) =>
        rec('SimulatePrincipalPolicy', i, () => ({
          ...meta,
          IsTruncated: false,
          EvaluationResults: (i.ActionNames ?? []).map((a) => ({
            EvalActionName: a,
            EvalDecision: this.denied.has(a) ? ('implicitDeny' as const) : ('allowed' as const),
          })),
        })),
    };
  }
}
