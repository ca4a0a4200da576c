// Instances on Compute Engine: ranked insert with Spot scheduling, user data in metadata, omni's
// labels; listing by label; preemption notices from the instances.preempted operations.

import type { Catalog } from '../../catalog/types.ts';
import type { Credentials } from '../credentials.ts';
import type { OfferingKey } from '../errors.ts';
import { launchWithFallback } from '../launch.ts';
import { catalogPrice, lifecyclesOf, toLiveOffering } from '../live-offering.ts';
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
  SpotInterruptionNotice,
} from '../types.ts';
import { isGcpAlreadyExists, mapGcpError } from './errors.ts';
import type { GcpInstance, GcpInstanceResource, GcpPorts } from './port.ts';

export const GCP_SPOT_NOTICE_MS = 30_000;
export const GCP_DEFAULT_IMAGE = 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2404-lts-amd64';
/** Network tag the edge firewall rules target. */
export const GCP_NODE_TAG = 'omni-enabled';

export interface GcpDeps extends GcpPorts {
  project: string;
  catalog: Catalog;
  clock: Clock;
  credentials?: Credentials;
}

/** GCP label values: lower case letters, digits, '-' and '_', at most 63 characters. */
export function gcpLabelValue(v: string): string {
  return v
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '_')
    .slice(0, 63);
}

/** Instance names: RFC 1035, at most 63 characters; the node claim name is already close. */
export function gcpInstanceName(nodeClaim: string | undefined, o: OfferingKey): string {
  const base = (nodeClaim ?? `castai-omni-${o.instanceType}`).toLowerCase().replace(/[^a-z0-9-]/g, '-');
  return (/^[a-z]/.test(base) ? base : `n-${base}`).slice(0, 63).replace(/-+$/, '');
}

export function labelFilter(filter: InstanceFilter): string {
  const parts = [`labels.${tagKey('gcp', 'clusterId')} = "${gcpLabelValue(filter.clusterId)}"`];
  if (filter.edgeLocation)
    parts.push(`labels.${tagKey('gcp', 'edgeLocation')} = "${gcpLabelValue(filter.edgeLocation)}"`);
  if (filter.nodeClaim)
    parts.push(`labels.${tagKey('gcp', 'nodeClaim')} = "${gcpLabelValue(filter.nodeClaim)}"`);
  return parts.join(' AND ');
}

function lastSegment(url: string | undefined): string {
  return (url ?? '').split('/').pop() ?? '';
}

function stateOf(status: string | undefined): InstanceState {
  if (status === 'RUNNING') return 'running';
  if (status === 'PROVISIONING' || status === 'STAGING') return 'pending';
  if (status === 'TERMINATED') return 'terminated';
  return 'terminating';
}

function regionOfZone(zone: string): string {
  return zone.replace(/-[a-z]$/, '');
}

export class GcpCompute implements CloudCompute {
  readonly cloud = 'gcp' as const;

  constructor(protected readonly deps: GcpDeps) {}

  async listOfferings(filter: OfferingFilter): Promise<LiveOffering[]> {
    const zones =
      filter.zones ?? this.deps.catalog.regions('gcp').find((r) => r.region === filter.region)?.zones ?? [];
    const offered = new Set<string>();
    for (const zone of zones) {
      const types = await this.call('machineTypes.list', () =>
        this.deps.compute.listMachineTypes({ project: this.deps.project, zone }),
      );
      for (const t of types) offered.add(`${zone}/${t}`);
    }
    const rows = this.deps.catalog
      .query({ cloud: 'gcp', region: filter.region })
      .flatMap((o) => (o.zone === '' ? zones.map((zone) => ({ ...o, zone })) : [o]))
      .filter(
        (o) =>
          zones.includes(o.zone) && (!filter.instanceTypes || filter.instanceTypes.includes(o.instanceType)),
      );
    return rows.flatMap((o) =>
      lifecyclesOf(filter).flatMap((lifecycle) => {
        const price = catalogPrice(o, lifecycle);
        return price === null
          ? []
          : [toLiveOffering(o, lifecycle, price, offered.has(`${o.zone}/${o.instanceType}`))];
      }),
    );
  }

  async launch(request: LaunchRequest): Promise<LaunchResult> {
    return launchWithFallback(request.offerings, (o) => this.launchOne(o, request));
  }

  async terminate(_region: string, instanceId: string): Promise<void> {
    const found = (await this.listRaw(`id = ${instanceId}`))[0];
    if (!found?.name) return;
    const zone = lastSegment(found.zone);
    await this.call('instances.delete', () =>
      this.deps.compute.deleteInstance({ project: this.deps.project, zone, instance: found.name ?? '' }),
    );
  }

