// The real GCP ports: @google-cloud/compute for Compute Engine, @googleapis/iam for service
// accounts and keys, @googleapis/cloudresourcemanager (v1) for project IAM policy and
// testIamPermissions. Every call's error comes out as a GcpApiError.

import * as compute from '@google-cloud/compute';
import { cloudresourcemanager } from '@googleapis/cloudresourcemanager';
import { auth, iam } from '@googleapis/iam';
import type { Credentials } from '../credentials.ts';
import { normalizeGcpError } from './errors.ts';
import type {
  GcpApiError,
  GcpComputePort,
  GcpInstance,
  GcpIamPort,
  GcpPorts,
  GcpProjectIamPort,
} from './port.ts';

interface Operation {
  promise(): Promise<unknown>;
  result?: { error?: { errors?: { code?: string | null; message?: string | null }[] | null } | null } | null;
}

async function wrap<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const n = normalizeGcpError(err);
    throw Object.assign(new Error(n.message), { status: n.status, reason: n.reason } satisfies Omit<
      GcpApiError,
      'message'
    >);
  }
}

/** Waits for a long-running compute operation and raises its first error. */
async function waitFor(start: Promise<[Operation, ...unknown[]]>): Promise<void> {
  const [op] = await start;
  await op.promise();
  const first = op.result?.error?.errors?.[0];
  if (first)
    throw Object.assign(new Error(first.message ?? first.code ?? 'operation failed'), {
      reason: first.code ?? '',
      status: 0,
    });
}

type ProtoInstance = compute.protos.google.cloud.compute.v1.IInstance;

function opt<T>(v: T | null | undefined): T | undefined {
  return v ?? undefined;
}

function toGcpInstance(i: ProtoInstance): GcpInstance {
  return {
    id: i.id === undefined || i.id === null ? undefined : String(i.id),
    name: opt(i.name),
    zone: opt(i.zone),
    machineType: opt(i.machineType),
    status: opt(i.status),
    labels: opt(i.labels) as Record<string, string> | undefined,
    creationTimestamp: opt(i.creationTimestamp),
    networkInterfaces: (i.networkInterfaces ?? []).map((n) => ({ networkIP: opt(n.networkIP) })),
    scheduling: { provisioningModel: opt(i.scheduling?.provisioningModel) },
  };
}

/** The adapter only reads name and selfLink back from get calls. */
function named(o: { name?: string | null; selfLink?: string | null }): { name: string; selfLink?: string } {
  return { name: o.name ?? '', selfLink: o.selfLink ?? undefined };
}

function clientOptions(project: string, credentials: Credentials) {
  const sa = JSON.parse(credentials.reveal().serviceAccountJson ?? '{}') as {
    client_email?: string;
    private_key?: string;
  };
  return { projectId: project, credentials: { client_email: sa.client_email, private_key: sa.private_key } };
}

function computePort(project: string, credentials: Credentials): GcpComputePort {
  const opts = clientOptions(project, credentials);
  const instances = new compute.InstancesClient(opts);
  const machineTypes = new compute.MachineTypesClient(opts);
  const operations = new compute.ZoneOperationsClient(opts);
  const networks = new compute.NetworksClient(opts);
  const subnetworks = new compute.SubnetworksClient(opts);
  const firewalls = new compute.FirewallsClient(opts);
  const aggregatedInstances = async (filter: string) => {
    const out = [];
    for await (const [, scoped] of instances.aggregatedListAsync({ project, filter }))
      out.push(...(scoped.instances ?? []));
    return out.map(toGcpInstance);
  };
  return {
    insertInstance: (r) => wrap(() => waitFor(instances.insert(r))),
    deleteInstance: (r) => wrap(() => waitFor(instances.delete(r))),
    listInstances: (r) => wrap(() => aggregatedInstances(r.filter)),
    listMachineTypes: (r) => wrap(async () => (await machineTypes.list(r))[0].map((m) => m.name ?? '')),
    listOperations: (r) =>
      wrap(async () => {
        const zones = new compute.ZonesClient(opts);
        const out = [];
        for await (const z of zones.listAsync({ project }))
          out.push(...(await operations.list({ project, zone: z.name ?? '', filter: r.filter }))[0]);
        return out.map((o) => ({
          operationType: o.operationType ?? '',
          targetLink: o.targetLink ?? '',
          targetId: String(o.targetId ?? ''),
          insertTime: o.insertTime ?? '',
        }));
      }),
    getNetwork: (r) => wrap(async () => named((await networks.get(r))[0])),
    insertNetwork: (r) => wrap(() => waitFor(networks.insert(r))),
    deleteNetwork: (r) => wrap(() => waitFor(networks.delete(r))),
    getSubnetwork: (r) =>
      wrap(async () => ({
        ...named((await subnetworks.get(r))[0]),
        network: '',
        region: r.region,
        ipCidrRange: '',
      })),
    insertSubnetwork: (r) => wrap(() => waitFor(subnetworks.insert(r))),
    deleteSubnetwork: (r) => wrap(() => waitFor(subnetworks.delete(r))),
    getFirewall: (r) =>
      wrap(async () => ({
        ...named((await firewalls.get(r))[0]),
        network: '',
        direction: 'INGRESS' as const,
        priority: 0,
        allowed: [],
      })),
    insertFirewall: (r) => wrap(() => waitFor(firewalls.insert(r))),
    deleteFirewall: (r) => wrap(() => waitFor(firewalls.delete(r))),
  };
}

