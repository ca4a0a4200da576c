// The real clouds' EdgeClusterProvisioner: one K3s server instance per edge location, launched through
// the location's cloud with `role: 'server'` user data. omni makes the cluster CA, the join token and
// an admin bearer token up front (stored before the launch, so a crash never loses them) and writes
// them into the user data, so it can build the kubeconfig without reading anything off the machine.
import { request } from 'node:https';
import { randomBytes } from 'node:crypto';
import { createCa } from '../../tunnel/pki/index.ts';
import { encodeUserData } from '../../clouds/join.ts';
import { TransientError } from '../../clouds/errors.ts';
import type { CloudInstance, OfferingKey } from '../../clouds/types.ts';
import type { EdgeClusterInfo, EdgeClusterProvisioner, EdgeClusterRequest } from './ports.ts';

export interface K3sBootstrap {
  joinToken: string;
  adminToken: string;
  caCertPem: string;
  caKeyPem: string;
}

export interface BootstrapStore {
  get(location: string): Promise<K3sBootstrap | undefined>;
  put(location: string, bootstrap: K3sBootstrap): Promise<void>;
}

export interface ApiTarget {
  endpoint: string;
  caData: string;
  adminToken: string;
}

export interface K3sServerOptions {
  store: BootstrapStore;
  /** Does the API server answer? Default: GET /version over TLS with the cluster CA and the admin token. */
  probe?(api: ApiTarget): Promise<boolean>;
  minVcpus?: number;
  minMemoryGiB?: number;
}

/** The instance tag that marks an edge location's K3s server (NodeClaim tag: no claim owns it). */
export const SERVER_TAG = 'k3s-server';

function newBootstrap(location: string): K3sBootstrap {
  const ca = createCa(`omni edge cluster ${location}`);
  return { joinToken: randomBytes(24).toString('hex'), adminToken: randomBytes(24).toString('hex'), caCertPem: ca.certPem, caKeyPem: ca.keyPem };
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** The join contract's server script, with omni's CA and admin token put in place before K3s starts. */
export function serverUserData(location: string, b: K3sBootstrap): string {
  const script = encodeUserData({
    role: 'server',
    clusterEndpoint: `https://${location}.edge.omni.cast.ai:6443`,
    caData: b64(b.caCertPem),
    bootstrapToken: b.joinToken,
    nodeName: `${location}-k3s-server`,
    labels: { 'omni.cast.ai/edge-location-name': location, 'omni.cast.ai/role': 'edge-cluster-server' },
    taints: [],
    installGpuDriver: false,
  });
  const tls = '/var/lib/rancher/k3s/server/tls';
  const prepare = [
    '# omni-step: edge-cluster-ca',
    `mkdir -p ${tls} /etc/rancher/k3s`,
    `echo '${b64(b.caCertPem)}' | base64 -d > ${tls}/server-ca.crt`,
    `echo '${b64(b.caKeyPem)}' | base64 -d > ${tls}/server-ca.key`,
    `echo '${b.adminToken},omni-admin,omni-admin,system:masters' > /etc/rancher/k3s/omni-tokens.csv`,
    'export INSTALL_K3S_EXEC="--kube-apiserver-arg=token-auth-file=/etc/rancher/k3s/omni-tokens.csv --tls-san $(hostname -I | cut -d" " -f1)"',
  ];
  return script.replace('set -euo pipefail\n', `set -euo pipefail\n${prepare.join('\n')}\n`);
}

export function kubeconfigFor(location: string, endpoint: string, b: K3sBootstrap): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    `clusters: [{name: ${location}, cluster: {server: "${endpoint}", certificate-authority-data: ${b64(b.caCertPem)}}}]`,
    `users: [{name: omni-admin, user: {token: ${b.adminToken}}}]`,
    `contexts: [{name: ${location}, context: {cluster: ${location}, user: omni-admin}}]`,
    `current-context: ${location}`,
    '',
  ].join('\n');
}

async function serverInstance(req: EdgeClusterRequest): Promise<CloudInstance | undefined> {
  const name = req.location.metadata.name;
  const found = await req.provider.listInstances({ clusterId: req.clusterId, edgeLocation: name, nodeClaim: SERVER_TAG });
  return found.find((i) => i.state === 'pending' || i.state === 'running');
}

/** The cheapest On-Demand offerings big enough for a K3s server, cheapest first. */
async function serverOfferings(req: EdgeClusterRequest, o: K3sServerOptions): Promise<OfferingKey[]> {
  const offers = await req.provider.listOfferings({ region: req.location.spec.region, zones: req.zones.length ? req.zones : undefined, lifecycle: 'on-demand' });
  return offers
    .filter((x) => x.available && x.arch === 'amd64' && x.gpuCount === 0 && x.vcpus >= (o.minVcpus ?? 2) && x.memoryGiB >= (o.minMemoryGiB ?? 4))
    .sort((a, b) => a.pricePerHour - b.pricePerHour)
    .slice(0, 5)
    .map(({ region, zone, instanceType, lifecycle }) => ({ region, zone, instanceType, lifecycle }));
}

async function launch(req: EdgeClusterRequest, b: K3sBootstrap, o: K3sServerOptions): Promise<CloudInstance> {
  const name = req.location.metadata.name;
  const offerings = await serverOfferings(req, o);
  if (offerings.length === 0) throw new TransientError(`no offering in ${req.location.spec.region} can run the K3s server now`);
  const res = await req.provider.launch({ offerings, userData: serverUserData(name, b), tags: { clusterId: req.clusterId, edgeLocation: name, nodeClaim: SERVER_TAG }, placement: req.placement });
  return res.instance;
}

function defaultProbe(api: ApiTarget): Promise<boolean> {
  return new Promise((resolve) => {
    const ca = Buffer.from(api.caData, 'base64').toString('utf8');
    const r = request(`${api.endpoint}/version`, { ca, timeout: 5_000, headers: { authorization: `Bearer ${api.adminToken}` } }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    r.on('error', () => resolve(false));
    r.on('timeout', () => r.destroy());
    r.end();
  });
}

async function bootstrapOf(store: BootstrapStore, name: string): Promise<K3sBootstrap> {
  const known = await store.get(name);
  if (known) return known;
  const made = newBootstrap(name);
  await store.put(name, made);
  return made;
}

export function k3sServerProvisioner(o: K3sServerOptions): EdgeClusterProvisioner {
  return {
    async ensure(req) {
      const name = req.location.metadata.name;
      const b = await bootstrapOf(o.store, name);
      const instance = (await serverInstance(req)) ?? (await launch(req, b, o));
      if (!instance.privateIp) throw new TransientError(`K3s server ${instance.id} has no address yet`);
      const endpoint = `https://${instance.privateIp}:6443`;
      // Machines join with the K3s join token; omni talks to the API with the admin token.
      const info: EdgeClusterInfo = { endpoint, caData: b64(b.caCertPem), token: b.joinToken, kubeconfigYaml: kubeconfigFor(name, endpoint, b) };
      if (!(await (o.probe ?? defaultProbe)({ endpoint, caData: info.caData, adminToken: b.adminToken }))) throw new TransientError(`K3s server ${instance.id} at ${endpoint} does not answer yet`);
      return info;
    },
    async teardown(req) {
      const found = await req.provider.listInstances({ clusterId: req.clusterId, edgeLocation: req.location.metadata.name, nodeClaim: SERVER_TAG });
      for (const i of found) await req.provider.terminate(i.region, i.id);
    },
  };
}
