import { test } from 'node:test';
import assert from 'node:assert/strict';
import { field, items, pods, running, startTestCluster, waitFor, type JsonObject } from './helpers.ts';

test('a StatefulSet makes ordered pods with claims from volumeClaimTemplates, provisioned in the pod\'s zone', async () => {
  const c = await startTestCluster({ nodes: { count: 3, zones: ['z-a', 'z-b', 'z-c'] } });
  try {
    await c.apply({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        replicas: 3,
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'postgres', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    });
    await c.ok('rollout', 'status', 'statefulset/db', '--timeout=20s');
    const dbPods = pods(c.sim, 'default', running).sort((a, b) => String(field(a, 'metadata.name')).localeCompare(String(field(b, 'metadata.name'))));
    assert.deepEqual(dbPods.map((p) => field(p, 'metadata.name')), ['db-0', 'db-1', 'db-2']);
    const created = dbPods.map((p) => Date.parse(String(field(p, 'metadata.creationTimestamp'))));
    assert.ok(created[0] <= created[1] && created[1] <= created[2], 'OrderedReady creates in order');
    assert.equal(field(dbPods[1], 'spec.hostname'), 'db-1');
    const claims = items(await c.getJson('pvc'));
    assert.deepEqual(claims.map((p) => field(p, 'metadata.name')).sort(), ['data-db-0', 'data-db-1', 'data-db-2']);
    await waitFor(async () => items(await c.getJson('pvc')).every((p) => field(p, 'status.phase') === 'Bound'), 'claims bound');
    const pv = await c.getJson('pv', String(field(items(await c.getJson('pvc')).find((p) => field(p, 'metadata.name') === 'data-db-0'), 'spec.volumeName')));
    const node = await c.getJson('node', String(field(dbPods[0], 'spec.nodeName')));
    const term = ((field(pv, 'spec.nodeAffinity.required.nodeSelectorTerms') as JsonObject[])[0].matchExpressions as JsonObject[])[0];
    assert.deepEqual(term.values, [field(node, 'metadata.labels.topology.kubernetes.io/zone') ?? (field(node, 'metadata.labels') as Record<string, string>)['topology.kubernetes.io/zone']]);

    // --wait=false: kubectl waits for a DELETED event after listing by name, and a pod the controller
    // recreates within those milliseconds (the sped-up clock) is listed under its new UID, so no such
    // event ever comes. A real cluster has the same race, only slower pods.
    await c.ok('delete', 'pod', 'db-0', '--wait=false');
    const oldUid = field(dbPods[0], 'metadata.uid');
    const again = await waitFor(
      () => pods(c.sim, 'default', (p) => running(p) && field(p, 'metadata.name') === 'db-0' && field(p, 'metadata.uid') !== oldUid)[0],
      'db-0 recreated',
    );
    assert.equal(field(again, 'spec.nodeName'), field(dbPods[0], 'spec.nodeName'), 'the zonal volume pins db-0 to its zone');

    await c.ok('scale', 'statefulset/db', '--replicas=1');
    await waitFor(() => pods(c.sim).length === 1, 'scaled down from the highest ordinal');
    assert.equal(field(pods(c.sim)[0], 'metadata.name'), 'db-0');
  } finally {
    await c.close();
  }
});

test('a claim whose volume is pinned to a zone with no room leaves the pod Unschedulable; a missing claim is reported', async () => {
  const c = await startTestCluster({ nodes: { count: 2, zones: ['z-a'] } });
  try {
    await c.apply({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'far' },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        hostPath: { path: '/x' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['z-b'] }] }] } },
      },
    });
    await c.apply({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'far' }, spec: { volumeName: 'far', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    const withClaim = (name: string, claim: string): JsonObject => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: { containers: [{ name: 'c', image: 'nginx' }], volumes: [{ name: 'v', persistentVolumeClaim: { claimName: claim } }] },
    });
    await c.apply(withClaim('zonal', 'far'));
    await c.apply(withClaim('lost', 'nope'));
    const message = async (name: string) =>
      waitFor(async () => ((field(await c.getJson('pod', name), 'status.conditions') as JsonObject[] | undefined) ?? []).find((x) => x.type === 'PodScheduled')?.message, `${name} message`);
    assert.equal(await message('zonal'), '0/2 nodes are available: 2 node(s) had volume node affinity conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
    assert.equal(await message('lost'), '0/2 nodes are available: persistentvolumeclaim "nope" not found. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
    c.sim.addNodes({ count: 1, namePrefix: 'east-', zones: ['z-b'] });
    await waitFor(async () => field(await c.getJson('pod', 'zonal'), 'spec.nodeName') === 'east-0', 'zonal pod lands in z-b');
  } finally {
    await c.close();
  }
});
