// A recording fake of the OCI ports with per-kind stores keyed by id; errors thrown in the OciError
// shape (statusCode, serviceCode, message).

import type {
  OciComputePort,
  OciIdentityPort,
  OciInstance,
  OciNetworkPort,
} from '../../src/clouds/oci/port.ts';

export function ociError(statusCode: number, serviceCode: string, message = serviceCode): Error {
  return Object.assign(new Error(message), { statusCode, serviceCode });
}

interface Stored {
  id: string;
  displayName: string;
  name: string;
  parent?: string;
  extra?: Record<string, unknown>;
}

export class FakeOci {
  readonly calls: { op: string; input: unknown }[] = [];
  private readonly failures = new Map<string, Error[]>();
  private seq = 0;
  readonly store = new Map<string, Map<string, Stored>>();
  readonly instances = new Map<string, OciInstance>();
  /** List calls that fail with 404 NotAuthorizedOrNotFound (the preflight probes). */
  deniedLists = new Set<string>();

  failNext(op: string, err: Error, times = 1): void {
    this.failures.set(op, [...(this.failures.get(op) ?? []), ...Array<Error>(times).fill(err)]);
  }

  inputsOf<T>(op: string): T[] {
    return this.calls.filter((c) => c.op === op).map((c) => c.input as T);
  }

  count(): number {
    return [...this.store.values()].reduce((n, m) => n + m.size, 0);
  }

  private kind(k: string): Map<string, Stored> {
    if (!this.store.has(k)) this.store.set(k, new Map());
    return this.store.get(k) as Map<string, Stored>;
  }

  private async rec<T>(op: string, input: unknown, fn: () => T): Promise<T> {
    this.calls.push({ op, input });
    if (this.deniedLists.has(op))
      throw ociError(404, 'NotAuthorizedOrNotFound', 'Authorization failed or requested resource not found.');
    const err = this.failures.get(op)?.shift();
    if (err) throw err;
    return fn();
  }

  private create(kind: string, name: string, parent?: string, extra?: Record<string, unknown>): Stored {
    const id = `ocid1.${kind}.oc1..${String(++this.seq).padStart(6, '0')}`;
    const o = { id, displayName: name, name, parent, extra };
    this.kind(kind).set(id, o);
    return o;
  }

  private find(kind: string, name: string, parent?: string): Stored[] {
    return [...this.kind(kind).values()].filter(
      (o) => o.name === name && (parent === undefined || o.parent === parent),
    );
  }

  private del(kind: string, id: string): void {
    if (!this.kind(kind).delete(id)) throw ociError(404, 'NotAuthorizedOrNotFound');
  }

  network(): OciNetworkPort {
    return {
      listVcns: (r) => this.rec('ListVcns', r, () => this.find('vcn', r.displayName)),
      createVcn: (d) => this.rec('CreateVcn', d, () => this.create('vcn', d.displayName)),
      deleteVcn: (id) =>
        this.rec('DeleteVcn', id, () => {
          const children = ['subnet', 'internetgateway', 'routetable', 'securitylist'].some((k) =>
            [...this.kind(k).values()].some((o) => o.parent === id),
          );
          if (children) throw ociError(409, 'Conflict', 'The Vcn has dependent resources');
          this.del('vcn', id);
        }),
      listInternetGateways: (r) =>
        this.rec('ListInternetGateways', r, () => this.find('internetgateway', r.displayName, r.vcnId)),
      createInternetGateway: (d) =>
        this.rec('CreateInternetGateway', d, () => this.create('internetgateway', d.displayName, d.vcnId)),
      deleteInternetGateway: (id) =>
        this.rec('DeleteInternetGateway', id, () => this.del('internetgateway', id)),
      listRouteTables: (r) =>
        this.rec('ListRouteTables', r, () => this.find('routetable', r.displayName, r.vcnId)),
      createRouteTable: (d) =>
        this.rec('CreateRouteTable', d, () => this.create('routetable', d.displayName, d.vcnId)),
      deleteRouteTable: (id) => this.rec('DeleteRouteTable', id, () => this.del('routetable', id)),
      listSecurityLists: (r) =>
        this.rec('ListSecurityLists', r, () => this.find('securitylist', r.displayName, r.vcnId)),
      createSecurityList: (d) =>
        this.rec('CreateSecurityList', d, () => this.create('securitylist', d.displayName, d.vcnId)),
      deleteSecurityList: (id) => this.rec('DeleteSecurityList', id, () => this.del('securitylist', id)),
      listSubnets: (r) =>
        this.rec('ListSubnets', r, () =>
          this.find('subnet', r.displayName, r.vcnId).map((s) => ({
            ...s,
            securityListIds: (s.extra?.securityListIds as string[]) ?? [],
          })),
        ),
      createSubnet: (d) =>
        this.rec('CreateSubnet', d, () =>
          this.create('subnet', d.displayName, d.vcnId, { securityListIds: [] }),
        ),
      updateSubnetSecurityLists: (r) =>
        this.rec('UpdateSubnet', r, () => {
          const s = this.kind('subnet').get(r.subnetId);
          if (s) s.extra = { securityListIds: r.securityListIds };
        }),
      deleteSubnet: (id) => this.rec('DeleteSubnet', id, () => this.del('subnet', id)),
    };
  }

