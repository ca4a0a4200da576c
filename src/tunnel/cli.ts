// Process entry points behind `omni gateway …`: build a hub or a spoke from files (certificates, policy,
// endpoints, revocations), serve /metrics, reload changed files, print one JSON "ready" line on stdout.
import { mkdirSync, readFileSync, unwatchFile, watchFile, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Hub, type TlsMaterial } from './hub.ts';
import { tunnelLogger } from './log.ts';
import type { TunnelMetrics } from './metrics.ts';
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

export interface HubRunOptions {
  listen: string;
  tls: TlsFiles;
  policyFile: string;
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
  endpointsFile?: string;
  listeners: string[];
  metrics?: string;
  window?: number;
}

export interface Running {
  close(): Promise<void>;
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

async function serveMetrics(addr: string | undefined, metrics: TunnelMetrics): Promise<http.Server | null> {
  if (!addr) return null;
  const { host, port } = parseHostPort(addr);
  const srv = http.createServer((req, res) => {
    if (req.url !== '/metrics') return void res.writeHead(404).end();
    void metrics.registry
      .metrics()
      .then((text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text));
  });
  await new Promise<void>((resolve) => srv.listen(port, host, resolve));
  return srv;
}

/** Calls `onChange` with the new content whenever the file changes (polling; works on mounted Secrets). */
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
    onChange(text);
  };
  watchFile(file, { interval: 1000 }, listener);
  return () => unwatchFile(file, listener);
}

function ready(fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ ready: true, ...fields })}\n`);
}

export async function runHub(o: HubRunOptions): Promise<Running> {
  const log = tunnelLogger('omni-hub');
  const { host, port } = parseHostPort(o.listen);
  const revocations = o.revocationsFile ? RevocationList.parse(readText(o.revocationsFile)) : undefined;
  const hub = new Hub({
    tls: readTls(o.tls),
    policy: parsePolicy(readData(o.policyFile)),
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
  const metricsServer = await serveMetrics(o.metrics, hub.metrics);
  const stops = [watchText(o.policyFile, (t) => hub.setPolicy(parsePolicy(parseYaml(t))))];
  if (o.revocationsFile)
    stops.push(watchText(o.revocationsFile, (t) => hub.setRevocations(RevocationList.parse(t))));
  ready({ role: 'hub', port: hubPort, listeners });
  return {
    close: async () => {
      stops.forEach((s) => s());
      metricsServer?.close();
      await hub.close();
    },
  };
}

export async function runSpoke(o: SpokeRunOptions): Promise<Running> {
  const { host, port } = parseHostPort(o.hub);
  const endpoints = o.endpointsFile ? (readData(o.endpointsFile) as Record<string, unknown>) : {};
  const spoke = new Spoke({
    location: o.location,
    hub: { host, port, servername: o.serverName },
    tls: readTls(o.tls),
    resolver: resolverFromConfig(endpoints),
    serves: Object.keys(endpoints ?? {}),
    listeners: o.listeners.map(parseListener),
    mux: o.window ? { window: o.window } : undefined,
  });
  await spoke.start();
  const metricsServer = await serveMetrics(o.metrics, spoke.metrics);
  const reload = (): void => void spoke.reloadCredentials(readTls(o.tls)).catch(() => undefined);
  const stops = [watchText(o.tls.cert, reload)];
  const listeners = Object.fromEntries(
    o.listeners.map(parseListener).map((l) => [l.service, spoke.listenerPort(l.service)]),
  );
  ready({ role: 'spoke', location: o.location, listeners });
  return {
    close: async () => {
      stops.forEach((s) => s());
      metricsServer?.close();
      await spoke.close();
    },
  };
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
}

/** Issues an edge-location (or hub) certificate signed by the CA in `caDir`; writes <out>.crt/.key. */
export function issueToFiles(r: IssueRequest): { cert: string; serial: string } {
  const ca = { certPem: readText(join(r.caDir, 'ca.crt')), keyPem: readText(join(r.caDir, 'ca.key')) };
  const opts = { validityDays: r.validityDays };
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
