// Edge-location onboarding on OCI: VCN, internet gateway, route table, a regional subnet and a
// security list for omni's ports; an IAM user in a group, the group's policy, and one API key.
// OCI has no permission-test API, so preflight probes one read per resource family.

import { generateKeyPairSync } from 'node:crypto';
import { cidrSubnet, DEFAULT_NETWORK_CIDR } from '../cidr.ts';
import { Credentials } from '../credentials.ts';
import {
  EDGE_INGRESS_PORTS,
  OCI_ONBOARDING_PERMISSIONS,
  ociEdgeNodePolicyStatements,
} from '../permissions.ts';
import { StepLog } from '../step-log.ts';
import { toCloudTags } from '../tags.ts';
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
import type { OciDeps } from './compute.ts';
import { isOciNotFound, mapOciError } from './errors.ts';
import type { OciIngressRule } from './port.ts';

export interface OciKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

export function generateOciKeyPair(): OciKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

const GONE = new Set(['TERMINATED', 'TERMINATING', 'DELETED', 'DELETING']);
const alive = <T extends { lifecycleState?: string }>(xs: T[]): T[] =>
  xs.filter((x) => !GONE.has(x.lifecycleState ?? ''));

function ingressRules(source: string): OciIngressRule[] {
  return EDGE_INGRESS_PORTS.map((p) => {
    const range = { destinationPortRange: { min: p.port, max: p.port } };
    return p.protocol === 'tcp'
      ? { source, protocol: '6', tcpOptions: range }
      : { source, protocol: '17', udpOptions: range };
  });
}

/** VCN DNS labels: letters and digits, starting with a letter, at most 15. */
function dnsLabel(name: string): string {
  return `omni${name.replace(/[^a-zA-Z0-9]/g, '')}`.slice(0, 15);
}

export class OciOnboarding implements EdgeLocationOnboarding {
  constructor(private readonly deps: OciDeps & { generateKeyPair?: () => OciKeyPair }) {}

  private get compartmentId(): string {
    return this.deps.compartmentId;
  }

  async preflight(_t: EdgeLocationTarget): Promise<PreflightResult> {
    const c = this.compartmentId;
    const tenancy = this.deps.tenancyId;
    const probes: Record<string, () => Promise<unknown>> = {
      'manage virtual-network-family': () =>
        this.deps.network.listVcns({ compartmentId: c, displayName: 'castai-omni-probe' }),
      'manage users': () =>
        this.deps.identity.listUsers({ compartmentId: tenancy, name: 'castai-omni-probe' }),
      'manage groups': () =>
        this.deps.identity.listGroups({ compartmentId: tenancy, name: 'castai-omni-probe' }),
      'manage policies': () =>
        this.deps.identity.listPolicies({ compartmentId: tenancy, name: 'castai-omni-probe' }),
      'manage instance-family': () => this.deps.compute.listInstances({ compartmentId: c }),
    };
    const missing: string[] = [];
    for (const permission of OCI_ONBOARDING_PERMISSIONS) {
      if (!(await this.allowed(probes[permission]))) missing.push(permission);
    }
    return { ok: missing.length === 0, missing, checked: [...OCI_ONBOARDING_PERMISSIONS] };
  }

  async ensureNetwork(t: EdgeLocationTarget): Promise<StepResult<NetworkIds>> {
    const log = new StepLog();
    const tags = this.tags(t);
    const c = this.compartmentId;
    const net = this.deps.network;
    const cidr = t.networkCidr ?? DEFAULT_NETWORK_CIDR;
    const vcnName = omniObjectName(t.name);
    const networkId = await this.ensure(log, 'vcn', vcnName, {
      find: () => net.listVcns({ compartmentId: c, displayName: vcnName }),
      create: () =>
        net.createVcn({
          compartmentId: c,
          cidrBlocks: [cidr],
          displayName: vcnName,
          dnsLabel: dnsLabel(t.name),
          freeformTags: tags,
        }),
    });
    const within = { compartmentId: c, vcnId: networkId };
    const igwName = omniObjectName(t.name, 'igw');
    const gatewayId = await this.ensure(log, 'internet-gateway', igwName, {
      find: () => net.listInternetGateways({ ...within, displayName: igwName }),
      create: () =>
        net.createInternetGateway({ ...within, isEnabled: true, displayName: igwName, freeformTags: tags }),
    });
    const rtName = omniObjectName(t.name, 'rt');
    const routeTableId = await this.ensure(log, 'route-table', rtName, {
      find: () => net.listRouteTables({ ...within, displayName: rtName }),
      create: () =>
        net.createRouteTable({
          ...within,
          displayName: rtName,
          routeRules: [
            { destination: '0.0.0.0/0', destinationType: 'CIDR_BLOCK', networkEntityId: gatewayId },
          ],
          freeformTags: tags,
        }),
    });
    const subnetName = omniObjectName(t.name);
    const subnetId = await this.ensure(log, 'subnet', subnetName, {
      find: () => net.listSubnets({ ...within, displayName: subnetName }),
      create: () =>
        net.createSubnet({
          ...within,
          cidrBlock: cidrSubnet(cidr, 8, 0),
          displayName: subnetName,
          routeTableId,
          freeformTags: tags,
        }),
    });
    // OCI subnets are regional: every availability domain uses the one subnet.
    const subnetIds = Object.fromEntries(t.zones.map((z) => [z, subnetId]));
    return log.result({ networkId, subnetIds, gatewayId, routeTableId });
  }