  identity(): OciIdentityPort {
    return {
      listUsers: (r) => this.rec('ListUsers', r, () => this.find('user', r.name)),
      createUser: (d) => this.rec('CreateUser', d, () => this.create('user', d.name)),
      deleteUser: (id) => this.rec('DeleteUser', id, () => this.del('user', id)),
      listGroups: (r) => this.rec('ListGroups', r, () => this.find('group', r.name)),
      createGroup: (d) => this.rec('CreateGroup', d, () => this.create('group', d.name)),
      deleteGroup: (id) => this.rec('DeleteGroup', id, () => this.del('group', id)),
      listUserGroupMemberships: (r) =>
        this.rec('ListUserGroupMemberships', r, () => this.find('membership', `${r.userId}/${r.groupId}`)),
      addUserToGroup: (d) =>
        this.rec('AddUserToGroup', d, () => this.create('membership', `${d.userId}/${d.groupId}`)),
      removeUserFromGroup: (id) => this.rec('RemoveUserFromGroup', id, () => this.del('membership', id)),
      listPolicies: (r) => this.rec('ListPolicies', r, () => this.find('policy', r.name)),
      createPolicy: (d) =>
        this.rec('CreatePolicy', d, () =>
          this.create('policy', d.name, undefined, { statements: d.statements }),
        ),
      deletePolicy: (id) => this.rec('DeletePolicy', id, () => this.del('policy', id)),
      listApiKeys: (userId) =>
        this.rec('ListApiKeys', userId, () =>
          [...this.kind('apikey').values()].filter((k) => k.parent === userId),
        ),
      uploadApiKey: (r) =>
        this.rec('UploadApiKey', r, () => {
          const fp = `aa:bb:${String(++this.seq).padStart(2, '0')}`;
          const o = { id: fp, displayName: fp, name: fp, parent: r.userId };
          this.kind('apikey').set(fp, o);
          return o;
        }),
      deleteApiKey: (r) => this.rec('DeleteApiKey', r, () => this.del('apikey', r.fingerprint)),
    };
  }

  compute(): OciComputePort {
    return {
      launchInstance: (d, token) =>
        this.rec('LaunchInstance', { details: d, token }, () => {
          const i: OciInstance = {
            id: `ocid1.instance.oc1.iad.${String(++this.seq).padStart(6, '0')}`,
            displayName: d.displayName,
            availabilityDomain: d.availabilityDomain,
            shape: d.shape,
            region: 'us-ashburn-1',
            lifecycleState: 'PROVISIONING',
            freeformTags: d.freeformTags,
            preemptible: d.preemptibleInstanceConfig !== undefined,
          };
          this.instances.set(i.id, i);
          return i;
        }),
      terminateInstance: (id) =>
        this.rec('TerminateInstance', id, () => {
          if (!this.instances.delete(id)) throw ociError(404, 'NotAuthorizedOrNotFound');
        }),
      listInstances: (r) => this.rec('ListInstances', r, () => [...this.instances.values()]),
      listShapes: (r) =>
        this.rec('ListShapes', r, () =>
          r.availabilityDomain === 'US-ASHBURN-AD-1'
            ? ['VM.Standard.E4.Flex', 'VM.GPU.A10.1']
            : ['VM.Standard.E4.Flex'],
        ),
    };
  }
}
