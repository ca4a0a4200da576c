import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type {
  DecisionsView,
  EdgeLocationView,
  ErrorBody,
  NodeView,
  OverviewView,
  CostView,
  PendingPodView,
} from '../../src/server/index.ts';
import {
  api,
  createNodeWithStatus,
  createOmni,
  edgeLocation,
  eventually,
  mainNode,
  nodeClaim,
  startEnv,
  virtualNode,
  type Env,
} from './helpers.ts';

let env: Env;

before(async () => {
  env = await startEnv();
  await createNodeWithStatus(env.clients, mainNode('main-1'));
  await createNodeWithStatus(env.clients, mainNode('main-2', 'us-east-1b'));
  await createOmni(env.clients, 'edgelocations', edgeLocation('gcp-us-central1'));
  await createNodeWithStatus(env.clients, virtualNode('edge-gpu-1', 'gcp-us-central1'));
  await createOmni(env.clients, 'nodeclaims', {
    ...nodeClaim('edge-gpu-1', 'edge-gpu-1', 'gcp-us-central1'),
    status: { nodeName: 'edge-gpu-1' },
  });
  await env.clients.core.createNamespacedPod({
    namespace: 'default',
    body: {
      metadata: { name: 'waiting' },
      spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '2', memory: '1Gi' } } }] },
    },
  });
});

after(async () => {
  await env.stop();
});

test('every API and page request without the token is refused with 401', async () => {
  for (const path of [
    '/api/v1/overview',
    '/api/v1/openapi.json',
    '/',
    '/assets/app.js',
    '/api/v1/events/stream',
  ]) {
    const res = await fetch(`${env.console.url}${path}`);
    assert.equal(res.status, 401, path);
    await res.body?.cancel();
  }
  const wrong = await fetch(`${env.console.url}/api/v1/nodes`, { headers: { authorization: 'Bearer nope' } });
  assert.equal(wrong.status, 401);
  const badLogin = await fetch(`${env.console.url}/login?token=nope`, { redirect: 'manual' });
  assert.equal(badLogin.status, 401);
});

test('/login sets a cookie that authorizes later requests', async () => {
  const res = await fetch(`${env.console.url}/login?token=${env.console.token}`, { redirect: 'manual' });
  assert.equal(res.status, 303);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  assert.match(cookie, /^omni_console_token=/);
  const page = await fetch(`${env.console.url}/`, { headers: { cookie } });
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<title>omni/);
});

test('nodes: physical and virtual, with location, lifecycle and price', async () => {
  const { body } = await eventually(
    () => api<{ items: NodeView[] }>(env, '/api/v1/nodes'),
    (r) => r.body.items.length === 3,
  );
  const edge = body.items.find((n) => n.name === 'edge-gpu-1');
  assert.ok(edge);
  assert.equal(edge.virtual, true);
  assert.equal(edge.location, 'gcp-us-central1');
  assert.equal(edge.lifecycle, 'spot');
  assert.equal(edge.pricePerHour, 0.31);
  assert.equal(edge.priceSource, 'nodeclaim');
  const main = body.items.find((n) => n.name === 'main-1');
  assert.ok(main);
  assert.equal(main.location, 'main');
  assert.equal(main.cloud, 'aws');
  assert.equal(main.priceSource, 'catalog');
  assert.ok((main.pricePerHour ?? 0) > 0);
});

test('overview: main cluster and edge locations with nodes and cost', async () => {
  const { body } = await eventually(
    () => api<OverviewView>(env, '/api/v1/overview'),
    (r) => r.body.edgeLocations.length === 1 && r.body.totals.nodes === 3,
  );
  assert.equal(body.main.region, 'us-east-1');
  assert.equal(body.main.cloud, 'aws');
  assert.equal(body.main.nodes, 2);
  assert.equal(body.edgeLocations[0].name, 'gcp-us-central1');
  assert.equal(body.edgeLocations[0].virtualNodes, 1);
  assert.equal(body.edgeLocations[0].costPerHour, 0.31);
  assert.ok(body.totals.costPerHour > 0.31);
});