  async ensureFirewall(t: EdgeLocationTarget, network: NetworkIds): Promise<StepResult<FirewallIds>> {
    const log = new StepLog();
    const net = this.deps.network;
    const within = { compartmentId: this.compartmentId, vcnId: network.networkId };
    const name = omniObjectName(t.name, 'sl');
    const listId = await this.ensure(log, 'security-list', name, {
      find: () => net.listSecurityLists({ ...within, displayName: name }),
      create: () =>
        net.createSecurityList({
          ...within,
          displayName: name,
          ingressSecurityRules: ingressRules(t.ingressSourceCidr ?? '0.0.0.0/0'),
          egressSecurityRules: [{ destination: '0.0.0.0/0', protocol: 'all' }],
          freeformTags: this.tags(t),
        }),
    });
    const subnets = alive(
      await this.call('ListSubnets', () =>
        net.listSubnets({ ...within, displayName: omniObjectName(t.name) }),
      ),
    );
    for (const s of subnets.filter((x) => !(x.securityListIds ?? []).includes(listId))) {
      await this.call('UpdateSubnet', () =>
        net.updateSubnetSecurityLists({ subnetId: s.id, securityListIds: [listId] }),
      );
    }
    return log.result({ firewallIds: [listId] });
  }

  async ensureIdentity(t: EdgeLocationTarget, knownKeyId?: string): Promise<StepResult<IdentityIds>> {
    const log = new StepLog();
    const id = this.deps.identity;
    const tenancy = this.deps.tenancyId;
    const tags = this.tags(t);
    const describe = `castai-omni edge location ${t.name}`;
    const userName = omniObjectName(t.name);
    const userId = await this.ensure(log, 'user', userName, {
      find: () => id.listUsers({ compartmentId: tenancy, name: userName }),
      create: () =>
        id.createUser({ compartmentId: tenancy, name: userName, description: describe, freeformTags: tags }),
    });
    const groupName = omniObjectName(t.name, 'group');
    const groupId = await this.ensure(log, 'group', groupName, {
      find: () => id.listGroups({ compartmentId: tenancy, name: groupName }),
      create: () =>
        id.createGroup({
          compartmentId: tenancy,
          name: groupName,
          description: describe,
          freeformTags: tags,
        }),
    });
    await this.ensure(log, 'group-membership', `${userName}@${groupName}`, {
      find: () => id.listUserGroupMemberships({ compartmentId: tenancy, userId, groupId }),
      create: () => id.addUserToGroup({ userId, groupId }),
    });
    const policyName = omniObjectName(t.name, 'policy');
    const statements = ociEdgeNodePolicyStatements(groupName, this.compartmentId);
    const policyId = await this.ensure(log, 'policy', policyName, {
      find: () => id.listPolicies({ compartmentId: tenancy, name: policyName }),
      create: () =>
        id.createPolicy({
          compartmentId: tenancy,
          name: policyName,
          description: describe,
          statements,
          freeformTags: tags,
        }),
    });
    const key = await this.ensureKey(userId, knownKeyId, log);
    return log.result({ identityId: userId, policyIds: [policyId], ...key });
  }

  async teardown(t: EdgeLocationTarget): Promise<CloudObjectRef[]> {
    const deleted: CloudObjectRef[] = [];
    await this.teardownIdentity(t, deleted);
    await this.teardownNetwork(t, deleted);
    return deleted;
  }

  // ---- internals ----------------------------------------------------------------------------

  private tags(t: EdgeLocationTarget): Record<string, string> {
    return toCloudTags('oci', { clusterId: t.clusterId, edgeLocation: t.name });
  }

  private async ensureKey(
    userId: string,
    knownKeyId: string | undefined,
    log: StepLog,
  ): Promise<{ keyId: string; credentials?: Credentials }> {
    const id = this.deps.identity;
    const keys = alive(await this.call('ListApiKeys', () => id.listApiKeys(userId)));
    const known = keys.find((k) => k.id === knownKeyId);
    for (const k of keys.filter((x) => x !== known))
      await this.call('DeleteApiKey', () => id.deleteApiKey({ userId, fingerprint: k.id }));
    if (known) return { keyId: log.note('api-key', known.id, userId, false) };
    const pair = (this.deps.generateKeyPair ?? generateOciKeyPair)();
    const uploaded = await this.call(
      'UploadApiKey',
      () => id.uploadApiKey({ userId, publicKeyPem: pair.publicKeyPem }),
      true,
    );
    const credentials = new Credentials(userId, {
      tenancyId: this.deps.tenancyId,
      userId,
      fingerprint: uploaded.id,
      privateKeyPem: pair.privateKeyPem,
      region: this.deps.region,
    });
    return { keyId: log.note('api-key', uploaded.id, userId, true), credentials };
  }

