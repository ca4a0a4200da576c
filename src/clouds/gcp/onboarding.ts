// Edge-location onboarding on GCP: custom-mode VPC network, a regional subnetwork, firewall rules
// for omni's ports and for traffic between omni nodes, and a service account with
// roles/compute.instanceAdmin.v1 + roles/iam.serviceAccountUser and one key. Objects are found by
// omni's names before anything is created; preflight is projects.testIamPermissions.

import { cidrSubnet, DEFAULT_NETWORK_CIDR } from '../cidr.ts';
import { Credentials } from '../credentials.ts';
import { GCP_EDGE_NODE_ROLES, GCP_ONBOARDING_PERMISSIONS, EDGE_INGRESS_PORTS } from '../permissions.ts';
import { StepLog } from '../step-log.ts';
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
import { GCP_NODE_TAG } from './compute.ts';
import type { GcpDeps } from './compute.ts';
import { isGcpAlreadyExists, isGcpNotFound, mapGcpError } from './errors.ts';
import type { GcpFirewall, GcpPolicy } from './port.ts';

/** Service account ids are 6–30 characters: castai-omni-<name>, cut to fit. */
export function gcpServiceAccountId(location: string): string {
  return omniObjectName(location).toLowerCase().slice(0, 30).replace(/-+$/, '');
}

function describe(t: EdgeLocationTarget): string {
  return `castai-omni edge location ${t.name} (cluster ${t.clusterId})`;
}

export class GcpOnboarding implements EdgeLocationOnboarding {
  constructor(private readonly deps: GcpDeps) {}

  private get project(): string {
    return this.deps.project;
  }

  async preflight(_t: EdgeLocationTarget): Promise<PreflightResult> {
    const checked = [...GCP_ONBOARDING_PERMISSIONS];
    const granted = new Set(
      await this.call('projects.testIamPermissions', () =>
        this.deps.projects.testIamPermissions(this.project, checked),
      ),
    );
    const missing = checked.filter((p) => !granted.has(p));
    return { ok: missing.length === 0, missing, checked };
  }

  async ensureNetwork(t: EdgeLocationTarget): Promise<StepResult<NetworkIds>> {
    const log = new StepLog();
    const name = omniObjectName(t.name);
    const networkCreated = await this.ensure(
      () => this.deps.compute.getNetwork({ project: this.project, network: name }),
      () =>
        this.deps.compute.insertNetwork({
          project: this.project,
          networkResource: { name, autoCreateSubnetworks: false, description: describe(t) },
        }),
      'networks.insert',
    );
    const networkId = log.note(
      'network',
      `projects/${this.project}/global/networks/${name}`,
      name,
      networkCreated,
    );
    const subnetworkCreated = await this.ensure(
      () => this.deps.compute.getSubnetwork({ project: this.project, region: t.region, subnetwork: name }),
      () =>
        this.deps.compute.insertSubnetwork({
          project: this.project,
          region: t.region,
          subnetworkResource: {
            name,
            network: networkId,
            region: t.region,
            ipCidrRange: cidrSubnet(t.networkCidr ?? DEFAULT_NETWORK_CIDR, 4, 0),
            privateIpGoogleAccess: true,
            description: describe(t),
          },
        }),
      'subnetworks.insert',
    );
    const subnetId = log.note(
      'subnetwork',
      `projects/${this.project}/regions/${t.region}/subnetworks/${name}`,
      name,
      subnetworkCreated,
    );
    const subnetIds = Object.fromEntries(t.zones.map((z) => [z, subnetId]));
    // Custom-mode networks get their default internet route from GCP; there is no gateway object.
    return log.result({ networkId, subnetIds, gatewayId: 'default-internet-gateway', routeTableId: '' });
  }

  async ensureFirewall(t: EdgeLocationTarget, network: NetworkIds): Promise<StepResult<FirewallIds>> {
    const log = new StepLog();
    for (const rule of this.firewallRules(t, network.networkId)) {
      const created = await this.ensure(
        () => this.deps.compute.getFirewall({ project: this.project, firewall: rule.name }),
        () => this.deps.compute.insertFirewall({ project: this.project, firewallResource: rule }),
        'firewalls.insert',
      );
      log.note('firewall', `projects/${this.project}/global/firewalls/${rule.name}`, rule.name, created);
    }
    return log.result({ firewallIds: log.objects.map((o) => o.id) });
  }