function googleAuth(credentials: Credentials) {
  const sa = JSON.parse(credentials.reveal().serviceAccountJson ?? '{}') as {
    client_email?: string;
    private_key?: string;
  };
  return new auth.GoogleAuth({ credentials: sa, scopes: ['https://www.googleapis.com/auth/cloud-platform'] });
}

function iamPort(credentials: Credentials): GcpIamPort {
  const c = iam({ version: 'v1', auth: googleAuth(credentials) });
  const sa = c.projects.serviceAccounts;
  const asAccount = (d: { name?: string | null; email?: string | null; uniqueId?: string | null }) => ({
    name: d.name ?? '',
    email: d.email ?? '',
    uniqueId: d.uniqueId ?? undefined,
  });
  return {
    getServiceAccount: (name) => wrap(async () => asAccount((await sa.get({ name })).data)),
    createServiceAccount: (r) =>
      wrap(async () =>
        asAccount(
          (
            await sa.create({
              name: `projects/${r.project}`,
              requestBody: {
                accountId: r.accountId,
                serviceAccount: { displayName: r.displayName, description: r.description },
              },
            })
          ).data,
        ),
      ),
    deleteServiceAccount: (name) => wrap(async () => void (await sa.delete({ name }))),
    listServiceAccountKeys: (name) =>
      wrap(async () =>
        ((await sa.keys.list({ name, keyTypes: ['USER_MANAGED'] })).data.keys ?? []).map((k) => ({
          name: k.name ?? '',
        })),
      ),
    createServiceAccountKey: (name) =>
      wrap(async () => {
        const d = (await sa.keys.create({ name, requestBody: {} })).data;
        return { name: d.name ?? '', privateKeyData: d.privateKeyData ?? '' };
      }),
    deleteServiceAccountKey: (name) => wrap(async () => void (await sa.keys.delete({ name }))),
  };
}

function projectsPort(credentials: Credentials): GcpProjectIamPort {
  const c = cloudresourcemanager({ version: 'v1', auth: googleAuth(credentials) });
  const asPolicy = (d: {
    etag?: string | null;
    version?: number | null;
    bindings?: { role?: string | null; members?: string[] | null }[] | null;
  }) => ({
    etag: d.etag ?? undefined,
    version: d.version ?? undefined,
    bindings: (d.bindings ?? []).map((b) => ({ role: b.role ?? '', members: b.members ?? [] })),
  });
  return {
    getIamPolicy: (project) =>
      wrap(async () =>
        asPolicy((await c.projects.getIamPolicy({ resource: project, requestBody: {} })).data),
      ),
    setIamPolicy: (project, policy) =>
      wrap(async () =>
        asPolicy((await c.projects.setIamPolicy({ resource: project, requestBody: { policy } })).data),
      ),
    testIamPermissions: (project, permissions) =>
      wrap(
        async () =>
          (await c.projects.testIamPermissions({ resource: project, requestBody: { permissions } })).data
            .permissions ?? [],
      ),
  };
}

export function gcpPorts(project: string, credentials: Credentials): GcpPorts {
  return {
    compute: computePort(project, credentials),
    iam: iamPort(credentials),
    projects: projectsPort(credentials),
  };
}
