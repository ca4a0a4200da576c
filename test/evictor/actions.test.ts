import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubernetesObject } from '@kubernetes/client-node';
import { evict, explain, type ActionDeps } from '../../src/controllers/evictor/actions.ts';
import { EvictorMetrics } from '../../src/controllers/evictor/metrics.ts';
import type { KubeClients } from '../../src/kube/index.ts';
import { makeLogger } from '../../src/kube/index.ts';
import type { Move } from '../../src/controllers/evictor/index.ts';

const move: Move = {
  kind: 'home',
  pod: { namespace: 'default', name: 'web-1', uid: 'u1' },
  owner: { kind: 'ReplicaSet', name: 'web-abc', uid: 'rs1' },
  fromNode: 'edge-0',
  location: 'gcp',
  toNode: 'main-0',
  reason: 'main cluster node main-0 has room for it',
};

function deps(fail?: { code: number }): { d: ActionDeps; events: [string, string, string][] } {
  const events: [string, string, string][] = [];
  const core = {
    createNamespacedPodEviction: async () => {
      if (fail) throw Object.assign(new Error('refused'), fail);
      return {};
    },
  };
  const d: ActionDeps = {
    clients: { core } as unknown as KubeClients,
    events: { record: async (obj: KubernetesObject, _t, reason, message) => void events.push([String(obj.kind), reason, message]) },
    metrics: new EvictorMetrics(),
    log: makeLogger('t', 'silent'),
  };
  return { d, events };
}

test('evict: made, refused by a budget (429), gone (404), failed', async () => {
  assert.equal(await evict(deps().d, move), 'evicted');
  assert.equal(await evict(deps({ code: 429 }).d, move), 'refused');
  assert.equal(await evict(deps({ code: 404 }).d, move), 'gone');
  assert.equal(await evict(deps({ code: 500 }).d, move), 'error');
});

test('explain: an Event on the pod and on the node, EvictorMoved or EvictorWouldMove', async () => {
  const { d, events } = deps();
  await explain(d, move, false);
  await explain(d, { ...move, kind: 'pack' }, true);
  assert.deepEqual(events.map(([k, r]) => [k, r]), [['Pod', 'EvictorMoved'], ['Node', 'EvictorMoved'], ['Pod', 'EvictorWouldMove'], ['Node', 'EvictorWouldMove']]);
  assert.match(events[0][2], /^Evicted to bring it home to the main cluster: main cluster node main-0 has room/);
  assert.match(events[3][2], /^Would evict pod default\/web-1 to pack its edge location onto fewer nodes/);
});