test('pending pods carry the PodScheduled message', async () => {
  await env.clients.core.replaceNamespacedPodStatus({
    name: 'waiting',
    namespace: 'default',
    body: {
      metadata: { name: 'waiting', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'x' }] },
      status: {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/3 nodes are available: 3 Insufficient cpu.',
          },
        ],
      },
    },
  });
  const { body } = await eventually(
    () => api<{ items: PendingPodView[] }>(env, '/api/v1/pending-pods'),
    (r) => r.body.items.some((p) => p.reason === 'Unschedulable'),
  );
  const pod = body.items.find((p) => p.name === 'waiting');
  assert.ok(pod);
  assert.equal(pod.message, '0/3 nodes are available: 3 Insufficient cpu.');
  assert.equal(pod.requests.cpu, '2000m');
});

test('decisions: the NodeClaim decision record and autoscaler events', async () => {
  await env.clients.core.createNamespacedEvent({
    namespace: 'default',
    body: {
      metadata: { name: 'edge-gpu-1.cap' },
      involvedObject: { kind: 'NodeClaim', name: 'edge-gpu-1', apiVersion: 'omni.cast.ai/v1alpha1' },
      reason: 'CapacityError',
      type: 'Warning',
      message: 'aws/us-east-1/us-east-1a/g6.2xlarge spot: InsufficientInstanceCapacity',
      source: { component: 'omni-autoscaler' },
      lastTimestamp: new Date(),
    },
  });
  const { body } = await eventually(
    () => api<DecisionsView>(env, '/api/v1/decisions'),
    (r) => r.body.decisions.length === 1 && r.body.events.length === 1,
  );
  const d = body.decisions[0];
  assert.equal(d.source, 'annotation');
  assert.match(d.reason, /main region has no L4 capacity/);
  assert.equal(d.chosen.location, 'gcp-us-central1');
  assert.equal(d.alternatives[0].rejected, '55% dearer');
  assert.deepEqual(d.pods, ['ml/inference-0']);
  assert.equal(body.events[0].reason, 'CapacityError');
});

test('edge locations list their onboarding conditions in order', async () => {
  const { body } = await api<{ items: EdgeLocationView[] }>(env, '/api/v1/edge-locations');
  assert.equal(body.items[0].state, 'Ready');
  assert.deepEqual(
    body.items[0].conditions.map((c) => c.type),
    ['PermissionsOK', 'NetworkReady', 'IdentityReady', 'EdgeClusterReady', 'TunnelReady'],
  );
  assert.equal(body.items[0].nodes, 1);
});

test('node template form: created when valid, 422 with the field message when not', async () => {
  const ok = await api(env, '/api/v1/node-templates', {
    method: 'POST',
    body: JSON.stringify({
      metadata: { name: 'gpu' },
      spec: { edgeLocations: ['gcp-us-central1'], constraints: { spot: true, gpu: { minCount: 1 } } },
    }),
  });
  assert.equal(ok.status, 201);
  const bad = await api<ErrorBody>(env, '/api/v1/node-templates', {
    method: 'POST',
    body: JSON.stringify({
      metadata: { name: 'bad' },
      spec: { edgeLocations: ['gcp-us-central1'], constraints: { architectures: ['arm64'] } },
    }),
  });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body.fields, [
    {
      field: 'spec.constraints.architectures',
      message: 'only amd64 is allowed with edgeLocations (edge nodes are x86_64 only)',
    },
  ]);
  const unknown = await api<ErrorBody>(env, '/api/v1/node-templates', {
    method: 'POST',
    body: JSON.stringify({ metadata: { name: 'nowhere' }, spec: { edgeLocations: ['nope'] } }),
  });
  assert.equal(unknown.status, 422);
  assert.deepEqual(unknown.body.fields, [
    { field: 'spec.edgeLocations[0]', message: 'EdgeLocation "nope" does not exist' },
  ]);
  const minMax = await api<ErrorBody>(env, '/api/v1/node-templates', {
    method: 'POST',
    body: JSON.stringify({ metadata: { name: 'minmax' }, spec: { constraints: { minCpu: 8, maxCpu: 4 } } }),
  });
  assert.equal(minMax.body.fields?.[0].field, 'spec.constraints.minCpu');
});

test('node template update replaces the spec', async () => {
  await api(env, '/api/v1/node-templates', {
    method: 'POST',
    body: JSON.stringify({ metadata: { name: 'web' }, spec: {} }),
  });
  const res = await api<{ spec: { weight: number } }>(env, '/api/v1/node-templates/web', {
    method: 'PUT',
    body: JSON.stringify({ metadata: { name: 'web' }, spec: { weight: 5 } }),
  });
  assert.equal(res.status, 200);
  assert.equal(res.body.spec.weight, 5);
  const missing = await api(env, '/api/v1/node-templates/none', {
    method: 'PUT',
    body: JSON.stringify({ spec: {} }),
  });
  assert.equal(missing.status, 404);
});

