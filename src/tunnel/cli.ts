// Process entry points behind `omni gateway …`: build a hub or a spoke from files (certificates, policy,
// endpoints, revocations), serve /metrics, reload changed files, print one JSON "ready" line on stdout.
import { mkdirSync, readFileSync, unwatchFile, watchFile, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { KubeConfig } from '@kubernetes/client-node';
import {
  holdLease,
  loadKubeConfig,
  makeClients,
  systemClock,
  type HeldLease,
  type LeaderElectionOptions,
} from '../kube/index.ts';
import { startClusterHub, startClusterSpoke, type ClusterGateway } from './cluster-gateways.ts';
import { Hub, type TlsMaterial } from './hub.ts';
import { tunnelLogger } from './log.ts';
import { TunnelMetrics } from './metrics.ts';
import { createCa, issueEdgeCert, issueHubCert, RevocationList, certInfo } from './pki/index.ts';
import { parsePolicy } from './policy.ts';
import { parseHostPort, resolverFromConfig } from './resolver.ts';
import { isServiceKey } from './service-key.ts';
import { Spoke } from './spoke.ts';

export interface TlsFiles {
  cert: string;
  key: string;
  ca: string;
}

/** Read config, endpoints and revocations from the cluster (in-cluster account, or this kubeconfig file). */
export interface ClusterSource {
  kubeconfig?: string;
}

export interface HubRunOptions {
  listen: string;
  /** With the cluster: hold this Lease to serve (active/standby replicas). */
  leaderElection?: LeaderElectionOptions;
  tls: TlsFiles;
  /** Exactly one of a policy file or the cluster. */
  policyFile?: string;
  cluster?: ClusterSource;
  endpointsFile?: string;
  revocationsFile?: string;
  listeners: string[];
  metrics?: string;
  window?: number;
}

export interface SpokeRunOptions {
  hub: string;
  serverName?: string;
  location: string;
  tls: TlsFiles;
  cluster?: ClusterSource;
  endpointsFile?: string;
  listeners: string[];
  metrics?: string;
  window?: number;
}

export interface Running {
  close(): Promise<void>;
  /** Resolves with why, when the gateway must stop on its own (a hub that lost its Lease). */
  ended?: Promise<string>;
}

const readText = (f: string): string => readFileSync(f, 'utf8');
const readData = (f: string): unknown => parseYaml(readText(f));

export function readTls(files: TlsFiles): TlsMaterial {
  return { certPem: readText(files.cert), keyPem: readText(files.key), caPem: readText(files.ca) };
}

/** `namespace/name:port=listenPort` or `…=host:listenPort`. */
export function parseListener(spec: string): { service: string; host: string; port: number } {
  const i = spec.lastIndexOf('=');
  const service = spec.slice(0, i);
  if (i < 0 || !isServiceKey(service))
    throw new Error(`--listener: expected namespace/name:port=[host:]port, got "${spec}"`);
  const target = spec.slice(i + 1);
  const ep = target.includes(':') ? parseHostPort(target) : { host: '0.0.0.0', port: Number(target) };
  if (!Number.isInteger(ep.port) || ep.port < 0 || ep.port > 65535)
    throw new Error(`--listener: bad port in "${spec}"`);
  return { service, ...ep };
}

/** Why the gateway does not serve yet (a standby hub), or null once it does. */
type Readiness = () => string | null;

function respond(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  m: TunnelMetrics,
  notReady: Readiness,
): void {
  if (req.url === '/healthz') return void res.writeHead(200).end('ok\n');
  if (req.url === '/readyz') {
    const why = notReady();
    return void res.writeHead(why ? 503 : 200).end(`${why ?? 'ok'}\n`);
  }
  if (req.url !== '/metrics') return void res.writeHead(404).end();
  void m.registry
    .metrics()
    .then((text) => res.writeHead(200, { 'content-type': m.registry.contentType }).end(text));
}

/** Serves /metrics, /healthz (the process is up) and /readyz (200 once it serves, else 503 and why). */
async function serveMetrics(
  addr: string | undefined,
  metrics: TunnelMetrics,
  notReady: Readiness = () => null,
): Promise<http.Server | null> {
  if (!addr) return null;
  const { host, port } = parseHostPort(addr);
  const srv = http.createServer((req, res) => respond(req, res, metrics, notReady));
  await new Promise<void>((resolve) => srv.listen(port, host, resolve));
  return srv;
}

const fileLog = tunnelLogger('omni-gateway');

/**
 * Calls `onChange` with the new content whenever the file changes (polling; works on mounted Secrets).
 * A change `onChange` rejects (a policy that does not parse, say) is logged; what was in force stays.
 */
function watchText(file: string, onChange: (text: string) => void): () => void {
  let last = readText(file);
  const listener = (): void => {
    let text: string;
    try {
      text = readText(file);
    } catch {
      return;
    }
    if (text === last) return;
    last = text;
    try {
      onChange(text);
    } catch (err) {
      fileLog.error({ file, err: (err as Error).message }, 'change rejected; keeping the last one');
    }
  };
  watchFile(file, { interval: 1000 }, listener);
  return () => unwatchFile(file, listener);
}

function ready(fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ ready: true, ...fields })}\n`);
}

function staticListeners(specs: readonly string[]): Record<string, number> {
  return Object.fromEntries(specs.map(parseListener).map((l) => [l.service, l.port]));
}

function closing(parts: {
  stops: (() => void)[];
  metrics: http.Server | null;
  gateway: { close(): Promise<void> };
}): Running {
  return {
    close: async () => {
      parts.stops.forEach((s) => s());
      parts.metrics?.close();
      await parts.gateway.close();
    },
  };
}

function checkHubSources(o: HubRunOptions): void {
  if (o.cluster && (o.policyFile || o.endpointsFile || o.revocationsFile))
    throw new Error(
      '--from-cluster reads policy, endpoints and revocations from the cluster: drop --policy/--endpoints/--revocations',
    );
  if (!o.cluster && !o.policyFile) throw new Error('either --policy <file> or --from-cluster is required');
}

/** With leader election: stands by (saying so on stdout) until this replica holds the hub's Lease. */
async function leaseIfElected(o: HubRunOptions, kc: KubeConfig): Promise<HeldLease | undefined> {
  const lease = o.leaderElection;
  if (!lease) return undefined;
  process.stdout.write(`${JSON.stringify({ standby: true, lease: `${lease.namespace}/${lease.name}` })}\n`);
  return holdLease(makeClients(kc).coordination, systemClock, lease, tunnelLogger('omni-hub'));
}

async function runClusterHub(o: HubRunOptions & { cluster: ClusterSource }): Promise<Running> {
  const log = tunnelLogger('omni-hub');
  const { host, port } = parseHostPort(o.listen);
  const kc = loadKubeConfig({ file: o.cluster.kubeconfig });
  const metrics = new TunnelMetrics();
  let serving = false;
  const server = await serveMetrics(o.metrics, metrics, () =>
    serving ? null : 'standby: waiting for the hub Lease',
  );
  const lease = await leaseIfElected(o, kc);
  const running = await startClusterHub({
    kc,
    tls: readTls(o.tls),
    log,
    host,
    port,
    metrics,
    mux: o.window ? { window: o.window } : undefined,
    staticListeners: staticListeners(o.listeners),
  });
  serving = true;
  const hub = running.gateway;
  const stops = [watchText(o.tls.cert, () => hub.reloadCredentials(readTls(o.tls)))];
  ready({ role: 'hub', port: hub.port, listeners: hub.listenerPorts(), source: 'cluster' });
  const done = closing({ stops, metrics: server, gateway: running });
  return { close: async () => (await done.close(), await lease?.release()), ended: lease?.lost };
}

export async function runHub(o: HubRunOptions): Promise<Running> {
  checkHubSources(o);
  if (o.cluster) return runClusterHub({ ...o, cluster: o.cluster });
  const policyFile = o.policyFile as string;
  const log = tunnelLogger('omni-hub');
  const { host, port } = parseHostPort(o.listen);
  const revocations = o.revocationsFile ? readRevocations(o.revocationsFile) : undefined;
  const hub = new Hub({
    tls: readTls(o.tls),
    policy: parsePolicy(readData(policyFile)),
    resolver: resolverFromConfig(o.endpointsFile ? readData(o.endpointsFile) : {}),
    host,
    port,
    revocations,
    mux: o.window ? { window: o.window } : undefined,
    logger: log,
  });
  const hubPort = await hub.start();
  const listeners: Record<string, number> = {};
  for (const l of o.listeners.map(parseListener))
    listeners[l.service] = await hub.listen(l.service, l.port, l.host);
  const metrics = await serveMetrics(o.metrics, hub.metrics);
  const stops = [
    watchText(policyFile, (t) => hub.setPolicy(parsePolicy(parseYaml(t)))),
    watchText(o.tls.cert, () => hub.reloadCredentials(readTls(o.tls))),
  ];
  if (o.revocationsFile)
    stops.push(watchText(o.revocationsFile, (t) => hub.setRevocations(RevocationList.parse(t))));
  ready({ role: 'hub', port: hubPort, listeners });
  return closing({ stops, metrics, gateway: hub });
}

async function startSpokeFromFiles(
  o: SpokeRunOptions,
  hub: { host: string; port: number; servername?: string },
): Promise<Spoke> {
  const endpoints = o.endpointsFile ? (readData(o.endpointsFile) as Record<string, unknown>) : {};
  const spoke = new Spoke({
    location: o.location,
    hub,
    tls: readTls(o.tls),
    resolver: resolverFromConfig(endpoints),
    serves: Object.keys(endpoints ?? {}),
    listeners: o.listeners.map(parseListener),
    mux: o.window ? { window: o.window } : undefined,
  });
  await spoke.start();
  return spoke;
}

async function startSpokeFromCluster(
  o: SpokeRunOptions & { cluster: ClusterSource },
  hub: { host: string; port: number; servername?: string },
): Promise<ClusterGateway<Spoke>> {
  if (o.endpointsFile)
    throw new Error('--from-cluster reads endpoints from the edge cluster: drop --endpoints');
  return startClusterSpoke({
    kc: loadKubeConfig({ file: o.cluster.kubeconfig }),
    tls: readTls(o.tls),
    log: tunnelLogger('omni-spoke').child({ location: o.location }),
    location: o.location,
    hub,
    mux: o.window ? { window: o.window } : undefined,
    staticListeners: staticListeners(o.listeners),
  });
}

export async function runSpoke(o: SpokeRunOptions): Promise<Running> {
  const { host, port } = parseHostPort(o.hub);
  const hub = { host, port, servername: o.serverName };
  const running = o.cluster ? await startSpokeFromCluster({ ...o, cluster: o.cluster }, hub) : null;
  const spoke = running?.gateway ?? (await startSpokeFromFiles(o, hub));
  const metrics = await serveMetrics(o.metrics, spoke.metrics);
  const reload = (): void => void spoke.reloadCredentials(readTls(o.tls)).catch(() => undefined);
  const stops = [watchText(o.tls.cert, reload)];
  ready({
    role: 'spoke',
    location: o.location,
    listeners: spoke.listenerPorts(),
    source: o.cluster ? 'cluster' : 'files',
  });
  return closing({ stops, metrics, gateway: running ?? spoke });
}

/** Writes ca.crt/ca.key into `dir` (refusing to overwrite is the caller's job). */
export function initCa(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const ca = createCa();
  writeFileSync(join(dir, 'ca.crt'), ca.certPem);
  writeFileSync(join(dir, 'ca.key'), ca.keyPem, { mode: 0o600 });
  return join(dir, 'ca.crt');
}

export interface IssueRequest {
  caDir: string;
  out: string;
  location?: string;
  hubDns?: string[];
  hubIps?: string[];
  validityDays?: number;
  /** An edge certificate starts after the cut this list holds for its location (a location revoked moments ago). */
  revocationsFile?: string;
}

/** A revocation list file; an error names the file. */
function readRevocations(file: string): RevocationList {
  const text = readText(file);
  try {
    return RevocationList.parse(text);
  } catch (err) {
    throw new Error(`${file} is not a revocation list: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function locationCutIn(file: string | undefined, location: string | undefined): number | undefined {
  if (!file || !location) return undefined;
  return readRevocations(file).locationCut(location);
}

