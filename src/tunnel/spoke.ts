// The spoke gateway (one per edge cluster): dials the hub (outbound only) over one long-lived mutual-TLS
// connection, reconnecting with backoff; exposes a local listener per main-cluster service the edge uses and
// serves hub-opened streams from the edge cluster's own endpoints.
import net from 'node:net';
import tls from 'node:tls';
import { backoffDelay, type BackoffOptions } from './backoff.ts';
import type { RandomSource } from './clock.ts';
import { EndpointDialer } from './dial.ts';
import { TLS13_CIPHERS, type TlsMaterial } from './hub.ts';
import { tunnelLogger, type Logger } from './log.ts';
import { TunnelMetrics } from './metrics.ts';
import { MuxSession, ResetCode, type MuxOptions, type MuxStream } from './mux/index.ts';
import type { EndpointResolver } from './resolver.ts';
import { boundPorts, reconcileListeners } from './listeners.ts';
import { splice } from './splice.ts';

export interface SpokeListener {
  service: string;
  port: number;
  host?: string;
}

export interface SpokeOptions {
  location: string;
  hub: { host: string; port: number; servername?: string };
  tls: TlsMaterial;
  /** Local endpoints of services backed by this edge location (hub-opened streams go there). */
  resolver: EndpointResolver;
  /** Services the hub may open here; anything else is refused even if the hub asks. */
  serves?: string[];
  listeners?: SpokeListener[];
  mux?: MuxOptions;
  backoff?: BackoffOptions;
  random?: RandomSource;
  metrics?: TunnelMetrics;
  logger?: Logger;
  /** How long a local connection waits for the hub link before it is dropped (default 10 s). */
  waitForHubMs?: number;
  /** Dial + TLS + first ping must finish within this (default 10 s). */
  handshakeTimeoutMs?: number;
}

export class Spoke {
  readonly metrics: TunnelMetrics;
  private readonly log: Logger;
  private readonly dialer = new EndpointDialer();
  private readonly servers = new Map<string, net.Server>();
  private readonly waiters = new Set<() => void>();
  private creds: TlsMaterial;
  private serves: string[] | undefined;
  private session: MuxSession | null = null;
  private attempt = 0;
  private stopped = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(private readonly opts: SpokeOptions) {
    this.metrics = opts.metrics ?? new TunnelMetrics();
    this.log = opts.logger ?? tunnelLogger('omni-spoke').child({ location: opts.location });
    this.creds = opts.tls;
    this.serves = opts.serves;
  }

  /** Binds the local listeners and starts the dial loop (does not wait for the hub). */
  async start(): Promise<void> {
    for (const l of this.opts.listeners ?? []) await this.listen(l.service, l.port, l.host);
    this.loop = this.run();
  }

  get connected(): boolean {
    return this.session !== null && !this.session.closed;
  }

  /** Resolves once a hub connection is up. */
  ready(timeoutMs = 10_000): Promise<void> {
    return this.sessionWithin(timeoutMs).then(() => undefined);
  }

