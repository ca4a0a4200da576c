// One simulated cloud account: offerings from the catalog with finite capacity, instances that boot
// from their user data and register a Node, Spot interruptions, injected faults, and onboarding.

import type { Catalog, CloudName, Offering } from '../../catalog/types.ts';
import { lifecyclesOf, toLiveOffering } from '../live-offering.ts';
import { Credentials } from '../credentials.ts';
import { AuthenticationError, CapacityError, InvalidRequestError } from '../errors.ts';
import type { OfferingKey } from '../errors.ts';
import { parseUserData } from '../join.ts';
import type { JoinContract } from '../join.ts';
import { launchWithFallback } from '../launch.ts';
import { ONBOARDING_PERMISSIONS } from '../permissions.ts';
import type { NodeRegistrar } from '../registrar.ts';
import { SeededRandom } from '../random.ts';
import { matchesFilter } from '../tags.ts';
import type {
  Clock,
  CloudInstance,
  CloudProvider,
  InstanceFilter,
  LaunchRequest,
  LaunchResult,
  LiveOffering,
  OfferingFilter,
  SpotInterruptionNotice,
} from '../types.ts';
import { CapacityBook, DEFAULT_SCARCITY } from './capacity.ts';
import type { CapacityRule } from './capacity.ts';
import { FaultInjector } from './faults.ts';
import type { FaultRule, SimOp } from './faults.ts';
import { Inventory } from './inventory.ts';
import { SimOnboarding } from './onboarding.ts';
import { priceAt } from './prices.ts';
import type { PriceDriftOptions } from './prices.ts';
import { defaultZones, PROFILES } from './profiles.ts';
import type { SimCloudProfile } from './profiles.ts';

export interface SimCloudOptions {
  cloud: CloudName;
  catalog: Catalog;
  clock: Clock;
  seed?: number;
  /** Where booted instances register their Node; without one they boot but register nothing. */
  registrar?: NodeRegistrar;
  /** API latency per call (ms), waited through `sleep`; 0 by default. */
  latencyMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** From launch to the Node registering; default 30 s. */
  bootDelayMs?: number;
  /** Instances per offering when no rule says otherwise; default 100. */
  defaultCapacity?: number;
  /** Replace the default GPU scarcity rules. */
  capacityRules?: CapacityRule[];
  /** Mean random Spot interruptions per instance-hour; 0 by default (interrupt explicitly). */
  spotInterruptionsPerHour?: number;
  spotNoticeMs?: number;
  priceDriftIntervalMs?: number;
  priceDriftFraction?: number;
}

interface SimInstance {
  instance: CloudInstance;
  offering: Offering;
  userData: string;
  bootAt: number;
  join?: JoinContract;
  registered: boolean;
  bootError?: string;
  notice?: SpotInterruptionNotice;
}

export class SimCloud implements CloudProvider {
  readonly cloud: CloudName;
  readonly profile: SimCloudProfile;
  readonly inventory = new Inventory();
  readonly faults: FaultInjector;
  readonly capacity: CapacityBook;
  readonly onboarding: SimOnboarding;
  readonly rng: SeededRandom;
  readonly rootCredentials: Credentials;
  private readonly instances = new Map<string, SimInstance>();
  private readonly principals = new Map<string, Set<string>>();
  private readonly offeringCache = new Map<string, Offering[]>();
  private readonly noticeListeners = new Set<(n: SpotInterruptionNotice) => void>();
  private readonly drift: PriceDriftOptions;
  private lastTick: number;

