// The console server: the web console and its JSON API over informer caches of one cluster.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Registry } from 'prom-client';
import type { Catalog } from '../catalog/index.ts';
import { makeClients, makeLogger, systemClock, type Clock, type KubeClients, type Logger } from '../kube/index.ts';
import { UNAUTHORIZED_PAGE, handleLogin, isAuthorized, newToken } from './auth.ts';
import { startClusterCache } from './cluster-cache.ts';
import { consoleAssets, type ConsoleAssets } from './console-assets.ts';
import { HttpError, sendError, sendText } from './http.ts';
import { apiRouter } from './routes.ts';
import type { RequestContext, Router } from './router.ts';
import { EventStream } from './sse.ts';
import { CostSampler } from './views/cost.ts';
import { makeViewDeps } from './views/snapshot.ts';
import { TunnelScraper } from './views/tunnel.ts';

export type * from './api-types.ts';

export interface ConsoleServerOptions {
  /** The cluster to show: a kubeconfig, or clients already made from one. */
  kubeconfig?: KubeConfig;
  clients?: KubeClients;
  catalog: Catalog;
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The login token; a random one when not given. */
  token?: string;
  clock?: Clock;
  log?: Logger;
  /** The tunnel's Prometheus registry, for the tunnel screen. */
  metricsRegistry?: Registry;
  /** How often the cost-over-time chart is sampled, in clock seconds. Default 10. */
  costSampleSeconds?: number;
}

export interface ConsoleServer {
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  token: string;
  /** The URL that signs a browser in: `${url}/login?token=…` */
  loginUrl: string;
  stop(): Promise<void>;
}

function resolveClients(o: ConsoleServerOptions): KubeClients {
  if (o.clients) return o.clients;
  if (o.kubeconfig) return makeClients(o.kubeconfig);
  throw new Error('startConsoleServer needs kubeconfig or clients');
}

const PAGE_PATHS = new Set(['/', '/index.html']);

async function servePage(path: string, res: ServerResponse, assets: ConsoleAssets): Promise<boolean> {
  if (PAGE_PATHS.has(path)) sendText(res, 200, 'text/html; charset=utf-8', await assets.html());
  else if (path === '/assets/app.js') sendText(res, 200, 'text/javascript; charset=utf-8', await assets.script());
  else if (path === '/assets/app.css') sendText(res, 200, 'text/css; charset=utf-8', await assets.styles());
  else return false;
  return true;
}

function refuse(req: IncomingMessage, res: ServerResponse): void {
  const wantsHtml = (req.headers.accept ?? '').includes('text/html');
  res.setHeader('www-authenticate', 'Bearer realm="omni"');
  if (wantsHtml) sendText(res, 401, 'text/html; charset=utf-8', UNAUTHORIZED_PAGE);
  else sendError(res, new HttpError(401, 'Unauthorized', 'a login token is required (Authorization: Bearer <token>)'));
}

interface Handling {
  token: string;
  router: Router;
  assets: ConsoleAssets;
  log: Logger;
}

async function route(req: IncomingMessage, res: ServerResponse, h: Handling): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://console.local');
  const method = req.method ?? 'GET';
  if (url.pathname === '/login' && method === 'GET' && handleLogin(url, res, h.token)) return;
  if (!isAuthorized(req, h.token)) return refuse(req, res);
  return dispatch({ req, res, url, params: {} }, method, h);
}

async function dispatch(ctx: RequestContext, method: string, h: Handling): Promise<void> {
  const path = ctx.url.pathname;
  const found = h.router.match(method, path);
  if (found === 'method') throw new HttpError(405, 'MethodNotAllowed', `${method} is not allowed on ${path}`);
  if (found) return found.handler({ ...ctx, params: found.params });
  if (method === 'GET' && (await servePage(path, ctx.res, h.assets))) return;
  throw new HttpError(404, 'NotFound', `no such path: ${path}`);
}

function handler(h: Handling) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res, h).catch((err: unknown) => {
      if (res.headersSent) return void res.end();
      if (err instanceof HttpError) return sendError(res, err);
      h.log.error({ err: String(err), path: req.url }, 'console request failed');
      sendError(res, new HttpError(500, 'InternalError', err instanceof Error ? err.message : String(err)));
    });
  };
}

/** Starts the console and its API; resolves once it listens and the caches have listed (or 3 s passed: views fill in live). */
export async function startConsoleServer(o: ConsoleServerOptions): Promise<ConsoleServer> {
  const clients = resolveClients(o);
  const clock = o.clock ?? systemClock;
  const log = o.log ?? makeLogger('console');
  const token = o.token ?? newToken();
  const cache = startClusterCache(clients, log);
  const views = makeViewDeps(cache, o.catalog, clock);
  const stream = new EventStream();
  cache.onChange((kind) => stream.changed(kind));
  const cost = new CostSampler(views, o.costSampleSeconds ?? 10, (s) => stream.send('cost', s));
  const tunnel = new TunnelScraper(o.metricsRegistry, clock);
  const router = apiRouter({ views, clients, cache, catalog: o.catalog, cost, tunnel, stream });
  const server = createServer(handler({ token, router, assets: consoleAssets(), log }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve);
  });
  await cache.synced(3000);
  cost.start(clock);
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const url = `http://${host}:${port}`;
  return {
    url,
    token,
    loginUrl: `${url}/login?token=${encodeURIComponent(token)}`,
    async stop() {
      cost.stop();
      stream.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await cache.stop();
    },
  };
}