  private async teardownIdentity(t: EdgeLocationTarget, deleted: CloudObjectRef[]): Promise<void> {
    const id = this.deps.identity;
    const tenancy = this.deps.tenancyId;
    const users = alive(
      await this.call('ListUsers', () =>
        id.listUsers({ compartmentId: tenancy, name: omniObjectName(t.name) }),
      ),
    );
    const groups = alive(
      await this.call('ListGroups', () =>
        id.listGroups({ compartmentId: tenancy, name: omniObjectName(t.name, 'group') }),
      ),
    );
    const policies = alive(
      await this.call('ListPolicies', () =>
        id.listPolicies({ compartmentId: tenancy, name: omniObjectName(t.name, 'policy') }),
      ),
    );
    for (const u of users) {
      for (const k of alive(await this.call('ListApiKeys', () => id.listApiKeys(u.id)))) {
        await this.remove(deleted, { kind: 'api-key', id: k.id, name: u.name }, () =>
          id.deleteApiKey({ userId: u.id, fingerprint: k.id }),
        );
      }
      for (const g of groups) {
        for (const m of alive(
          await this.call('ListUserGroupMemberships', () =>
            id.listUserGroupMemberships({ compartmentId: tenancy, userId: u.id, groupId: g.id }),
          ),
        )) {
          await this.remove(deleted, { kind: 'group-membership', id: m.id, name: m.name }, () =>
            id.removeUserFromGroup(m.id),
          );
        }
      }
    }
    for (const p of policies)
      await this.remove(deleted, { kind: 'policy', id: p.id, name: p.name }, () => id.deletePolicy(p.id));
    for (const g of groups)
      await this.remove(deleted, { kind: 'group', id: g.id, name: g.name }, () => id.deleteGroup(g.id));
    for (const u of users)
      await this.remove(deleted, { kind: 'user', id: u.id, name: u.name }, () => id.deleteUser(u.id));
  }

  private async teardownNetwork(t: EdgeLocationTarget, deleted: CloudObjectRef[]): Promise<void> {
    const net = this.deps.network;
    const c = this.compartmentId;
    const vcns = alive(
      await this.call('ListVcns', () =>
        net.listVcns({ compartmentId: c, displayName: omniObjectName(t.name) }),
      ),
    );
    for (const vcn of vcns) {
      const within = { compartmentId: c, vcnId: vcn.id };
      const kinds: [
        string,
        string,
        (
          q: typeof within & { displayName: string },
        ) => Promise<{ id: string; displayName: string; lifecycleState?: string }[]>,
        (id: string) => Promise<void>,
      ][] = [
        ['subnet', omniObjectName(t.name), (q) => net.listSubnets(q), (id) => net.deleteSubnet(id)],
        [
          'security-list',
          omniObjectName(t.name, 'sl'),
          (q) => net.listSecurityLists(q),
          (id) => net.deleteSecurityList(id),
        ],
        [
          'route-table',
          omniObjectName(t.name, 'rt'),
          (q) => net.listRouteTables(q),
          (id) => net.deleteRouteTable(id),
        ],
        [
          'internet-gateway',
          omniObjectName(t.name, 'igw'),
          (q) => net.listInternetGateways(q),
          (id) => net.deleteInternetGateway(id),
        ],
      ];
      for (const [kind, name, list, del] of kinds) {
        for (const o of alive(
          await this.call(`List ${kind}`, () => list({ ...within, displayName: name })),
        )) {
          await this.remove(deleted, { kind, id: o.id, name }, () => del(o.id));
        }
      }
      await this.remove(deleted, { kind: 'vcn', id: vcn.id, name: vcn.displayName }, () =>
        net.deleteVcn(vcn.id),
      );
    }
  }

  /** Finds a live object by name or creates it; notes it in the step log and returns its id. */
  private async ensure(
    log: StepLog,
    kind: string,
    name: string,
    ops: {
      find: () => Promise<{ id: string; lifecycleState?: string }[]>;
      create: () => Promise<{ id: string }>;
    },
  ): Promise<string> {
    const found = alive(await this.call(`List ${kind}`, ops.find))[0];
    if (found) return log.note(kind, found.id, name, false);
    const made = await this.call(`Create ${kind}`, ops.create, true);
    return log.note(kind, made.id, name, true);
  }

  private async allowed(probe: (() => Promise<unknown>) | undefined): Promise<boolean> {
    if (!probe) return false;
    try {
      await probe();
      return true;
    } catch (err) {
      const mapped = mapOciError(err, { operation: 'preflight', credentials: this.deps.credentials });
      if (
        isOciNotFound(err) ||
        mapped.code === 'NotAuthorizedOrNotFound' ||
        (err as { statusCode?: number }).statusCode === 403
      )
        return false;
      throw mapped;
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
      if (!isOciNotFound(err))
        throw mapOciError(err, { operation: `Delete ${ref.kind}`, credentials: this.deps.credentials });
    }
  }

  private async call<T>(operation: string, fn: () => Promise<T>, writing = false): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw mapOciError(err, { operation, writing, credentials: this.deps.credentials });
    }
  }
}
