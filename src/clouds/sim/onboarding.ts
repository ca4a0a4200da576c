// Simulated edge-location onboarding: each step makes its blueprint's objects in the inventory,
// looking each up by kind, name and location first, so steps repeat and resume without duplicates.

import { Credentials } from '../credentials.ts';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import { ONBOARDING_PERMISSIONS } from '../permissions.ts';
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
import type { SimCloud } from './cloud.ts';
import type { SimObject } from './inventory.ts';
import { objectId } from './profiles.ts';
import type { BlueprintObject, ObjectStep } from './profiles.ts';

interface Planned {
  spec: BlueprintObject;
  name: string;
  zone?: string;
}

interface Ensured extends Planned {
  obj: SimObject;
  created: boolean;
}

/** Permissions the edge location's own identity gets (what its key may do in the simulation). */
const EDGE_PRINCIPAL_PERMISSIONS = ['launch', 'terminate', 'listInstances', 'listOfferings'];

export class SimOnboarding implements EdgeLocationOnboarding {
  constructor(private readonly sim: SimCloud) {}

  async preflight(target: EdgeLocationTarget): Promise<PreflightResult> {
    await this.sim.api('preflight');
    this.validate(target);
    const granted = this.sim.grantedPermissions();
    const checked = [...ONBOARDING_PERMISSIONS[this.sim.cloud]];
    const missing = checked.filter((p) => !granted.has(p));
    return { ok: missing.length === 0, missing, checked };
  }

  async ensureNetwork(target: EdgeLocationTarget): Promise<StepResult<NetworkIds>> {
    this.validate(target);
    const ensured = await this.ensureStep('network', target);
    const byRole = (role: BlueprintObject['role']) => ensured.find((e) => e.spec.role === role)?.obj.id ?? '';
    const subnetIds: Record<string, string> = {};
    for (const e of ensured.filter((x) => x.spec.role === 'subnet')) {
      for (const zone of e.zone ? [e.zone] : target.zones) subnetIds[zone] = e.obj.id;
    }
    const ids = {
      networkId: byRole('network'),
      subnetIds,
      gatewayId: byRole('gateway'),
      routeTableId: byRole('routeTable'),
    };
    return result(ids, ensured);
  }

  async ensureFirewall(target: EdgeLocationTarget, network: NetworkIds): Promise<StepResult<FirewallIds>> {
    if (!this.sim.inventory.list({ location: target.name }).some((o) => o.id === network.networkId)) {
      throw new NotFoundError(`${this.sim.cloud}: network ${network.networkId} not found`);
    }
    const ensured = await this.ensureStep('firewall', target);
    return result({ firewallIds: ensured.map((e) => e.obj.id) }, ensured);
  }

  async ensureIdentity(target: EdgeLocationTarget, knownKeyId?: string): Promise<StepResult<IdentityIds>> {
    const specs = this.plan('identity', target);
    const ensured = await this.ensureAll(
      specs.filter((p) => p.spec.role !== 'key'),
      target,
    );
    const keyPlan = specs.find((p) => p.spec.role === 'key');
    let credentials: Credentials | undefined;
    if (keyPlan) {
      const key = await this.ensureKey(keyPlan, target, knownKeyId);
      credentials = key.credentials;
      ensured.push(key.ensured);
    }
    const identityId = ensured.find((e) => e.spec.role === 'identity')?.obj.id ?? '';
    const ids: IdentityIds = {
      identityId,
      policyIds: ensured.filter((e) => e.spec.role === 'policy').map((e) => e.obj.id),
      keyId: ensured.find((e) => e.spec.role === 'key')?.obj.id ?? '',
      credentials,
    };
    return result(ids, ensured);
  }