  async listInstances(filter: InstanceFilter): Promise<CloudInstance[]> {
    const raw = await this.listRaw(labelFilter(filter));
    return raw.flatMap((i) => this.toInstance(i)).filter((i) => !filter.region || i.region === filter.region);
  }

  async pollInterruptions(filter: InstanceFilter): Promise<SpotInterruptionNotice[]> {
    const ours = new Map((await this.listInstances(filter)).map((i) => [i.id, i]));
    const ops = await this.call('zoneOperations.aggregatedList', () =>
      this.deps.compute.listOperations({
        project: this.deps.project,
        filter: 'operationType = "compute.instances.preempted"',
      }),
    );
    return ops.flatMap((op) => {
      if (!op.targetId || !ours.has(op.targetId)) return [];
      const noticeTime = op.insertTime ? Date.parse(op.insertTime) : this.deps.clock.now();
      return [{ instanceId: op.targetId, noticeTime, terminateAt: noticeTime + GCP_SPOT_NOTICE_MS }];
    });
  }

  instanceResource(o: OfferingKey, request: LaunchRequest): GcpInstanceResource {
    const p = request.placement ?? {};
    const subnetwork = p.subnetIds?.[o.zone];
    const labels = Object.fromEntries(
      Object.entries(toCloudTags('gcp', request.tags)).map(([k, v]) => [k, gcpLabelValue(v)]),
    );
    const spot = o.lifecycle === 'spot';
    return {
      name: gcpInstanceName(request.tags.nodeClaim, o),
      machineType: `zones/${o.zone}/machineTypes/${o.instanceType}`,
      labels,
      tags: { items: p.networkTags ?? [GCP_NODE_TAG] },
      metadata: { items: [{ key: 'user-data', value: request.userData }] },
      disks: [
        {
          boot: true,
          autoDelete: true,
          initializeParams: {
            sourceImage: p.imageId ?? GCP_DEFAULT_IMAGE,
            diskSizeGb: String(p.bootDiskSizeGiB ?? 100),
          },
        },
      ],
      networkInterfaces: [
        {
          ...(subnetwork ? { subnetwork } : { network: `global/networks/${p.networkName ?? 'default'}` }),
          accessConfigs: [{ name: 'External NAT', type: 'ONE_TO_ONE_NAT' }],
        },
      ],
      scheduling: spot
        ? {
            provisioningModel: 'SPOT',
            instanceTerminationAction: 'DELETE',
            onHostMaintenance: 'TERMINATE',
            automaticRestart: false,
          }
        : { provisioningModel: 'STANDARD', onHostMaintenance: 'TERMINATE', automaticRestart: true },
    };
  }

  private async launchOne(o: OfferingKey, request: LaunchRequest): Promise<CloudInstance> {
    const instanceResource = this.instanceResource(o, request);
    try {
      await this.deps.compute.insertInstance({ project: this.deps.project, zone: o.zone, instanceResource });
    } catch (err) {
      // A retried launch of the same claim finds its instance already there: that is success.
      if (!isGcpAlreadyExists(err))
        throw mapGcpError(err, {
          operation: 'instances.insert',
          offering: o,
          credentials: this.deps.credentials,
        });
    }
    const made = (await this.listRaw(`name = "${instanceResource.name}"`)).flatMap((i) =>
      this.toInstance(i),
    )[0];
    return {
      ...(made ?? this.pendingInstance(o, instanceResource.name)),
      lifecycle: o.lifecycle,
      tags: { ...request.tags },
    };
  }

  private pendingInstance(o: OfferingKey, name: string): CloudInstance {
    return {
      ...o,
      id: name,
      cloud: 'gcp',
      state: 'pending',
      launchedAt: this.deps.clock.now(),
      tags: { clusterId: '' },
    };
  }

  private async listRaw(filter: string): Promise<GcpInstance[]> {
    return this.call('instances.aggregatedList', () =>
      this.deps.compute.listInstances({ project: this.deps.project, filter }),
    );
  }

  private toInstance(i: GcpInstance): CloudInstance[] {
    const tags = fromCloudTags('gcp', i.labels);
    if (!i.id || !tags) return [];
    const zone = lastSegment(i.zone);
    return [
      {
        id: i.id,
        cloud: 'gcp',
        region: regionOfZone(zone),
        zone,
        instanceType: lastSegment(i.machineType),
        lifecycle: i.scheduling?.provisioningModel === 'SPOT' ? 'spot' : 'on-demand',
        state: stateOf(i.status),
        launchedAt: i.creationTimestamp ? Date.parse(i.creationTimestamp) : this.deps.clock.now(),
        tags,
        privateIp: i.networkInterfaces?.[0]?.networkIP,
      },
    ];
  }

  protected async call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw mapGcpError(err, { operation, credentials: this.deps.credentials });
    }
  }
}
