// Instances on EC2: ranked launch with Spot options, user data and omni's tags; listing by tag;
// Spot interruption notices from the Spot request status.

import type { _InstanceType, Filter, Instance, Tag } from '@aws-sdk/client-ec2';
import type { Catalog } from '../../catalog/types.ts';
import type { Credentials } from '../credentials.ts';
import type { OfferingKey } from '../errors.ts';
import { launchWithFallback } from '../launch.ts';
import { lifecyclesOf, toLiveOffering } from '../live-offering.ts';
import { fromCloudTags, tagKey, toCloudTags } from '../tags.ts';
import type {
  Clock,
  CloudCompute,
  CloudInstance,
  InstanceFilter,
  InstanceState,
  LaunchRequest,
  LaunchResult,
  LiveOffering,
  OfferingFilter,
  OmniTags,
  SpotInterruptionNotice,
} from '../types.ts';
import { mapAwsError } from './errors.ts';
import type { Ec2PortFor } from './port.ts';

export const AWS_SPOT_NOTICE_MS = 120_000;
/** Ubuntu 24.04 through the public SSM parameter: RunInstances resolves it, no DescribeImages needed. */
export const AWS_DEFAULT_IMAGE =
  'resolve:ssm:/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id';
const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down'];

export interface AwsDeps {
  ec2: Ec2PortFor;
  /** Region used when a call names none (the edge location's region). */
  region: string;
  catalog: Catalog;
  clock: Clock;
  /** Only used to scrub secrets out of error messages. */
  credentials?: Credentials;
}

export function awsTags(tags: OmniTags, name: string): Tag[] {
  return [
    { Key: 'Name', Value: name },
    ...Object.entries(toCloudTags('aws', tags)).map(([Key, Value]) => ({ Key, Value })),
  ];
}

export function tagFilters(filter: InstanceFilter): Filter[] {
  const out: Filter[] = [{ Name: `tag:${tagKey('aws', 'clusterId')}`, Values: [filter.clusterId] }];
  if (filter.edgeLocation)
    out.push({ Name: `tag:${tagKey('aws', 'edgeLocation')}`, Values: [filter.edgeLocation] });
  if (filter.nodeClaim) out.push({ Name: `tag:${tagKey('aws', 'nodeClaim')}`, Values: [filter.nodeClaim] });
  return out;
}

function tagRecord(tags: Tag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}

function stateOf(name: string | undefined): InstanceState {
  if (name === 'pending') return 'pending';
  if (name === 'running') return 'running';
  if (name === 'terminated') return 'terminated';
  return 'terminating';
}

/** ClientToken makes RunInstances idempotent: a retried launch of the same claim gets the same instance. */
function clientToken(tags: OmniTags, o: OfferingKey): string {
  return `${tags.nodeClaim ?? 'omni'}-${o.zone}-${o.instanceType}-${o.lifecycle}`.slice(0, 64);
}

export class AwsCompute implements CloudCompute {
  readonly cloud = 'aws' as const;

  constructor(private readonly deps: AwsDeps) {}

  async listOfferings(filter: OfferingFilter): Promise<LiveOffering[]> {
    const offered = await this.offeredInZones(filter);
    const spotPrice = new Map<string, number>();
    if (filter.lifecycle !== 'on-demand') await this.readSpotPrices(filter, spotPrice);
    const zones = filter.zones ?? [...new Set([...offered].map((k) => k.split('/')[0]))].sort();
    return this.catalogRows(filter, zones).flatMap((row) => {
      const key = `${row.zone}/${row.instanceType}`;
      return lifecyclesOf(filter).flatMap((lifecycle) => {
        const price =
          lifecycle === 'spot' ? (spotPrice.get(key) ?? row.spotPricePerHour) : row.onDemandPricePerHour;
        return price === null ? [] : [toLiveOffering(row, lifecycle, price, offered.has(key))];
      });
    });
  }

  /** "zone/type" for every type EC2 offers in the region's zones (or the zones asked for). */
  private async offeredInZones(filter: OfferingFilter): Promise<Set<string>> {
    const offered = new Set<string>();
    let NextToken: string | undefined;
    do {
      const res = await this.call('DescribeInstanceTypeOfferings', () =>
        this.deps.ec2(filter.region).describeInstanceTypeOfferings({
          LocationType: 'availability-zone',
          ...(filter.zones ? { Filters: [{ Name: 'location', Values: filter.zones }] } : {}),
          NextToken,
        }),
      );
      for (const o of res.InstanceTypeOfferings ?? []) offered.add(`${o.Location}/${o.InstanceType}`);
      NextToken = res.NextToken;
    } while (NextToken);
    return offered;
  }

  async launch(request: LaunchRequest): Promise<LaunchResult> {
    return launchWithFallback(request.offerings, (o) => this.launchOne(o, request));
  }

  async terminate(region: string, instanceId: string): Promise<void> {
    try {
      await this.deps.ec2(region).terminateInstances({ InstanceIds: [instanceId] });
    } catch (err) {
      const mapped = mapAwsError(err, {
        operation: 'TerminateInstances',
        credentials: this.deps.credentials,
      });
      if (mapped.code !== 'InvalidInstanceID.NotFound') throw mapped;
    }
  }