  /** Adds a local listener for a main-cluster service; returns its port. */
  async listen(service: string, port = 0, host = '0.0.0.0'): Promise<number> {
    const srv = net.createServer(
      { allowHalfOpen: true, noDelay: true },
      (sock) => void this.onLocalClient(service, sock),
    );
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(port, host, () => resolve());
    });
    this.servers.get(service)?.close();
    this.servers.set(service, srv);
    return (srv.address() as net.AddressInfo).port;
  }

  /** The listeners to have (service → port): closes the others, opens the missing ones. */
  async setListeners(wanted: Readonly<Record<string, number>>, host = '0.0.0.0'): Promise<void> {
    await reconcileListeners(
      this.servers,
      wanted,
      (service, port) => this.listen(service, port, host),
      this.log,
    );
  }

  /** The services the hub may open here (replaces the list given at construction). */
  setServes(services: readonly string[]): void {
    this.serves = [...services];
  }

  listenerPorts(): Record<string, number> {
    return boundPorts(this.servers);
  }

  listenerPort(service: string): number | null {
    const a = this.servers.get(service)?.address();
    return a && typeof a === 'object' ? a.port : null;
  }

  /** A stream to a service through the hub (waits for the hub link if it is down). */
  async openStream(service: string): Promise<MuxStream> {
    const session = await this.sessionWithin(this.opts.waitForHubMs ?? 10_000);
    const s = session.open(service);
    this.metrics.trackStream(this.opts.location, 'to-hub', s);
    return s;
  }

  /**
   * New certificate (rotation): dials a second connection with it and moves new streams there once it is
   * up; the old connection drains its streams and closes, so nothing in flight is dropped.
   */
  async reloadCredentials(creds: TlsMaterial): Promise<void> {
    this.creds = creds;
    const fresh = await this.connectOnce();
    const old = this.session;
    this.install(fresh);
    old?.goAway();
    this.log.info('credentials reloaded; old connection draining');
  }

  async close(): Promise<void> {
    this.stopped = true;
    for (const s of this.servers.values()) s.close();
    this.servers.clear();
    this.session?.destroy();
    this.wake?.();
    await this.loop;
  }

  // --- hub link ---

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (!this.connected) await this.tryConnect();
      if (this.stopped) break;
      // Sleep until the link drops (then back off) or, if it never came up, for the backoff delay.
      await this.pause(
        this.connected
          ? null
          : backoffDelay(this.attempt++, this.opts.random ?? Math.random, this.opts.backoff),
      );
    }
  }

  private async tryConnect(): Promise<void> {
    try {
      this.install(await this.connectOnce());
      this.attempt = 0;
    } catch (err) {
      this.metrics.connectErrors.labels(this.opts.location, 'hub-dial').inc();
      this.log.warn({ err: (err as Error).message, attempt: this.attempt }, 'hub connection failed');
    }
  }

  private pause(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | null = null;
      const done = (): void => {
        if (timer) clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      if (ms !== null) timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private install(session: MuxSession): void {
    this.session = session;
    session.on('stream', (s) => void this.onHubStream(s));
    session.on('close', (err) => {
      if (this.session !== session) return;
      this.session = null;
      if (!this.stopped) this.log.warn({ err: err?.message }, 'hub connection lost');
      this.wake?.();
    });
    for (const w of [...this.waiters]) w();
    this.log.info({ hub: `${this.opts.hub.host}:${this.opts.hub.port}` }, 'connected to hub');
  }

  /** Dial, TLS, then one ping: with TLS 1.3 a refused client certificate only shows as the hub hanging up. */
  private connectOnce(): Promise<MuxSession> {
    const timeoutMs = this.opts.handshakeTimeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const socket = tls.connect({
        host: this.opts.hub.host,
        port: this.opts.hub.port,
        servername:
          this.opts.hub.servername ?? (net.isIP(this.opts.hub.host) ? undefined : this.opts.hub.host),
        cert: this.creds.certPem,
        key: this.creds.keyPem,
        ca: this.creds.caPem,
        minVersion: 'TLSv1.3',
        ciphers: TLS13_CIPHERS,
      });
      socket.setNoDelay(true);
      const timer = setTimeout(() => socket.destroy(new Error('hub handshake timed out')), timeoutMs);
      const fail = (err: Error): void => {
        clearTimeout(timer);
        this.metrics.handshakeFailures.labels(this.opts.location, 'dial').inc();
        reject(err);
      };
      socket.once('error', fail);
      socket.once('secureConnect', () => {
        socket.removeListener('error', fail);
        const session = new MuxSession(
          socket,
          'client',
          this.metrics.muxHooks(this.opts.location, this.opts.mux),
        );
        session.ping().then(
          () => (clearTimeout(timer), resolve(session)),
          () => fail(new Error('hub closed the connection during the handshake (certificate refused?)')),
        );
      });
    });
  }

  private sessionWithin(timeoutMs: number): Promise<MuxSession> {
    const usable = (): MuxSession | null =>
      this.session && !this.session.closed && !this.session.isDraining ? this.session : null;
    const now = usable();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const s = usable();
        if (!s) return;
        cleanup();
        resolve(s);
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      const timer = setTimeout(() => (cleanup(), reject(new Error('hub not connected'))), timeoutMs);
      this.waiters.add(check);
    });
  }

  // --- traffic ---

  private async onLocalClient(service: string, socket: net.Socket): Promise<void> {
    socket.on('error', () => undefined);
    try {
      splice(socket, await this.openStream(service));
    } catch (err) {
      this.metrics.connectErrors.labels(this.opts.location, 'hub-unavailable').inc();
      this.log.warn({ service, err: (err as Error).message }, 'local connection dropped');
      socket.destroy();
    }
  }

  private async onHubStream(stream: MuxStream): Promise<void> {
    stream.on('error', () => undefined);
    const service = stream.target;
    if (this.serves && !this.serves.includes(service)) {
      stream.reset(ResetCode.FORBIDDEN, `${service} is not served by ${this.opts.location}`);
      return;
    }
    this.metrics.trackStream(this.opts.location, 'from-hub', stream);
    const started = process.hrtime.bigint();
    try {
      const endpoints = await this.opts.resolver.resolve(service);
      const socket = await this.dialer.dial(endpoints);
      this.metrics.connectLatency
        .labels(this.opts.location)
        .observe(Number(process.hrtime.bigint() - started) / 1e9);
      if (stream.destroyed) return void socket.destroy();
      splice(stream, socket);
    } catch (err) {
      this.metrics.connectErrors.labels(this.opts.location, 'local-endpoint').inc();
      stream.reset(ResetCode.CONNECT_FAILED, (err as Error).message);
    }
  }
}