  constructor(private readonly opts: SimCloudOptions) {
    this.cloud = opts.cloud;
    this.profile = PROFILES[opts.cloud];
    this.rng = new SeededRandom(opts.seed ?? 1);
    this.faults = new FaultInjector(this.cloud, this.profile.errors);
    this.capacity = new CapacityBook(
      opts.defaultCapacity ?? 100,
      opts.capacityRules ?? DEFAULT_SCARCITY[this.cloud] ?? [],
    );
    this.lastTick = opts.clock.now();
    this.drift = {
      seed: opts.seed ?? 1,
      startedAt: this.lastTick,
      intervalMs: opts.priceDriftIntervalMs ?? 3_600_000,
      fraction: opts.priceDriftFraction ?? 0.15,
      drifts: this.profile.spotPriceDrifts,
    };
    this.rootCredentials = new Credentials(`sim-${this.cloud}-root`, { secret: `root-${this.rng.hex(16)}` });
    this.onboarding = new SimOnboarding(this);
    this.principals.set(this.rootCredentials.principal, new Set(ONBOARDING_PERMISSIONS[this.cloud]));
  }

  get clock(): Clock {
    return this.opts.clock;
  }

  // ---- accounts ------------------------------------------------------------------------------

  /** The account as seen with these credentials; unknown or revoked credentials are rejected. */
  connect(credentials: Credentials): SimCloud {
    if (!this.principals.has(credentials.principal)) {
      throw new AuthenticationError(
        `${this.cloud}: credentials for ${credentials.principal} were rejected`,
        'AuthFailure',
      );
    }
    return this;
  }

  addPrincipal(principal: string, permissions: Iterable<string>): void {
    this.principals.set(principal, new Set(permissions));
  }

  removePrincipal(principal: string): void {
    this.principals.delete(principal);
  }

  /** Permissions of the root principal (the onboarding credentials). */
  grantedPermissions(): Set<string> {
    return this.principals.get(this.rootCredentials.principal) ?? new Set();
  }

  /** Take permissions away from the onboarding credentials (preflight then lists them as missing). */
  revoke(permissions: string[]): void {
    const granted = this.grantedPermissions();
    for (const p of permissions) granted.delete(p);
  }

  // ---- fault and capacity controls ----------------------------------------------------------

  injectFault(rule: FaultRule): void {
    this.faults.add(rule);
  }

  setCapacity(rule: CapacityRule): void {
    this.capacity.setCapacity(rule);
  }

  /** Issue a Spot interruption notice for an instance now. */
  interrupt(instanceId: string): SpotInterruptionNotice {
    const rec = this.instances.get(instanceId);
    if (!rec || rec.instance.lifecycle !== 'spot')
      throw new InvalidRequestError(`${instanceId} is not a running Spot instance`);
    if (!rec.notice) {
      const now = this.clock.now();
      rec.notice = { instanceId, noticeTime: now, terminateAt: now + this.noticeMs() };
      for (const listener of this.noticeListeners) listener({ ...rec.notice });
    }
    return rec.notice;
  }

