import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import { startTestCluster, eventually, type TestCluster } from '../helpers.ts';

type Obj = { metadata: Record<string, unknown>; [k: string]: unknown };

describe('kube-apiserver semantics', () => {
  let c: TestCluster;
  const json = async (method: string, path: string, body?: unknown, contentType = 'application/json') => {
    const r = await c.request(method, path, { body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body), contentType });
    return { status: r.status, obj: (r.body ? JSON.parse(r.body) : undefined) as Obj & { reason?: string; message?: string; code?: number; details?: { causes?: { field: string }[] }; items?: Obj[] }, headers: r.headers };
  };

  /** Opens a watch and collects its events until stopped. */
  const watch = (path: string) => {
    const events: { type: string; object: Obj }[] = [];
    let buf = '';
    const req = https.request(`${c.sim.url}${path}`, { headers: { Authorization: `Bearer ${c.sim.token}` }, ca: c.sim.caPem }, (res) => {
      res.on('data', (d: Buffer) => {
        buf += d.toString();
        let i: number;
        while ((i = buf.indexOf('\n')) >= 0) {
          events.push(JSON.parse(buf.slice(0, i)) as { type: string; object: Obj });
          buf = buf.slice(i + 1);
        }
      });
      res.on('error', () => undefined);
    });
    req.on('error', () => undefined);
    req.end();
    return { events, stop: () => req.destroy() };
  };

  before(async () => {
    c = await startTestCluster({ historySize: 100 });
  });
  after(async () => c.stop());

  it('answers 401 without a valid token, health endpoints without one', async () => {
    assert.equal((await c.request('GET', '/api/v1/namespaces', { token: null })).status, 401);
    assert.equal((await c.request('GET', '/api/v1/namespaces', { token: 'wrong' })).status, 401);
    for (const p of ['/readyz', '/livez', '/healthz']) {
      const r = await c.request('GET', p, { token: null });
      assert.equal(r.status, 200);
      assert.equal(r.body, 'ok');
    }
  });

  it('serves aggregated and legacy discovery with eviction in policy/v1', async () => {
    const agg = await c.request('GET', '/apis', { accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' });
    assert.match(String(agg.headers['content-type']), /as=APIGroupDiscoveryList/);
    const legacy = await json('GET', '/api/v1');
    const eviction = (legacy.obj as unknown as { resources: { name: string; group?: string; version?: string }[] }).resources.find((r) => r.name === 'pods/eviction');
    assert.deepEqual([eviction?.group, eviction?.version], ['policy', 'v1']);
  });

  it('watches from a resourceVersion in order, with selector transitions', async () => {
    const list = await json('GET', '/api/v1/namespaces/default/configmaps');
    const rv = String(list.obj.metadata.resourceVersion);
    const w = watch(`/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${rv}&labelSelector=team%3Da`);
    await json('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'w1', labels: { team: 'a' } } });
    await json('PATCH', '/api/v1/namespaces/default/configmaps/w1', { data: { x: '1' } }, 'application/merge-patch+json');
    await json('PATCH', '/api/v1/namespaces/default/configmaps/w1', { metadata: { labels: { team: 'b' } } }, 'application/merge-patch+json');
    await json('PATCH', '/api/v1/namespaces/default/configmaps/w1', { metadata: { labels: { team: 'a' } } }, 'application/merge-patch+json');
    await json('DELETE', '/api/v1/namespaces/default/configmaps/w1');
    await eventually(() => w.events.length >= 5);
    w.stop();
    assert.deepEqual(w.events.map((e) => e.type), ['ADDED', 'MODIFIED', 'DELETED', 'ADDED', 'DELETED']);
    const rvs = w.events.map((e) => Number(e.object.metadata.resourceVersion));
    assert.deepEqual([...rvs].sort((a, b) => a - b), rvs);
  });

  it('answers 410 Gone for a compacted resourceVersion and never for a list resourceVersion', async () => {
    const old = String((await json('GET', '/api/v1/namespaces')).obj.metadata.resourceVersion);
    for (let i = 0; i < 150; i++) await json('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: `f${i}` } });
    const w = watch(`/api/v1/namespaces?watch=true&resourceVersion=${old}`);
    await eventually(() => w.events.length >= 1);
    w.stop();
    assert.equal(w.events[0].type, 'ERROR');
    assert.equal((w.events[0].object as unknown as { code: number }).code, 410);
    const fresh = String((await json('GET', '/api/v1/namespaces')).obj.metadata.resourceVersion);
    const w2 = watch(`/api/v1/namespaces?watch=true&resourceVersion=${fresh}&allowWatchBookmarks=true`);
    await json('POST', '/api/v1/namespaces', { metadata: { name: 'after-compaction' } });
    await eventually(() => w2.events.length >= 1);
    w2.stop();
    assert.equal(w2.events[0].type, 'ADDED');
  });

  it('rejects a stale resourceVersion with 409 Conflict and bumps generation on spec changes only', async () => {
    const dep = {
      metadata: { name: 'gen' },
      spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
    };
    const created = (await json('POST', '/apis/apps/v1/namespaces/default/deployments', dep)).obj;
    assert.equal(created.metadata.generation, 1);
    const labelled = (await json('PATCH', '/apis/apps/v1/namespaces/default/deployments/gen', { metadata: { labels: { x: 'y' } } }, 'application/merge-patch+json')).obj;
    assert.equal(labelled.metadata.generation, 1);
    const scaled = (await json('PATCH', '/apis/apps/v1/namespaces/default/deployments/gen', { spec: { replicas: 3 } }, 'application/merge-patch+json')).obj;
    assert.equal(scaled.metadata.generation, 2);
    const stale = await json('PUT', '/apis/apps/v1/namespaces/default/deployments/gen', created);
    assert.equal(stale.status, 409);
    assert.equal(stale.obj.reason, 'Conflict');
    const statusOnly = await json('PATCH', '/apis/apps/v1/namespaces/default/deployments/gen', { spec: { replicas: 9 }, status: { replicas: 7 } }, 'application/merge-patch+json');
    assert.equal((statusOnly.obj.status as { replicas?: number }).replicas, undefined, 'status changes through the main resource are ignored');
    const viaStatus = await json('PATCH', '/apis/apps/v1/namespaces/default/deployments/gen/status', { spec: { replicas: 1 }, status: { replicas: 7 } }, 'application/merge-patch+json');
    assert.equal((viaStatus.obj.status as { replicas: number }).replicas, 7);
    assert.equal((viaStatus.obj.spec as { replicas: number }).replicas, 9, 'spec changes through /status are ignored');
  });

  it('selects by field and paginates', async () => {
    const r = await json('GET', '/api/v1/namespaces?fieldSelector=metadata.name%3Ddefault');
    assert.deepEqual(r.obj.items?.map((i) => i.metadata.name), ['default']);
    const bad = await json('GET', '/api/v1/pods?fieldSelector=spec.bogus%3Dx');
    assert.equal(bad.status, 400);
    assert.match(String(bad.obj.message), /field label not supported: spec.bogus/);
  });

  it('keeps objects with finalizers until they are removed', async () => {
    await json('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'fin', finalizers: ['example.com/hold'] } });
    const del = await json('DELETE', '/api/v1/namespaces/default/configmaps/fin');
    assert.equal(del.status, 200);
    assert.ok(del.obj.metadata.deletionTimestamp);
    const add = await json('PATCH', '/api/v1/namespaces/default/configmaps/fin', { metadata: { finalizers: ['example.com/hold', 'example.com/more'] } }, 'application/merge-patch+json');
    assert.equal(add.status, 422);
    await json('PATCH', '/api/v1/namespaces/default/configmaps/fin', { metadata: { finalizers: null } }, 'application/merge-patch+json');
    assert.equal((await json('GET', '/api/v1/namespaces/default/configmaps/fin')).status, 404);
  });

  it('deletes bound pods gracefully and unbound pods at once', async () => {
    const pod = (name: string) => ({ metadata: { name }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    await json('POST', '/api/v1/namespaces/default/pods', pod('unbound'));
    await json('DELETE', '/api/v1/namespaces/default/pods/unbound');
    assert.equal((await json('GET', '/api/v1/namespaces/default/pods/unbound')).status, 404);
    await json('POST', '/api/v1/namespaces/default/pods', pod('bound'));
    const bind = await json('POST', '/api/v1/namespaces/default/pods/bound/binding', { target: { kind: 'Node', name: 'n1' } });
    assert.equal(bind.status, 201);
    assert.equal((await json('POST', '/api/v1/namespaces/default/pods/bound/binding', { target: { kind: 'Node', name: 'n2' } })).status, 409);
    const d = await json('DELETE', '/api/v1/namespaces/default/pods/bound');
    assert.equal(d.obj.metadata.deletionGracePeriodSeconds, 30);
    await json('DELETE', '/api/v1/namespaces/default/pods/bound?gracePeriodSeconds=0');
    assert.equal((await json('GET', '/api/v1/namespaces/default/pods/bound')).status, 404);
  });

  it('collects dependents: background, foreground and orphan', async () => {
    const owner = async (name: string) => (await json('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name } })).obj;
    const dependent = async (name: string, o: Obj) =>
      json('POST', '/api/v1/namespaces/default/secrets', {
        metadata: { name, ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: o.metadata.name, uid: o.metadata.uid, blockOwnerDeletion: true }] },
      });
    const bg = await owner('owner-bg');
    await dependent('dep-bg', bg);
    await json('DELETE', '/api/v1/namespaces/default/configmaps/owner-bg');
    await eventually(async () => (await json('GET', '/api/v1/namespaces/default/secrets/dep-bg')).status === 404);

    const fg = await owner('owner-fg');
    await dependent('dep-fg', fg);
    await json('DELETE', '/api/v1/namespaces/default/configmaps/owner-fg', { propagationPolicy: 'Foreground' });
    await eventually(async () => (await json('GET', '/api/v1/namespaces/default/configmaps/owner-fg')).status === 404);
    assert.equal((await json('GET', '/api/v1/namespaces/default/secrets/dep-fg')).status, 404);

    const or = await owner('owner-or');
    await dependent('dep-or', or);
    await json('DELETE', '/api/v1/namespaces/default/configmaps/owner-or', { propagationPolicy: 'Orphan' });
    await eventually(async () => (await json('GET', '/api/v1/namespaces/default/configmaps/owner-or')).status === 404);
    const kept = await json('GET', '/api/v1/namespaces/default/secrets/dep-or');
    assert.equal(kept.status, 200);
    assert.equal(kept.obj.metadata.ownerReferences, undefined);
  });

  it('deletes everything in a namespace with it and refuses new content while terminating', async () => {
    await json('POST', '/api/v1/namespaces', { metadata: { name: 'doomed' } });
    await json('POST', '/api/v1/namespaces/doomed/configmaps', { metadata: { name: 'a', finalizers: ['example.com/slow'] } });
    await json('DELETE', '/api/v1/namespaces/doomed');
    const ns = await json('GET', '/api/v1/namespaces/doomed');
    assert.equal((ns.obj.status as { phase: string }).phase, 'Terminating');
    const refused = await json('POST', '/api/v1/namespaces/doomed/configmaps', { metadata: { name: 'late' } });
    assert.equal(refused.status, 403);
    await json('PATCH', '/api/v1/namespaces/doomed/configmaps/a', { metadata: { finalizers: null } }, 'application/merge-patch+json');
    await eventually(async () => (await json('GET', '/api/v1/namespaces/doomed')).status === 404);
  });

  it('gives bad input the errors a real API server gives, and stores nothing', async () => {
    const malformed = await json('POST', '/api/v1/namespaces/default/configmaps', '{"metadata": {');
    assert.equal(malformed.status, 400);
    const wrongVersion = await json('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'apps/v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    assert.equal(wrongVersion.status, 400);
    const invalid = await json('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'UPPER' } });
    assert.equal(invalid.status, 422);
    assert.equal(invalid.obj.reason, 'Invalid');
    assert.equal(invalid.obj.details?.causes?.[0].field, 'metadata.name');
    const exists = await json('POST', '/api/v1/namespaces', { metadata: { name: 'default' } });
    assert.equal(exists.status, 409);
    assert.equal(exists.obj.reason, 'AlreadyExists');
    const big = await json('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name: 'big' }, data: { x: 'a'.repeat(4 * 1024 * 1024) } });
    assert.equal(big.status, 413);
    const missingNs = await json('POST', '/api/v1/namespaces/nope/configmaps', { metadata: { name: 'x' } });
    assert.equal(missingNs.status, 404);
    const yaml = await json('POST', '/api/v1/namespaces/default/configmaps', 'metadata: {name: [', 'application/yaml');
    assert.equal(yaml.status, 400);
    for (const name of ['x', 'big', 'UPPER']) assert.equal((await json('GET', `/api/v1/namespaces/default/configmaps/${name}`)).status, 404);
  });

  it('serves the status and scale subresources of custom resources', async () => {
    await json('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
      metadata: { name: 'pools.example.io' },
      spec: {
        group: 'example.io',
        scope: 'Cluster',
        names: { plural: 'pools', kind: 'Pool' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } },
            schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { replicas: { type: 'integer' } } }, status: { type: 'object', properties: { replicas: { type: 'integer' } } } } } },
          },
        ],
      },
    });
    const created = await json('POST', '/apis/example.io/v1/pools', { apiVersion: 'example.io/v1', kind: 'Pool', metadata: { name: 'p' }, spec: { replicas: 1 }, status: { replicas: 5 } });
    assert.equal(created.status, 201);
    assert.equal(created.obj.status, undefined, 'status is dropped on create when the status subresource exists');
    const st = await json('PUT', '/apis/example.io/v1/pools/p/status', { ...created.obj, status: { replicas: 1 } });
    assert.equal((st.obj.status as { replicas: number }).replicas, 1);
    const scale = await json('PATCH', '/apis/example.io/v1/pools/p/scale', { spec: { replicas: 4 } }, 'application/merge-patch+json');
    assert.equal(scale.status, 200, JSON.stringify(scale.obj));
    assert.equal(((await json('GET', '/apis/example.io/v1/pools/p')).obj.spec as { replicas: number }).replicas, 4);
    const smp = await json('PATCH', '/apis/example.io/v1/pools/p', { spec: { replicas: 2 } }, 'application/strategic-merge-patch+json');
    assert.equal(smp.status, 415);
  });
});