/** Issues an edge-location (or hub) certificate signed by the CA in `caDir`; writes <out>.crt/.key. */
export function issueToFiles(r: IssueRequest): { cert: string; serial: string } {
  const ca = { certPem: readText(join(r.caDir, 'ca.crt')), keyPem: readText(join(r.caDir, 'ca.key')) };
  const opts = { validityDays: r.validityDays, notBeforeAfter: locationCutIn(r.revocationsFile, r.location) };
  const bundle = r.location
    ? issueEdgeCert(ca, r.location, opts)
    : issueHubCert(ca, { dns: r.hubDns, ips: r.hubIps }, opts);
  writeFileSync(`${r.out}.crt`, bundle.certPem);
  writeFileSync(`${r.out}.key`, bundle.keyPem, { mode: 0o600 });
  return { cert: `${r.out}.crt`, serial: certInfo(bundle.certPem).serial };
}

/** Adds a serial or a whole location to a revocation list file (created if missing). */
export function revokeInFile(
  file: string,
  entry: { serial?: string; location?: string; reason?: string },
): void {
  let list = new RevocationList();
  try {
    list = RevocationList.parse(readText(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const next = list.with({ ...entry, revokedAt: new Date().toISOString() });
  writeFileSync(file, `${JSON.stringify(next.toJSON(), null, 2)}\n`);
}
