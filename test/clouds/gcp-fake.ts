// A recording fake of the GCP ports with just enough state for the adapter's get/insert/delete
// round trips; errors are thrown in the port's GcpApiError shape or as raw gax errors.

import type {
  GcpComputePort,
  GcpFirewall,
  GcpIamPort,
  GcpInstance,
  GcpNetwork,
  GcpPolicy,
  GcpProjectIamPort,
  GcpSubnetwork,
} from '../../src/clouds/gcp/port.ts';

export function gcpError(status: number, reason: string, message = `${reason}`): Error {
  return Object.assign(new Error(message), { status, reason });
}

const notFound = () => gcpError(404, 'notFound', 'The resource was not found');

export class FakeGcp {
  readonly calls: { op: string; input: unknown }[] = [];
  private readonly failures = new Map<string, Error[]>();
  private seq = 0;
  readonly networks = new Map<string, GcpNetwork>();
  readonly subnetworks = new Map<string, GcpSubnetwork>();
  readonly firewalls = new Map<string, GcpFirewall>();
  readonly instances = new Map<string, GcpInstance>();
  readonly accounts = new Map<string, string[]>();
  policy: GcpPolicy = {
    etag: 'e0',
    bindings: [{ role: 'roles/owner', members: ['user:admin@example.com'] }],
  };
  granted: string[] | undefined;
  preempted: string[] = [];

  failNext(op: string, err: Error, times = 1): void {
    this.failures.set(op, [...(this.failures.get(op) ?? []), ...Array<Error>(times).fill(err)]);
  }

  inputsOf<T>(op: string): T[] {
    return this.calls.filter((c) => c.op === op).map((c) => c.input as T);
  }

  ops(): string[] {
    return this.calls.map((c) => c.op);
  }

  /** Every object the fake holds that onboarding makes (bindings counted per omni member). */
  count(): number {
    let n = this.networks.size + this.subnetworks.size + this.firewalls.size;
    for (const keys of this.accounts.values()) n += 1 + keys.length;
    for (const b of this.policy.bindings ?? [])
      n += b.members.filter((m) => m.startsWith('serviceAccount:')).length;
    return n;
  }

  private async rec<T>(op: string, input: unknown, fn: () => T): Promise<T> {
    this.calls.push({ op, input });
    const err = this.failures.get(op)?.shift();
    if (err) throw err;
    return fn();
  }

  private get<T>(m: Map<string, T>, key: string): T {
    const v = m.get(key);
    if (!v) throw notFound();
    return v;
  }

  private put<T>(m: Map<string, T>, key: string, v: T): void {
    if (m.has(key)) throw gcpError(409, 'alreadyExists');
    m.set(key, v);
  }

  private drop<T>(m: Map<string, T>, key: string): void {
    if (!m.delete(key)) throw notFound();
  }