  firewallRules(t: EdgeLocationTarget, networkId: string): GcpFirewall[] {
    const ports = (protocol: string) =>
      EDGE_INGRESS_PORTS.filter((p) => p.protocol === protocol).map((p) => String(p.port));
    return [
      {
        name: omniObjectName(t.name, 'allow'),
        network: networkId,
        direction: 'INGRESS',
        priority: 1001,
        sourceRanges: [t.ingressSourceCidr ?? '0.0.0.0/0'],
        targetTags: [GCP_NODE_TAG],
        allowed: [
          { IPProtocol: 'tcp', ports: ports('tcp') },
          { IPProtocol: 'udp', ports: ports('udp') },
        ],
        description: describe(t),
      },
      {
        name: omniObjectName(t.name, 'internal'),
        network: networkId,
        direction: 'INGRESS',
        priority: 1000,
        sourceTags: [GCP_NODE_TAG],
        targetTags: [GCP_NODE_TAG],
        allowed: [{ IPProtocol: 'all' }],
        description: describe(t),
      },
    ];
  }

  async ensureIdentity(t: EdgeLocationTarget, knownKeyId?: string): Promise<StepResult<IdentityIds>> {
    const log = new StepLog();
    const accountId = gcpServiceAccountId(t.name);
    const email = `${accountId}@${this.project}.iam.gserviceaccount.com`;
    const saName = `projects/${this.project}/serviceAccounts/${email}`;
    const created = await this.ensure(
      () => this.deps.iam.getServiceAccount(saName),
      () =>
        this.deps.iam.createServiceAccount({
          project: this.project,
          accountId,
          displayName: accountId,
          description: describe(t),
        }),
      'serviceAccounts.create',
    );
    log.note('service-account', email, accountId, created);
    const added = await this.bindRoles(`serviceAccount:${email}`);
    for (const role of GCP_EDGE_NODE_ROLES) log.note('role-binding', role, role, added.includes(role));
    const key = await this.ensureKey(saName, knownKeyId);
    log.note('service-account-key', key.keyId, accountId, key.credentials !== undefined);
    return log.result({ identityId: email, policyIds: [...GCP_EDGE_NODE_ROLES], ...key });
  }

  async teardown(t: EdgeLocationTarget): Promise<CloudObjectRef[]> {
    const deleted: CloudObjectRef[] = [];
    const accountId = gcpServiceAccountId(t.name);
    const email = `${accountId}@${this.project}.iam.gserviceaccount.com`;
    const saName = `projects/${this.project}/serviceAccounts/${email}`;
    if (await this.exists(() => this.deps.iam.getServiceAccount(saName))) {
      for (const k of await this.call('keys.list', () => this.deps.iam.listServiceAccountKeys(saName))) {
        await this.remove(deleted, { kind: 'service-account-key', id: k.name, name: accountId }, () =>
          this.deps.iam.deleteServiceAccountKey(k.name),
        );
      }
    }
    for (const role of await this.unbindRoles(`serviceAccount:${email}`))
      deleted.push({ kind: 'role-binding', id: role, name: role });
    await this.remove(deleted, { kind: 'service-account', id: email, name: accountId }, () =>
      this.deps.iam.deleteServiceAccount(saName),
    );
    for (const rule of this.firewallRules(t, '').reverse()) {
      await this.remove(deleted, { kind: 'firewall', id: rule.name, name: rule.name }, () =>
        this.deps.compute.deleteFirewall({ project: this.project, firewall: rule.name }),
      );
    }
    const name = omniObjectName(t.name);
    await this.remove(deleted, { kind: 'subnetwork', id: name, name }, () =>
      this.deps.compute.deleteSubnetwork({ project: this.project, region: t.region, subnetwork: name }),
    );
    await this.remove(deleted, { kind: 'network', id: name, name }, () =>
      this.deps.compute.deleteNetwork({ project: this.project, network: name }),
    );
    return deleted;
  }