test('edge location form: zones must be in the region', async () => {
  const bad = await api<ErrorBody>(env, '/api/v1/edge-locations', {
    method: 'POST',
    body: JSON.stringify({
      metadata: { name: 'gcp-europe' },
      spec: { cloud: 'gcp', region: 'europe-west4', zones: ['us-central1-a'] },
    }),
  });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body.fields, [
    { field: 'spec.zones[0]', message: 'zone "us-central1-a" is not in region europe-west4' },
  ]);
  const ok = await api(env, '/api/v1/edge-locations', {
    method: 'POST',
    body: JSON.stringify({
      metadata: { name: 'oci-ashburn' },
      spec: { cloud: 'oci', region: 'us-ashburn-1' },
    }),
  });
  assert.equal(ok.status, 201);
});

test('prices: the omni prices query and price per GPU-hour by location', async () => {
  const { status, body } = await api<{
    rows: { gpuName: string }[];
    byLocation: { pricePerGpuHour: number }[];
  }>(env, '/api/v1/prices?gpu=a100&limit=5');
  assert.equal(status, 200);
  assert.ok(body.rows.length > 0 && body.rows.length <= 5);
  assert.ok(body.rows.every((r) => r.gpuName === 'A100'));
  assert.ok(body.byLocation.length > 1);
  const prices = body.byLocation.map((b) => b.pricePerGpuHour);
  assert.deepEqual(
    prices,
    [...prices].sort((a, b) => a - b),
  );
  const bad = await api<ErrorBody>(env, '/api/v1/prices?gpu=a1000');
  assert.equal(bad.status, 400);
  assert.match(bad.body.message, /A100/);
});

test('cost over time: samples with savings versus main-region-only', async () => {
  const { body } = await eventually(
    () => api<CostView>(env, '/api/v1/cost'),
    (r) => r.body.samples.length >= 2,
    4000,
  );
  assert.ok(body.samples.length >= 2);
  assert.ok(body.current.mainRegionOnlyCostPerHour >= body.current.costPerHour);
});

test('openapi document is served and names every route', async () => {
  const { body } = await api<{ openapi: string; paths: Record<string, unknown> }>(
    env,
    '/api/v1/openapi.json',
  );
  assert.equal(body.openapi, '3.0.3');
  for (const p of [
    '/api/v1/overview',
    '/api/v1/nodes',
    '/api/v1/decisions',
    '/api/v1/prices',
    '/api/v1/events/stream',
  ])
    assert.ok(p in body.paths, p);
});

test('server-sent events announce changes', async () => {
  const ctrl = new AbortController();
  const res = await fetch(`${env.console.url}/api/v1/events/stream`, {
    headers: { authorization: `Bearer ${env.console.token}` },
    signal: ctrl.signal,
  });
  assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  const reader = res.body!.getReader();
  await createNodeWithStatus(env.clients, mainNode('main-3'));
  let text = '';
  while (!text.includes('event: change')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  ctrl.abort();
  assert.match(text, /"nodes"/);
});

test('evictor actions: omni-evictor events on pods only', async () => {
  const event = (name: string, kind: string, component: string) => ({
    metadata: { name },
    involvedObject: { kind, name: 'web-1', namespace: kind === 'Pod' ? 'default' : undefined },
    reason: 'EvictorMoved',
    type: 'Normal',
    message: 'moved to the main cluster: room in the main region',
    source: { component },
    lastTimestamp: new Date(),
  });
  await env.clients.core.createNamespacedEvent({
    namespace: 'default',
    body: event('web-1.moved', 'Pod', 'omni-evictor'),
  });
  await env.clients.core.createNamespacedEvent({
    namespace: 'default',
    body: event('node.moved', 'Node', 'omni-evictor'),
  });
  await env.clients.core.createNamespacedEvent({
    namespace: 'default',
    body: event('kubelet.evicted', 'Pod', 'kubelet'),
  });
  const { body } = await eventually(
    () => api<{ items: { reason: string; object: string; message: string }[] }>(env, '/api/v1/evictor'),
    (r) => r.body.items.length > 0,
  );
  assert.deepEqual(
    body.items.map((e) => [e.reason, e.object]),
    [['EvictorMoved', 'Pod/default/web-1']],
  );
});