  async teardown(target: EdgeLocationTarget): Promise<CloudObjectRef[]> {
    await this.sim.api('delete', false);
    const running = this.sim.liveInLocation(target.clusterId, target.name);
    if (running > 0) {
      throw new InvalidRequestError(
        `${this.sim.cloud}: ${running} instances still run in ${target.name}`,
        'DependencyViolation',
      );
    }
    const deleted: CloudObjectRef[] = [];
    for (const obj of this.sim.inventory.list({ location: target.name }).reverse()) {
      this.sim.faults.check('delete', { kind: obj.kind });
      this.sim.inventory.remove(obj.id);
      this.sim.removePrincipal(obj.id);
      deleted.push({ kind: obj.kind, id: obj.id, name: obj.name });
    }
    return deleted;
  }

  // ---- internals ----------------------------------------------------------------------------

  private validate(target: EdgeLocationTarget): void {
    const region = this.sim.catalogRegion(target.region);
    if (!region) throw new InvalidRequestError(`${this.sim.cloud}: unknown region ${target.region}`);
    const unknown = target.zones.filter((z) => !region.zones.includes(z));
    if (unknown.length > 0) {
      throw new InvalidRequestError(
        `${this.sim.cloud}: zones ${unknown.join(', ')} are not in ${target.region}`,
      );
    }
  }

  private plan(step: ObjectStep, target: EdgeLocationTarget): Planned[] {
    return this.sim.profile.blueprint
      .filter((b) => b.step === step)
      .flatMap((spec) =>
        spec.perZone
          ? target.zones.map((zone) => ({ spec, zone, name: omniObjectName(target.name, zone) }))
          : [{ spec, name: omniObjectName(target.name, spec.suffix) }],
      );
  }

  private async ensureStep(step: ObjectStep, target: EdgeLocationTarget): Promise<Ensured[]> {
    return this.ensureAll(this.plan(step, target), target);
  }

  private async ensureAll(plans: Planned[], target: EdgeLocationTarget): Promise<Ensured[]> {
    await this.sim.api('create', false);
    return plans.map((p) => this.ensureOne(p, target));
  }

  private ensureOne(p: Planned, target: EdgeLocationTarget): Ensured {
    const existing = this.sim.inventory.find(p.spec.kind, p.name, target.name)[0];
    if (existing) return { ...p, obj: existing, created: false };
    return { ...p, obj: this.create(p, target), created: true };
  }

  private create(p: Planned, target: EdgeLocationTarget): SimObject {
    this.sim.faults.check('create', { kind: p.spec.kind });
    const obj: SimObject = {
      kind: p.spec.kind,
      id: objectId(this.sim.profile, p.spec.kind, this.sim.rng, target.region),
      name: p.name,
      location: target.name,
      clusterId: target.clusterId,
      createdAt: this.sim.clock.now(),
    };
    this.sim.inventory.add(obj);
    return obj;
  }

  /** Exactly one key: keep the one the caller knows, otherwise replace whatever is there. */
  private async ensureKey(
    p: Planned,
    target: EdgeLocationTarget,
    knownKeyId: string | undefined,
  ): Promise<{ ensured: Ensured; credentials?: Credentials }> {
    const keys = this.sim.inventory.find(p.spec.kind, p.name, target.name);
    const known = keys.find((k) => k.id === knownKeyId);
    for (const k of keys.filter((x) => x !== known)) {
      this.sim.faults.check('delete', { kind: k.kind });
      this.sim.inventory.remove(k.id);
      this.sim.removePrincipal(k.id);
    }
    if (known) return { ensured: { ...p, obj: known, created: false } };
    const obj = this.create(p, target);
    this.sim.addPrincipal(obj.id, EDGE_PRINCIPAL_PERMISSIONS);
    const credentials = new Credentials(obj.id, { secret: this.sim.rng.hex(40) });
    return { ensured: { ...p, obj, created: true }, credentials };
  }
}

function refOf(o: SimObject): CloudObjectRef {
  return { kind: o.kind, id: o.id, name: o.name };
}

function result<T>(ids: T, ensured: Ensured[]): StepResult<T> {
  return {
    ids,
    created: ensured.filter((e) => e.created).map((e) => refOf(e.obj)),
    objects: ensured.map((e) => refOf(e.obj)),
  };
}
