// Instances on OCI Compute: ranked launch (preemptible capacity for Spot) with user data and
// omni's freeform tags; listing by tag; preemption seen as an omni instance OCI is terminating.

import type { Catalog, Offering } from '../../catalog/types.ts';
import type { Credentials } from '../credentials.ts';
import { InvalidRequestError } from '../errors.ts';
import type { OfferingKey } from '../errors.ts';
import { launchWithFallback } from '../launch.ts';
import { catalogPrice, lifecyclesOf, toLiveOffering } from '../live-offering.ts';
import { fromCloudTags, matchesFilter, toCloudTags } from '../tags.ts';
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
import { mapOciError } from './errors.ts';
import type { OciInstance, OciLaunchDetails, OciPorts } from './port.ts';

/** OCI publishes no fixed preemption notice; omni plans with 30 s, like GCP. */
export const OCI_PREEMPTION_NOTICE_MS = 30_000;

export interface OciDeps extends OciPorts {
  region: string;
  tenancyId: string;
  compartmentId: string;
  catalog: Catalog;
  clock: Clock;
  /** Image for nodes when the launch placement names none (OCI has no image aliases). */
  defaultImageId?: string;
  credentials?: Credentials;
}

function stateOf(s: string): InstanceState {
  if (s === 'RUNNING') return 'running';
  if (s === 'PROVISIONING' || s === 'STARTING' || s === 'CREATING_IMAGE') return 'pending';
  if (s === 'TERMINATED') return 'terminated';
  return 'terminating';
}

/**
 * The catalog names flexible shapes with their size (`VM.Standard.E4.Flex$_2_8`: 2 vCPUs, 8 GiB);
 * OCI wants the shape plus a config in OCPUs (2 vCPUs each on x86) and GB.
 */
export function ociShape(
  o: Pick<Offering, 'instanceType' | 'vcpus' | 'memoryGiB'>,
): Pick<OciLaunchDetails, 'shape' | 'shapeConfig'> {
  const flex = /^(.*\.Flex)(\$_\d+_\d+|\.\d+)?$/.exec(o.instanceType);
  if (!flex) return { shape: o.instanceType };
  return { shape: flex[1], shapeConfig: { ocpus: Math.max(1, o.vcpus / 2), memoryInGBs: o.memoryGiB } };
}

function preemptible(o: OfferingKey): Pick<OciLaunchDetails, 'preemptibleInstanceConfig'> {
  if (o.lifecycle !== 'spot') return {};
  return {
    preemptibleInstanceConfig: { preemptionAction: { type: 'TERMINATE', preserveBootVolume: false } },
  };
}

export class OciCompute implements CloudCompute {
  readonly cloud = 'oci' as const;

  constructor(protected readonly deps: OciDeps) {}

  async listOfferings(filter: OfferingFilter): Promise<LiveOffering[]> {
    const zones =
      filter.zones ?? this.deps.catalog.regions('oci').find((r) => r.region === filter.region)?.zones ?? [];
    const offered = new Set<string>();
    for (const zone of zones) {
      const shapes = await this.call('ListShapes', () =>
        this.deps.compute.listShapes({ compartmentId: this.deps.compartmentId, availabilityDomain: zone }),
      );
      for (const s of shapes) offered.add(`${zone}/${s}`);
    }
    return this.rows(filter.region, zones)
      .filter((o) => !filter.instanceTypes || filter.instanceTypes.includes(o.instanceType))
      .flatMap((o) =>
        lifecyclesOf(filter).flatMap((lifecycle) => {
          const price = catalogPrice(o, lifecycle);
          return price === null
            ? []
            : [toLiveOffering(o, lifecycle, price, offered.has(`${o.zone}/${ociShape(o).shape}`))];
        }),
      );
  }

  async launch(request: LaunchRequest): Promise<LaunchResult> {
    return launchWithFallback(request.offerings, (o) => this.launchOne(o, request));
  }

  async terminate(_region: string, instanceId: string): Promise<void> {
    try {
      await this.deps.compute.terminateInstance(instanceId);
    } catch (err) {
      const mapped = mapOciError(err, { operation: 'TerminateInstance', credentials: this.deps.credentials });
      if (mapped.code !== 'NotAuthorizedOrNotFound') throw mapped;
    }
  }

