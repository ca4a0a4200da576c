import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import type { ClusterApi } from '../api/cluster-api.ts';
import { ApiError } from '../util/errors.ts';
import type { ServerCertificates } from './tls.ts';
import { parseApiPath } from './paths.ts';
import { parseAccept } from './negotiation.ts';
import { sendError, sendJson, sendText } from './respond.ts';
import { handleResource, type LogProvider } from './resource-handler.ts';
import {
  aggregatedDiscovery,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  groupVersionsOf,
} from './discovery.ts';
import { OpenApiService } from './openapi.ts';

/** kube-apiserver's default limit for JSON and YAML request bodies. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export interface ApiServerOptions {
  api: ClusterApi;
  certs: ServerCertificates;
  token: string;
  kubernetesVersion: string;
  logs: LogProvider;
  host?: string;
}

const PUBLIC_PATHS = new Set(['/version', '/healthz', '/livez', '/readyz']);
const HEALTH_PATHS = ['/healthz', '/livez', '/readyz'];

/** A health endpoint or one of its named checks (`/readyz/ping`). */
function isHealthPath(p: string): boolean {
  return HEALTH_PATHS.some((h) => p === h || p.startsWith(`${h}/`));
}

function versionInfo(v: string): Record<string, string> {
  const [major, minor] = v.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    gitVersion: `v${major}.${minor}.0-kube-sim`,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-11-01T00:00:00Z',
    goVersion: 'go1.22.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** The HTTPS front of kube-sim: authentication, body limits, discovery, OpenAPI and resource routing. */
export class ApiServer {
  private readonly server: https.Server;
  private readonly openapi: OpenApiService;
  private readonly token: Buffer;
  private healthy = true;
  private readonly watches = new Set<() => void>();
  private readonly sockets = new Set<Duplex>();

  constructor(private readonly opts: ApiServerOptions) {
    this.openapi = new OpenApiService(opts.api);
    this.token = Buffer.from(opts.token);
    this.server = https.createServer(
      { cert: opts.certs.certPem, key: opts.certs.keyPem, ca: opts.certs.caCertPem },
      (req, res) => this.onRequest(req, res),
    );
    this.server.keepAliveTimeout = 65_000;
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  async listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, this.opts.host ?? '127.0.0.1', () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.healthy = false;
    this.dropWatches();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  /** Ends every open watch; clients re-watch from their last resourceVersion. */
  dropWatches(): void {
    for (const close of [...this.watches]) close();
  }

  /** Simulates an unreachable API server: every request hangs up until resumed. */
  paused = false;

  private authorized(req: IncomingMessage): boolean {
    const h = req.headers.authorization ?? '';
    if (!h.startsWith('Bearer ')) return false;
    const given = Buffer.from(h.slice(7).trim());
    return given.length === this.token.length && timingSafeEqual(given, this.token);
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    if (this.paused) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'https://kube-sim');
    if (!PUBLIC_PATHS.has(url.pathname) && !this.authorized(req)) {
      sendJson(res, 401, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
      req.resume();
      return;
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim();
    if (
      contentType === 'application/vnd.kubernetes.protobuf' ||
      contentType === 'application/apply-patch+cbor' ||
      contentType === 'application/cbor'
    ) {
      req.resume();
      sendError(
        res,
        new ApiError(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml`,
        ),
      );
      return;
    }
    this.readBody(req, res, (body) => this.route(req, res, url, body));
  }

  private readBody(req: IncomingMessage, res: ServerResponse, then: (body: Buffer) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => {
      if (tooLarge) {
        sendError(
          res,
          new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${MAX_BODY_BYTES}`),
        );
        return;
      }
      then(Buffer.concat(chunks));
    });
  }

  private route(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): void {
    try {
      if (this.routeNonResource(res, url)) return;
      const parsed = parseApiPath(url.pathname);
      if (parsed.kind === 'resource') {
        handleResource(
          { api: this.opts.api, logs: this.opts.logs, watches: this.watches },
          { req, res, path: parsed.path, query: url.searchParams, body },
        );
        return;
      }
      this.routeDiscovery(req, res, parsed);
    } catch (err) {
      sendError(res, err);
    }
  }

  /** Answers /version, the health endpoints and OpenAPI v3; false for every other path. */
  private routeNonResource(res: ServerResponse, url: URL): boolean {
    const p = url.pathname;
    if (p === '/version') {
      sendJson(res, 200, versionInfo(this.opts.kubernetesVersion));
      return true;
    }
    if (isHealthPath(p)) {
      this.sendHealth(res);
      return true;
    }
    if (p === '/openapi/v3') {
      sendJson(res, 200, JSON.parse(this.openapi.index()));
      return true;
    }
    if (p.startsWith('/openapi/v3/')) {
      this.sendOpenApiDocument(res, url);
      return true;
    }
    return false;
  }

  private sendHealth(res: ServerResponse): void {
    if (this.healthy) sendText(res, 200, 'ok');
    else sendText(res, 503, 'shutting down');
  }

  private sendOpenApiDocument(res: ServerResponse, url: URL): void {
    const doc = this.openapi.document(url.pathname.slice('/openapi/v3/'.length));
    if (!doc) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(doc)),
      ETag: `"${url.searchParams.get('hash') ?? ''}"`,
    });
    res.end(doc);
  }

  private routeDiscovery(
    req: IncomingMessage,
    res: ServerResponse,
    parsed: ReturnType<typeof parseApiPath>,
  ): void {
    const registry = this.opts.api.registry;
    const accept = parseAccept(req.headers.accept);
    switch (parsed.kind) {
      case 'root': {
        if (accept.aggregatedDiscovery) {
          const av = `apidiscovery.k8s.io/${accept.aggregatedDiscovery}`;
          sendJson(res, 200, aggregatedDiscovery(registry, parsed.core, av), {
            contentType: `application/json;g=apidiscovery.k8s.io;v=${accept.aggregatedDiscovery};as=APIGroupDiscoveryList`,
          });
        } else
          sendJson(
            res,
            200,
            parsed.core
              ? apiVersions(`${req.socket.localAddress}:${req.socket.localPort}`)
              : apiGroupList(registry),
          );
        return;
      }
      case 'group': {
        const versions = groupVersionsOf(registry, parsed.group);
        if (!versions.length)
          throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
        sendJson(res, 200, apiGroup(parsed.group, versions));
        return;
      }
      case 'groupVersion': {
        if (!registry.resourcesOf(parsed.group, parsed.version).length)
          throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
        sendJson(res, 200, apiResourceList(registry, parsed.group, parsed.version));
        return;
      }
      default:
        throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    }
  }
}
