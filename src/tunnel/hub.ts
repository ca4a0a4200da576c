// The hub gateway (main cluster): a mutual-TLS server that spokes dial. It authorises every stream against
// the edge location's allow-list and routes it to real endpoints (edge→main) or to the spoke serving the
// service (edge→edge); main workloads reach edge-backed services through its local listeners (main→edge).
import net from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import { EndpointDialer } from './dial.ts';
import { tunnelLogger, type Logger } from './log.ts';
import { TunnelMetrics } from './metrics.ts';
import { MuxSession, ResetCode, type MuxOptions, type MuxStream } from './mux/index.ts';
import { peerIdentity, type CertInfo } from './pki/inspect.ts';
import { RevocationList } from './pki/revocation.ts';
import { PolicyIndex, type Policy } from './policy.ts';
import type { Endpoint, EndpointResolver } from './resolver.ts';
import { boundPorts, reconcileListeners } from './listeners.ts';
import { splice } from './splice.ts';

/** TLS 1.3 only; AES-128-GCM first (cheaper per byte than AES-256 with AES-NI, still strong). */
export const TLS13_CIPHERS = 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256';

export interface TlsMaterial {
  certPem: string;
  keyPem: string;
  caPem: string;
}

export interface HubOptions {
  tls: TlsMaterial;
  policy: Policy;
  resolver: EndpointResolver;
  host?: string;
  port?: number;
  revocations?: RevocationList;
  mux?: MuxOptions;
  metrics?: TunnelMetrics;
  logger?: Logger;
  connectTimeoutMs?: number;
}

interface SpokeLink {
  location: string;
  cert: CertInfo;
  session: MuxSession;
  since: number;
}

export class Hub {
  readonly metrics: TunnelMetrics;
  private readonly log: Logger;
  private readonly server: tls.Server;
  private readonly links = new Map<string, SpokeLink[]>();
  private readonly listeners = new Map<string, net.Server>();
  private readonly dialer: EndpointDialer;
  private policy: PolicyIndex;
  private revocations: RevocationList;
  private boundPort = 0;