  compute(): GcpComputePort {
    return {
      insertInstance: (r) =>
        this.rec('instances.insert', r, () => {
          const res = r.instanceResource;
          const id = String(1000 + ++this.seq);
          this.put(this.instances, res.name, {
            id,
            name: res.name,
            zone: `projects/p/zones/${r.zone}`,
            machineType: res.machineType,
            status: 'PROVISIONING',
            labels: res.labels,
            scheduling: { provisioningModel: res.scheduling.provisioningModel },
          });
        }),
      deleteInstance: (r) => this.rec('instances.delete', r, () => this.drop(this.instances, r.instance)),
      listInstances: (r) =>
        this.rec('instances.aggregatedList', r, () => {
          const all = [...this.instances.values()];
          const byName = /^name = "(.*)"$/.exec(r.filter);
          const byId = /^id = (.*)$/.exec(r.filter);
          if (byName) return all.filter((i) => i.name === byName[1]);
          if (byId) return all.filter((i) => i.id === byId[1]);
          const wanted = [...r.filter.matchAll(/labels\.([\w-]+) = "([^"]*)"/g)];
          return all.filter((i) => wanted.every(([, k, v]) => i.labels?.[k] === v));
        }),
      listMachineTypes: (r) =>
        this.rec('machineTypes.list', r, () =>
          r.zone === 'us-central1-a' ? ['n2-standard-2', 'a2-highgpu-1g'] : ['n2-standard-2'],
        ),
      listOperations: (r) =>
        this.rec('zoneOperations.aggregatedList', r, () =>
          this.preempted.map((id) => ({
            operationType: 'compute.instances.preempted',
            targetId: id,
            insertTime: '2026-01-01T00:00:00.000Z',
          })),
        ),
      getNetwork: (r) => this.rec('networks.get', r, () => this.get(this.networks, r.network)),
      insertNetwork: (r) =>
        this.rec('networks.insert', r, () =>
          this.put(this.networks, r.networkResource.name, r.networkResource),
        ),
      deleteNetwork: (r) => this.rec('networks.delete', r, () => this.drop(this.networks, r.network)),
      getSubnetwork: (r) => this.rec('subnetworks.get', r, () => this.get(this.subnetworks, r.subnetwork)),
      insertSubnetwork: (r) =>
        this.rec('subnetworks.insert', r, () =>
          this.put(this.subnetworks, r.subnetworkResource.name, r.subnetworkResource),
        ),
      deleteSubnetwork: (r) =>
        this.rec('subnetworks.delete', r, () => this.drop(this.subnetworks, r.subnetwork)),
      getFirewall: (r) => this.rec('firewalls.get', r, () => this.get(this.firewalls, r.firewall)),
      insertFirewall: (r) =>
        this.rec('firewalls.insert', r, () =>
          this.put(this.firewalls, r.firewallResource.name, r.firewallResource),
        ),
      deleteFirewall: (r) => this.rec('firewalls.delete', r, () => this.drop(this.firewalls, r.firewall)),
    };
  }

  iam(): GcpIamPort {
    const email = (name: string) => name.split('/').pop() ?? '';
    return {
      getServiceAccount: (name) =>
        this.rec('serviceAccounts.get', name, () => {
          this.get(this.accounts, email(name));
          return { name, email: email(name) };
        }),
      createServiceAccount: (r) =>
        this.rec('serviceAccounts.create', r, () => {
          const e = `${r.accountId}@${r.project}.iam.gserviceaccount.com`;
          this.put(this.accounts, e, []);
          return { name: `projects/${r.project}/serviceAccounts/${e}`, email: e };
        }),
      deleteServiceAccount: (name) =>
        this.rec('serviceAccounts.delete', name, () => this.drop(this.accounts, email(name))),
      listServiceAccountKeys: (name) =>
        this.rec('keys.list', name, () =>
          this.get(this.accounts, email(name)).map((k) => ({ name: `${name}/keys/${k}` })),
        ),
      createServiceAccountKey: (name) =>
        this.rec('keys.create', name, () => {
          const id = `k${++this.seq}`;
          this.get(this.accounts, email(name)).push(id);
          const json = JSON.stringify({
            type: 'service_account',
            client_email: email(name),
            private_key: '-----BEGIN PRIVATE KEY-----\nMIIEv\n-----END PRIVATE KEY-----\n',
          });
          return { name: `${name}/keys/${id}`, privateKeyData: Buffer.from(json).toString('base64') };
        }),
      deleteServiceAccountKey: (keyName) =>
        this.rec('keys.delete', keyName, () => {
          const [sa, , id] = keyName.split('/').slice(-3);
          const keys = this.get(this.accounts, sa);
          this.accounts.set(
            sa,
            keys.filter((k) => k !== id),
          );
        }),
    };
  }

  projects(): GcpProjectIamPort {
    return {
      getIamPolicy: (project) =>
        this.rec('projects.getIamPolicy', project, () => structuredClone(this.policy)),
      setIamPolicy: (project, policy) =>
        this.rec('projects.setIamPolicy', { project, policy }, () => {
          if (policy.etag !== this.policy.etag) throw gcpError(409, 'ABORTED', 'etag mismatch');
          this.policy = { ...structuredClone(policy), etag: `e${++this.seq}` };
          return this.policy;
        }),
      testIamPermissions: (project, permissions) =>
        this.rec('projects.testIamPermissions', { project, permissions }, () => this.granted ?? permissions),
    };
  }
}