  async listInstances(filter: InstanceFilter): Promise<CloudInstance[]> {
    const out: CloudInstance[] = [];
    const region = filter.region ?? this.deps.region;
    let NextToken: string | undefined;
    do {
      const res = await this.call('DescribeInstances', () =>
        this.deps.ec2(region).describeInstances({
          Filters: [...tagFilters(filter), { Name: 'instance-state-name', Values: LIVE_STATES }],
          NextToken,
        }),
      );
      for (const r of res.Reservations ?? [])
        out.push(...(r.Instances ?? []).flatMap((i) => this.toInstance(i, region)));
      NextToken = res.NextToken;
    } while (NextToken);
    return out;
  }

  async pollInterruptions(filter: InstanceFilter): Promise<SpotInterruptionNotice[]> {
    const res = await this.call('DescribeSpotInstanceRequests', () =>
      this.deps.ec2(filter.region ?? this.deps.region).describeSpotInstanceRequests({
        Filters: [...tagFilters(filter), { Name: 'status-code', Values: ['marked-for-termination'] }],
      }),
    );
    return (res.SpotInstanceRequests ?? []).flatMap((r) => {
      if (!r.InstanceId) return [];
      const noticeTime = r.Status?.UpdateTime?.getTime() ?? this.deps.clock.now();
      return [{ instanceId: r.InstanceId, noticeTime, terminateAt: noticeTime + AWS_SPOT_NOTICE_MS }];
    });
  }

  private async launchOne(o: OfferingKey, request: LaunchRequest): Promise<CloudInstance> {
    const p = request.placement ?? {};
    const subnetId = p.subnetIds?.[o.zone];
    const name = request.tags.nodeClaim ?? 'castai-omni-node';
    const tags = awsTags(request.tags, name);
    const res = await this.call(
      'RunInstances',
      () =>
        this.deps.ec2(o.region).runInstances({
          ImageId: p.imageId ?? AWS_DEFAULT_IMAGE,
          InstanceType: o.instanceType as _InstanceType,
          MinCount: 1,
          MaxCount: 1,
          UserData: Buffer.from(request.userData, 'utf8').toString('base64'),
          ClientToken: clientToken(request.tags, o),
          ...(subnetId ? { SubnetId: subnetId } : { Placement: { AvailabilityZone: o.zone } }),
          ...(p.securityGroupIds?.length ? { SecurityGroupIds: p.securityGroupIds } : {}),
          ...(o.lifecycle === 'spot'
            ? {
                InstanceMarketOptions: {
                  MarketType: 'spot',
                  SpotOptions: { SpotInstanceType: 'one-time', InstanceInterruptionBehavior: 'terminate' },
                },
              }
            : {}),
          BlockDeviceMappings: [
            {
              DeviceName: '/dev/sda1',
              Ebs: { VolumeSize: p.bootDiskSizeGiB ?? 100, VolumeType: 'gp3', DeleteOnTermination: true },
            },
          ],
          MetadataOptions: { HttpTokens: 'required' },
          TagSpecifications: [
            { ResourceType: 'instance', Tags: tags },
            { ResourceType: 'volume', Tags: tags },
            ...(o.lifecycle === 'spot'
              ? [{ ResourceType: 'spot-instances-request' as const, Tags: tags }]
              : []),
          ],
        }),
      o,
    );
    const inst = res.Instances?.[0];
    const instance = inst ? this.toInstance(inst, o.region)[0] : undefined;
    if (!instance)
      throw mapAwsError(
        { name: 'InternalError', message: 'RunInstances returned no instance' },
        { operation: 'RunInstances' },
      );
    return { ...instance, lifecycle: o.lifecycle, tags: { ...request.tags } };
  }

  private toInstance(i: Instance, region: string): CloudInstance[] {
    const tags = fromCloudTags('aws', tagRecord(i.Tags));
    if (!i.InstanceId || !tags) return [];
    return [
      {
        id: i.InstanceId,
        cloud: 'aws',
        region,
        zone: i.Placement?.AvailabilityZone ?? '',
        instanceType: i.InstanceType ?? '',
        lifecycle: i.InstanceLifecycle === 'spot' ? 'spot' : 'on-demand',
        state: stateOf(i.State?.Name),
        launchedAt: i.LaunchTime?.getTime() ?? this.deps.clock.now(),
        tags,
        privateIp: i.PrivateIpAddress,
      },
    ];
  }

  private async readSpotPrices(filter: OfferingFilter, into: Map<string, number>): Promise<void> {
    const res = await this.call('DescribeSpotPriceHistory', () =>
      this.deps.ec2(filter.region).describeSpotPriceHistory({
        StartTime: new Date(this.deps.clock.now()),
        ProductDescriptions: ['Linux/UNIX'],
        ...(filter.instanceTypes ? { InstanceTypes: filter.instanceTypes as _InstanceType[] } : {}),
      }),
    );
    for (const h of res.SpotPriceHistory ?? []) {
      const key = `${h.AvailabilityZone}/${h.InstanceType}`;
      if (!into.has(key) && h.SpotPrice) into.set(key, Number(h.SpotPrice));
    }
  }

  private catalogRows(filter: OfferingFilter, zones: string[]) {
    return this.deps.catalog
      .query({ cloud: 'aws', region: filter.region })
      .flatMap((o) => (o.zone === '' ? zones.map((zone) => ({ ...o, zone })) : [o]))
      .filter(
        (o) =>
          zones.includes(o.zone) && (!filter.instanceTypes || filter.instanceTypes.includes(o.instanceType)),
      );
  }

  private async call<T>(operation: string, fn: () => Promise<T>, offering?: OfferingKey): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw mapAwsError(err, { operation, offering, credentials: this.deps.credentials });
    }
  }
}