  constructor(private readonly opts: HubOptions) {
    this.metrics = opts.metrics ?? new TunnelMetrics();
    this.log = opts.logger ?? tunnelLogger('omni-hub');
    this.policy = new PolicyIndex(opts.policy);
    this.revocations = opts.revocations ?? new RevocationList();
    this.dialer = new EndpointDialer(opts.connectTimeoutMs);
    this.server = tls.createServer({
      cert: opts.tls.certPem,
      key: opts.tls.keyPem,
      ca: opts.tls.caPem,
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.3',
      ciphers: TLS13_CIPHERS,
      honorCipherOrder: true,
    });
    this.server.on('secureConnection', (s) => this.onSecureConnection(s));
    this.server.on('tlsClientError', (err) => this.onTlsError(err));
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.opts.port ?? 0, this.opts.host ?? '0.0.0.0', () => resolve());
    });
    this.boundPort = (this.server.address() as net.AddressInfo).port;
    this.log.info({ port: this.boundPort }, 'hub listening');
    return this.boundPort;
  }

  get port(): number {
    return this.boundPort;
  }

  /** Whether the policy names this edge location (a spoke of a location it does not name is refused). */
  knowsLocation(location: string): boolean {
    return this.policy.knows(location);
  }

  /** Edge locations with a live connection. */
  connectedLocations(): string[] {
    return [...this.links.entries()].filter(([, l]) => l.length > 0).map(([k]) => k);
  }

  /** A local listener in the main cluster for an edge-backed service (what its main Service points to). */
  async listen(service: string, port = 0, host = '0.0.0.0'): Promise<number> {
    const srv = net.createServer({ allowHalfOpen: true, noDelay: true }, (sock) =>
      this.onMainClient(service, sock),
    );
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(port, host, () => resolve());
    });
    this.listeners.get(service)?.close();
    this.listeners.set(service, srv);
    return (srv.address() as net.AddressInfo).port;
  }

  /** The listeners to have (service → port): closes the others, opens the missing ones. */
  async setListeners(wanted: Readonly<Record<string, number>>, host = '0.0.0.0'): Promise<void> {
    await reconcileListeners(
      this.listeners,
      wanted,
      (service, port) => this.listen(service, port, host),
      this.log,
    );
  }

  listenerPorts(): Record<string, number> {
    return boundPorts(this.listeners);
  }

  /** Opens a stream from the main cluster to an edge-backed service; null when no spoke serves it. */
  openToEdge(service: string, exclude?: string): MuxStream | null {
    const link = this.pickServer(service, exclude);
    if (!link) return null;
    const s = link.session.open(service);
    this.metrics.trackStream(link.location, exclude ? 'edge-to-edge' : 'main-to-edge', s);
    return s;
  }

  /** A renewed hub certificate: new handshakes use it; live connections keep theirs. */
  reloadCredentials(creds: TlsMaterial): void {
    this.server.setSecureContext({
      cert: creds.certPem,
      key: creds.keyPem,
      ca: creds.caPem,
      minVersion: 'TLSv1.3',
      ciphers: TLS13_CIPHERS,
      honorCipherOrder: true,
    });
    this.log.info('hub credentials reloaded');
  }

  setPolicy(policy: Policy): void {
    this.policy = new PolicyIndex(policy);
    for (const link of this.allLinks()) {
      if (!this.policy.knows(link.location)) this.drop(link, 'location no longer in policy');
    }
  }

  /** Installs a new revocation list and closes live connections whose certificate it revokes. */
  setRevocations(list: RevocationList): void {
    this.revocations = list;
    for (const link of this.allLinks()) {
      if (list.isRevoked(link.cert)) this.drop(link, 'certificate revoked');
    }
  }

  async close(): Promise<void> {
    for (const l of this.listeners.values()) l.close();
    this.listeners.clear();
    for (const link of this.allLinks()) link.session.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- connections ---

  private onSecureConnection(socket: tls.TLSSocket): void {
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 30_000);
    const id = socket.authorized ? peerIdentity(socket.getPeerCertificate()) : null;
    const refusal = this.refusal(id);
    if (refusal || !id?.location) {
      this.metrics.handshakeFailures.labels(id?.location ?? 'unknown', refusal ?? 'no-location').inc();
      this.log.warn({ location: id?.location, serial: id?.serial, reason: refusal }, 'spoke refused');
      socket.destroy();
      return;
    }
    this.attach(socket, { ...id, location: id.location });
  }

  private refusal(id: CertInfo | null): string | null {
    if (!id) return 'unauthorized';
    if (!id.location) return 'no-location';
    if (this.revocations.isRevoked(id)) return 'revoked';
    if (!this.policy.knows(id.location)) return 'unknown-location';
    return null;
  }

  private attach(socket: tls.TLSSocket, cert: CertInfo & { location: string }): void {
    const location = cert.location;
    const session = new MuxSession(socket, 'server', this.metrics.muxHooks(location, this.opts.mux));
    const link: SpokeLink = { location, cert, session, since: Date.now() };
    this.links.set(location, [...(this.links.get(location) ?? []), link]);
    this.metrics.sessions.labels(location).inc();
    this.log.info({ location, serial: cert.serial }, 'spoke connected');
    session.on('stream', (s) => this.onSpokeStream(link, s));
    session.on('close', (err) => {
      this.links.set(
        location,
        (this.links.get(location) ?? []).filter((l) => l !== link),
      );
      this.metrics.sessions.labels(location).dec();
      this.log.info({ location, err: err?.message }, 'spoke disconnected');
    });
  }

  private onTlsError(err: Error): void {
    this.metrics.handshakeFailures.labels('unknown', 'tls').inc();
    this.log.warn({ err: err.message }, 'TLS handshake failed');
  }

  private drop(link: SpokeLink, why: string): void {
    this.log.warn({ location: link.location, why }, 'closing spoke connection');
    link.session.destroy(new Error(why));
  }

  private allLinks(): SpokeLink[] {
    return [...this.links.values()].flat();
  }

  /** The newest non-draining connection of a location serving `service`, other than `exclude`. */
  private pickServer(service: string, exclude?: string): SpokeLink | null {
    for (const loc of this.policy.servers(service)) {
      if (loc === exclude) continue;
      const live = (this.links.get(loc) ?? []).filter((l) => !l.session.closed && !l.session.isDraining);
      if (live.length > 0) return live[live.length - 1];
    }
    return null;
  }

  // --- routing ---

  private onSpokeStream(link: SpokeLink, stream: MuxStream): void {
    stream.on('error', () => undefined);
    const { location } = link;
    const service = stream.target;
    if (!this.policy.allows(location, service)) {
      this.metrics.connectErrors.labels(location, 'forbidden').inc();
      this.log.warn({ location, service }, 'stream refused: not allowed for this location');
      stream.reset(ResetCode.FORBIDDEN, `${service} is not allowed for ${location}`);
      return;
    }
    void this.route(link.location, stream);
  }

  /** Main endpoints when the service has any (closest), else a spoke serving it (edge→edge). */
  private async route(location: string, stream: MuxStream): Promise<void> {
    let endpoints: Endpoint[];
    try {
      endpoints = await this.opts.resolver.resolve(stream.target);
    } catch (err) {
      endpoints = [];
      this.log.warn({ service: stream.target, err: (err as Error).message }, 'endpoint resolution failed');
    }
    if (endpoints.length > 0) {
      this.metrics.trackStream(location, 'edge-to-main', stream);
      return this.toEndpoints(location, stream, endpoints);
    }
    const peer = this.openToEdge(stream.target, location);
    if (peer) return splice(stream, peer);
    this.metrics.connectErrors.labels(location, 'no-route').inc();
    stream.reset(ResetCode.NO_ROUTE, `no endpoints for ${stream.target}`);
  }

  private async toEndpoints(location: string, stream: MuxStream, endpoints: Endpoint[]): Promise<void> {
    const started = process.hrtime.bigint();
    let socket: net.Socket;
    try {
      socket = await this.dialer.dial(endpoints);
    } catch (err) {
      this.metrics.connectErrors.labels(location, 'connect').inc();
      stream.reset(ResetCode.CONNECT_FAILED, (err as Error).message);
      return;
    }
    this.metrics.connectLatency.labels(location).observe(Number(process.hrtime.bigint() - started) / 1e9);
    if (stream.destroyed) return void socket.destroy();
    splice(stream, socket);
  }

  private onMainClient(service: string, socket: net.Socket): void {
    socket.on('error', () => undefined);
    const stream = this.openToEdge(service);
    if (!stream) {
      this.metrics.connectErrors.labels('main', 'no-spoke').inc();
      socket.destroy();
      return;
    }
    splice(socket as Duplex, stream);
  }
}