  async listInstances(filter: InstanceFilter): Promise<CloudInstance[]> {
    return (await this.ours(filter)).map((i) => this.toInstance(i));
  }

  /** OCI announces preemption through its Events service only; a poll sees the instance terminating. */
  async pollInterruptions(filter: InstanceFilter): Promise<SpotInterruptionNotice[]> {
    const now = this.deps.clock.now();
    return (await this.ours(filter))
      .filter((i) => i.preemptible && i.lifecycleState === 'TERMINATING')
      .map((i) => ({ instanceId: i.id, noticeTime: now, terminateAt: now + OCI_PREEMPTION_NOTICE_MS }));
  }

  launchDetails(o: OfferingKey, request: LaunchRequest): OciLaunchDetails {
    const p = request.placement ?? {};
    const imageId = p.imageId ?? this.deps.defaultImageId;
    const subnetId = p.subnetIds?.[o.zone];
    if (!imageId || !subnetId)
      throw new InvalidRequestError('oci LaunchInstance: an image and a subnet are required');
    const nsg = p.securityGroupIds?.length ? { nsgIds: p.securityGroupIds } : {};
    return {
      compartmentId: this.deps.compartmentId,
      availabilityDomain: o.zone,
      ...ociShape(this.offeringOf(o)),
      displayName: request.tags.nodeClaim ?? 'castai-omni-node',
      freeformTags: toCloudTags('oci', request.tags),
      metadata: { user_data: Buffer.from(request.userData, 'utf8').toString('base64') },
      createVnicDetails: { subnetId, assignPublicIp: true, ...nsg },
      sourceDetails: { sourceType: 'image', imageId, bootVolumeSizeInGBs: p.bootDiskSizeGiB ?? 100 },
      ...preemptible(o),
    };
  }

  private offeringOf(o: OfferingKey): Pick<Offering, 'instanceType' | 'vcpus' | 'memoryGiB'> {
    const found = this.rows(o.region, [o.zone]).find((r) => r.instanceType === o.instanceType);
    return found ?? { instanceType: o.instanceType, vcpus: 2, memoryGiB: 8 };
  }

  private async launchOne(o: OfferingKey, request: LaunchRequest): Promise<CloudInstance> {
    const details = this.launchDetails(o, request);
    const token = `${request.tags.nodeClaim ?? 'omni'}-${o.zone}-${o.instanceType}-${o.lifecycle}`.slice(
      0,
      64,
    );
    try {
      const made = await this.deps.compute.launchInstance(details, token);
      return {
        ...this.toInstance(made),
        instanceType: o.instanceType,
        lifecycle: o.lifecycle,
        tags: { ...request.tags },
      };
    } catch (err) {
      throw mapOciError(err, {
        operation: 'LaunchInstance',
        offering: o,
        writing: true,
        credentials: this.deps.credentials,
      });
    }
  }

  private async ours(filter: InstanceFilter): Promise<OciInstance[]> {
    const all = await this.call('ListInstances', () =>
      this.deps.compute.listInstances({ compartmentId: this.deps.compartmentId }),
    );
    return all.filter(
      (i) => i.lifecycleState !== 'TERMINATED' && matchesFilter(fromCloudTags('oci', i.freeformTags), filter),
    );
  }

  private toInstance(i: OciInstance): CloudInstance {
    return {
      id: i.id,
      cloud: 'oci',
      region: i.region,
      zone: i.availabilityDomain,
      instanceType: i.shape,
      lifecycle: i.preemptible ? 'spot' : 'on-demand',
      state: stateOf(i.lifecycleState),
      launchedAt: i.timeCreated ? Date.parse(i.timeCreated) : this.deps.clock.now(),
      tags: fromCloudTags('oci', i.freeformTags) ?? { clusterId: '' },
    };
  }

  private rows(region: string, zones: string[]): Offering[] {
    return this.deps.catalog
      .query({ cloud: 'oci', region })
      .flatMap((o) => (o.zone === '' ? zones.map((zone) => ({ ...o, zone })) : [o]))
      .filter((o) => zones.includes(o.zone));
  }

  protected async call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw mapOciError(err, { operation, credentials: this.deps.credentials });
    }
  }
}