  /** Calls `listener` with each Spot notice as it is issued; returns the unsubscribe function. */
  onInterruption(listener: (notice: SpotInterruptionNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  noticeMs(): number {
    return this.opts.spotNoticeMs ?? this.profile.spotNoticeMs;
  }

  // ---- the cloud interface ------------------------------------------------------------------

  async listOfferings(filter: OfferingFilter): Promise<LiveOffering[]> {
    await this.api('listOfferings');
    const out: LiveOffering[] = [];
    for (const o of this.catalogOfferings(filter.region)) {
      if (filter.zones && !filter.zones.includes(o.zone)) continue;
      if (filter.instanceTypes && !filter.instanceTypes.includes(o.instanceType)) continue;
      for (const lifecycle of lifecyclesOf(filter)) {
        const live = this.liveOffering(o, lifecycle);
        if (live) out.push(live);
      }
    }
    return out;
  }

  async launch(request: LaunchRequest): Promise<LaunchResult> {
    await this.api('launch', false);
    return launchWithFallback(request.offerings, async (o) => this.launchOne(o, request));
  }

  async terminate(region: string, instanceId: string): Promise<void> {
    await this.api('terminate');
    const rec = this.instances.get(instanceId);
    if (!rec || rec.instance.region !== region || rec.instance.state === 'terminated') return;
    await this.finish(rec);
  }

  async listInstances(filter: InstanceFilter): Promise<CloudInstance[]> {
    await this.api('listInstances');
    return this.live(filter).map((r) => ({ ...r.instance, tags: { ...r.instance.tags } }));
  }

  async pollInterruptions(filter: InstanceFilter): Promise<SpotInterruptionNotice[]> {
    await this.api('listInstances');
    return this.live(filter).flatMap((r) => (r.notice ? [{ ...r.notice }] : []));
  }

  // ---- time ---------------------------------------------------------------------------------

  /** Brings the account up to the clock: random interruptions, boots, reclaims. */
  async tick(): Promise<void> {
    const now = this.clock.now();
    this.randomInterruptions(now - this.lastTick);
    this.lastTick = now;
    for (const rec of [...this.instances.values()]) {
      if (rec.instance.state === 'terminated') continue;
      if (rec.notice && rec.notice.terminateAt <= now) await this.finish(rec);
      else if (!rec.registered && rec.bootAt <= now) await this.boot(rec);
    }
  }

  /** Why a booted instance did not register (bad user data, unreachable cluster), if it did not. */
  bootErrorOf(instanceId: string): string | undefined {
    return this.instances.get(instanceId)?.bootError;
  }

  /** Live instances tagged with this edge location (teardown refuses while any remain). */
  liveInLocation(clusterId: string, edgeLocation: string): number {
    return this.live({ clusterId, edgeLocation }).length;
  }

  // ---- internals ----------------------------------------------------------------------------

  async api(op: SimOp, checkFaults = true): Promise<void> {
    await this.tick();
    const latency = this.opts.latencyMs ?? 0;
    if (latency > 0) await (this.opts.sleep ?? defaultSleep)(latency);
    if (checkFaults) this.faults.check(op);
  }

  private live(filter: InstanceFilter): SimInstance[] {
    return [...this.instances.values()].filter(
      (r) =>
        r.instance.state !== 'terminated' &&
        (filter.region === undefined || r.instance.region === filter.region) &&
        matchesFilter(r.instance.tags, filter),
    );
  }

  /** A region with its zones; zones the catalog does not know are the cloud's usual first ones. */
  catalogRegion(region: string): { region: string; zones: string[] } | undefined {
    const known = this.opts.catalog.regions(this.cloud).find((r) => r.region === region);
    if (!known) return undefined;
    return known.zones.length > 0 ? known : { region, zones: defaultZones(this.cloud, region) };
  }

  /** Catalog offerings of a region, one per zone and type (regional rows are spread over the zones). */
  catalogOfferings(region: string): Offering[] {
    const cached = this.offeringCache.get(region);
    if (cached) return cached;
    const zones = this.catalogRegion(region)?.zones ?? [];
    const byKey = new Map<string, Offering>();
    const rows = this.opts.catalog.query({ cloud: this.cloud, region });
    for (const o of rows.filter((r) => r.zone !== '')) byKey.set(`${o.zone}/${o.instanceType}`, o);
    for (const o of rows.filter((r) => r.zone === '')) {
      for (const zone of zones)
        if (!byKey.has(`${zone}/${o.instanceType}`)) byKey.set(`${zone}/${o.instanceType}`, { ...o, zone });
    }
    const out = [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, o]) => o);
    this.offeringCache.set(region, out);
    return out;
  }

  private findOffering(key: OfferingKey): Offering | undefined {
    return this.catalogOfferings(key.region).find(
      (o) => o.zone === key.zone && o.instanceType === key.instanceType,
    );
  }

