// Every /api/v1 route, wired to its view. Handlers are thin: views do the work.
import type { Catalog } from '../catalog/index.ts';
import type { KubeClients } from '../kube/index.ts';
import type { ClusterCache } from './cluster-cache.ts';
import { createEdgeLocation, createNodeTemplate, nodeTemplatesView, updateNodeTemplate } from './forms.ts';
import { readJsonBody, sendJson } from './http.ts';
import { openApiDocument } from './openapi.ts';
import { Router } from './router.ts';
import type { EventStream } from './sse.ts';
import type { CostSampler } from './views/cost.ts';
import { decisionsView } from './views/decisions.ts';
import { edgeLocationsView } from './views/edge-locations.ts';
import { evictorView } from './views/evictor.ts';
import { nodesView, overviewView, pendingView } from './views/overview.ts';
import { pricesView } from './views/prices.ts';
import type { ViewDeps } from './views/snapshot.ts';
import type { TunnelScraper } from './views/tunnel.ts';

export interface ApiDeps {
  views: ViewDeps;
  clients: KubeClients;
  cache: ClusterCache;
  catalog: Catalog;
  cost: CostSampler;
  tunnel: TunnelScraper;
  stream: EventStream;
}

export function apiRouter(d: ApiDeps): Router {
  const forms = { clients: d.clients, cache: d.cache, catalog: d.catalog };
  const r = new Router();
  r.add('GET', '/api/v1/openapi.json', async ({ res }) => sendJson(res, 200, await openApiDocument()));
  r.add('GET', '/api/v1/overview', ({ res }) => sendJson(res, 200, overviewView(d.views)));
  r.add('GET', '/api/v1/nodes', ({ res }) => sendJson(res, 200, { items: nodesView(d.views) }));
  r.add('GET', '/api/v1/pending-pods', ({ res }) => sendJson(res, 200, { items: pendingView(d.views) }));
  r.add('GET', '/api/v1/decisions', ({ res }) => sendJson(res, 200, decisionsView(d.views)));
  r.add('GET', '/api/v1/edge-locations', ({ res }) => sendJson(res, 200, { items: edgeLocationsView(d.views) }));
  r.add('POST', '/api/v1/edge-locations', async ({ req, res }) =>
    sendJson(res, 201, await createEdgeLocation(forms, await readJsonBody(req))),
  );
  r.add('GET', '/api/v1/node-templates', ({ res }) => sendJson(res, 200, { items: nodeTemplatesView(d.cache) }));
  r.add('POST', '/api/v1/node-templates', async ({ req, res }) =>
    sendJson(res, 201, await createNodeTemplate(forms, await readJsonBody(req))),
  );
  r.add('PUT', '/api/v1/node-templates/:name', async ({ req, res, params }) =>
    sendJson(res, 200, await updateNodeTemplate(forms, params.name, await readJsonBody(req))),
  );
  r.add('GET', '/api/v1/prices', ({ res, url }) => sendJson(res, 200, pricesView(d.catalog, url.searchParams)));
  r.add('GET', '/api/v1/cost', ({ res }) => sendJson(res, 200, d.cost.view()));
  r.add('GET', '/api/v1/evictor', ({ res }) => sendJson(res, 200, { items: evictorView(d.views) }));
  r.add('GET', '/api/v1/tunnel', async ({ res }) => sendJson(res, 200, await d.tunnel.view()));
  r.add('GET', '/api/v1/events/stream', ({ res }) => d.stream.attach(res));
  return r;
}