  // ---- identity helpers ---------------------------------------------------------------------

  /** Adds the member to each edge role; returns the roles it was not bound to before. */
  private async bindRoles(member: string): Promise<string[]> {
    const policy = await this.call('projects.getIamPolicy', () =>
      this.deps.projects.getIamPolicy(this.project),
    );
    const bindings = [...(policy.bindings ?? [])].map((b) => ({ ...b, members: [...b.members] }));
    const added: string[] = [];
    for (const role of GCP_EDGE_NODE_ROLES) {
      const binding =
        bindings.find((b) => b.role === role) ?? bindings[bindings.push({ role, members: [] }) - 1];
      if (binding.members.includes(member)) continue;
      binding.members.push(member);
      added.push(role);
    }
    if (added.length > 0) await this.setPolicy({ ...policy, bindings });
    return added;
  }

  private async unbindRoles(member: string): Promise<string[]> {
    const policy = await this.call('projects.getIamPolicy', () =>
      this.deps.projects.getIamPolicy(this.project),
    );
    const removed = (policy.bindings ?? []).filter((b) => b.members.includes(member)).map((b) => b.role);
    if (removed.length === 0) return [];
    const bindings = (policy.bindings ?? [])
      .map((b) => ({ ...b, members: b.members.filter((m) => m !== member) }))
      .filter((b) => b.members.length > 0);
    await this.setPolicy({ ...policy, bindings });
    return removed;
  }

  private async setPolicy(policy: GcpPolicy): Promise<void> {
    await this.call('projects.setIamPolicy', () => this.deps.projects.setIamPolicy(this.project, policy));
  }

  private async ensureKey(
    saName: string,
    knownKeyId: string | undefined,
  ): Promise<{ keyId: string; credentials?: Credentials }> {
    const keys = await this.call('keys.list', () => this.deps.iam.listServiceAccountKeys(saName));
    const known = keys.find((k) => k.name.split('/').pop() === knownKeyId);
    for (const k of keys.filter((x) => x !== known)) {
      await this.call('keys.delete', () => this.deps.iam.deleteServiceAccountKey(k.name));
    }
    if (known && knownKeyId) return { keyId: knownKeyId };
    const key = await this.call('keys.create', () => this.deps.iam.createServiceAccountKey(saName));
    const keyId = key.name.split('/').pop() ?? '';
    const json = Buffer.from(key.privateKeyData, 'base64').toString('utf8');
    return {
      keyId,
      credentials: new Credentials(saName.split('/').pop() ?? '', { serviceAccountJson: json }),
    };
  }

  // ---- generic helpers ----------------------------------------------------------------------

  /** Creates the object unless `get` finds it; returns whether it was created. */
  private async ensure(
    get: () => Promise<unknown>,
    create: () => Promise<unknown>,
    operation: string,
  ): Promise<boolean> {
    if (await this.exists(get)) return false;
    try {
      await create();
      return true;
    } catch (err) {
      if (isGcpAlreadyExists(err)) return false;
      throw mapGcpError(err, { operation, credentials: this.deps.credentials });
    }
  }

  private async exists(get: () => Promise<unknown>): Promise<boolean> {
    try {
      await get();
      return true;
    } catch (err) {
      if (isGcpNotFound(err)) return false;
      throw mapGcpError(err, { operation: 'get', credentials: this.deps.credentials });
    }
  }

  private async remove(
    deleted: CloudObjectRef[],
    ref: CloudObjectRef,
    fn: () => Promise<unknown>,
  ): Promise<void> {
    try {
      await fn();
      deleted.push(ref);
    } catch (err) {
      if (!isGcpNotFound(err))
        throw mapGcpError(err, { operation: `delete ${ref.kind}`, credentials: this.deps.credentials });
    }
  }

  private async call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw mapGcpError(err, { operation, credentials: this.deps.credentials });
    }
  }
}