  private liveOffering(o: Offering, lifecycle: OfferingKey['lifecycle']): LiveOffering | undefined {
    const price = priceAt(o, lifecycle, this.clock.now(), this.drift);
    if (price === null) return undefined;
    const key: OfferingKey = { region: o.region, zone: o.zone, instanceType: o.instanceType, lifecycle };
    return toLiveOffering({ ...o, cloud: this.cloud }, lifecycle, price, this.capacity.remaining(key, o) > 0);
  }

  private launchOne(key: OfferingKey, request: LaunchRequest): CloudInstance {
    this.faults.check('launch', key);
    const offering = this.findOffering(key);
    if (!offering)
      throw new InvalidRequestError(`${this.cloud}: no instance type ${key.instanceType} in ${key.zone}`);
    if (priceAt(offering, key.lifecycle, this.clock.now(), this.drift) === null) {
      throw new InvalidRequestError(`${this.cloud}: ${key.instanceType} is not offered as ${key.lifecycle}`);
    }
    if (this.capacity.remaining(key, offering) <= 0) {
      throw new CapacityError(
        `${this.cloud}: insufficient ${key.lifecycle} capacity for ${key.instanceType} in ${key.zone}`,
        this.profile.errors.capacity,
        key,
      );
    }
    this.capacity.take(key);
    const instance: CloudInstance = {
      ...key,
      id: this.profile.instanceId(this.rng, key.region),
      cloud: this.cloud,
      state: 'pending',
      launchedAt: this.clock.now(),
      tags: { ...request.tags },
      privateIp: `10.0.${Math.floor(this.rng.next() * 256)}.${1 + Math.floor(this.rng.next() * 254)}`,
    };
    const bootAt = this.clock.now() + (this.opts.bootDelayMs ?? 30_000);
    this.instances.set(instance.id, {
      instance,
      offering,
      userData: request.userData,
      bootAt,
      registered: false,
    });
    return { ...instance, tags: { ...instance.tags } };
  }

  private async boot(rec: SimInstance): Promise<void> {
    rec.instance.state = 'running';
    if (!rec.join) {
      try {
        rec.join = parseUserData(rec.userData).contract;
      } catch (err) {
        rec.bootError = (err as Error).message;
        rec.registered = true; // nothing to register: the instance runs but never joins
        return;
      }
    }
    if (!this.opts.registrar) return;
    try {
      await this.opts.registrar.register(rec.join, this.nodeSpecOf(rec));
      rec.registered = true;
      rec.bootError = undefined;
    } catch (err) {
      const reason = (err as Error).message.split(rec.join.bootstrapToken).join('[redacted]');
      rec.bootError = `registration failed, retrying: ${reason}`;
    }
  }

  private nodeSpecOf(rec: SimInstance) {
    const { instance: i, offering: o } = rec;
    return {
      cloud: this.cloud,
      instanceId: i.id,
      instanceType: i.instanceType,
      region: i.region,
      zone: i.zone,
      arch: o.arch,
      vcpus: o.vcpus,
      memoryGiB: o.memoryGiB,
      gpuName: o.gpuName,
      gpuCount: o.gpuCount,
      lifecycle: i.lifecycle,
      edgeLocation: i.tags.edgeLocation,
    };
  }

  private async finish(rec: SimInstance): Promise<void> {
    rec.instance.state = 'terminated';
    this.capacity.release(rec.instance);
    if (rec.join && rec.registered && this.opts.registrar && !rec.bootError) {
      await this.opts.registrar.deregister(rec.join, rec.join.nodeName);
    }
  }

  private randomInterruptions(elapsedMs: number): void {
    const rate = this.opts.spotInterruptionsPerHour ?? 0;
    if (rate <= 0 || elapsedMs <= 0) return;
    const p = 1 - Math.exp((-rate * elapsedMs) / 3_600_000);
    for (const rec of this.instances.values()) {
      const i = rec.instance;
      if (i.lifecycle !== 'spot' || i.state === 'terminated' || rec.notice) continue;
      if (this.rng.next() < p) this.interrupt(i.id);
    }
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
