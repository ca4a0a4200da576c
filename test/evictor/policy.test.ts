import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planMoves } from '../../src/controllers/evictor/policy.ts';
import { CoolDownLedger } from '../../src/controllers/evictor/cool-down.ts';
import { DRAINING_ANNOTATION } from '../../src/controllers/evictor/types.ts';
import { input, namespace, node, pdb, pod, podsOn } from './builders.ts';

const fullMain = () => ({ nodes: [node('main-0', { cpu: '1' })], pods: podsOn('main-0', 2, { tolerate: false, prefix: 'sys' }) });

test('home: an edge pod moves home when a main node has room for it', () => {
  const r = planMoves(input([node('main-0'), node('edge-0', { edge: 'gcp' })], [pod('web-1', { node: 'edge-0' })]));
  assert.equal(r.moves.length, 1);
  assert.deepEqual({ kind: r.moves[0].kind, from: r.moves[0].fromNode, to: r.moves[0].toNode, location: r.moves[0].location }, { kind: 'home', from: 'edge-0', to: 'main-0', location: 'gcp' });
  assert.match(r.moves[0].reason, /main cluster node main-0 has room/);
  assert.deepEqual(r.moves[0].owner, { kind: 'ReplicaSet', name: 'web-abc', uid: 'uid-web-abc' });
  assert.deepEqual(r.cordon, ['edge-0']);
});

test('home: no move when the main cluster has no room (requests of bound pods count)', () => {
  const m = fullMain();
  const r = planMoves(input([...m.nodes, node('edge-0', { edge: 'gcp' })], [...m.pods, pod('web-1', { node: 'edge-0' })]));
  assert.deepEqual(r.moves, []);
  assert.deepEqual(r.cordon, []);
});

test('home: cordoned, NotReady and tainted main nodes offer no room', () => {
  const edge = node('edge-0', { edge: 'gcp' });
  const p = pod('web-1', { node: 'edge-0' });
  for (const main of [
    node('main-0', { unschedulable: true }),
    node('main-0', { ready: false }),
    node('main-0', { taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] }),
  ]) {
    assert.deepEqual(planMoves(input([main, edge], [p])).moves, [], JSON.stringify(main.spec));
  }
  const soft = node('main-0', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }] });
  assert.equal(planMoves(input([soft, edge], [p])).moves.length, 1);
});

test('home: the placement check honours nodeSelector and per-node room, not the cluster total', () => {
  const nodes = [node('main-0', { cpu: '1' }), node('main-1', { cpu: '1' }), node('edge-0', { edge: 'gcp' })];
  const big = pod('big', { node: 'edge-0', cpu: '1500m' });
  assert.deepEqual(planMoves(input(nodes, [big])).moves, [], '1.5 CPU fits in neither 1-CPU node');
  const picky = pod('picky', { node: 'edge-0', nodeSelector: { disk: 'ssd' } });
  assert.deepEqual(planMoves(input(nodes, [picky])).moves, []);
  const labelled = [node('main-0', { labels: { disk: 'ssd' } }), node('edge-0', { edge: 'gcp' })];
  assert.equal(planMoves(input(labelled, [picky])).moves.length, 1);
});

test('home: pending pods take room at home first', () => {
  const nodes = [node('main-0', { cpu: '1' }), node('edge-0', { edge: 'gcp' })];
  const pending = pod('new-0', { cpu: '800m' });
  assert.deepEqual(planMoves(input(nodes, [pending, pod('web-1', { node: 'edge-0' })])).moves, []);
  assert.equal(planMoves(input(nodes, [pod('web-1', { node: 'edge-0' })])).moves.length, 1);
});

test('pack: pending pods that do not fit at home take room on the edge nodes that would receive', () => {
  const m = fullMain();
  const nodes = [...m.nodes, node('edge-0', { edge: 'gcp', cpu: '2' }), node('edge-1', { edge: 'gcp', cpu: '2' })];
  const pods = [...m.pods, pod('a', { node: 'edge-0', cpu: '600m' }), pod('b', { node: 'edge-1', cpu: '1' })];
  assert.equal(planMoves(input(nodes, pods)).moves.length, 1);
  assert.deepEqual(planMoves(input(nodes, [...pods, pod('new', { cpu: '500m' })])).moves, []);
});

test('home: room is shared between the pods of one cycle', () => {
  const nodes = [node('main-0', { cpu: '1' }), node('edge-0', { edge: 'gcp' }), node('edge-1', { edge: 'aws' })];
  const pods = [pod('a', { node: 'edge-0', cpu: '600m' }), pod('b', { node: 'edge-1', cpu: '600m' })];
  const r = planMoves(input(nodes, pods));
  assert.equal(r.moves.length, 1);
});

test('home: pods on a node are moved only if the whole node can be emptied', () => {
  const nodes = [node('main-0', { cpu: '1' }), node('edge-0', { edge: 'gcp' })];
  const r = planMoves(input(nodes, podsOn('edge-0', 3)));
  assert.deepEqual(r.moves, [], 'room for 2 of 3: the node stays as it is');
});

test('home: required anti-affinity on hostname is respected at home', () => {
  const anti = (name: string) => {
    const p = pod(name, { node: `edge-${name}` });
    p.spec!.affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } }] } };
    return p;
  };
  const nodes = [node('main-0'), node('edge-a', { edge: 'gcp' }), node('edge-b', { edge: 'gcp' })];
  const r = planMoves(input(nodes, [anti('a'), anti('b')]));
  assert.equal(r.moves.filter((m) => m.kind === 'home').length, 1);
});

test('pack: pods spread thin over 10 edge nodes go onto the fewest nodes that hold them', () => {
  const m = fullMain();
  const edges = Array.from({ length: 10 }, (_, i) => node(`edge-${i}`, { edge: 'gcp', cpu: '4', memory: '64Gi' }));
  const pods = edges.flatMap((e) => podsOn(e.metadata!.name!, 2, { cpu: '500m' }));
  const r = planMoves(input([...m.nodes, ...edges], [...m.pods, ...pods]));
  // 20 pods × 500m; 8 fit on a 4-CPU node → 3 nodes hold them (6 already there on the keepers).
  const drained = new Set(r.moves.map((x) => x.fromNode));
  const keepers = new Set(r.moves.map((x) => x.toNode));
  assert.equal(drained.size, 7);
  assert.equal(keepers.size, 3);
  assert.ok(r.moves.every((x) => x.kind === 'pack' && !drained.has(x.toNode)));
  assert.equal(r.moves.length, 14);
  assert.deepEqual([...r.cordon].sort(), [...drained].sort());
});

test('pack: only within one edge location, and only onto nodes that already run pods', () => {
  const m = fullMain();
  const nodes = [...m.nodes, node('gcp-0', { edge: 'gcp' }), node('aws-0', { edge: 'aws' }), node('gcp-empty', { edge: 'gcp' })];
  const r = planMoves(input(nodes, [...m.pods, pod('a', { node: 'gcp-0' }), pod('b', { node: 'aws-0' })]));
  assert.deepEqual(r.moves, []);
});

test('pack: never onto an edge node whose taints the pod does not tolerate', () => {
  const m = fullMain();
  const gpu = node('edge-gpu', { edge: 'gcp', taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }] });
  const nodes = [...m.nodes, gpu, node('edge-1', { edge: 'gcp' })];
  const gpuPod = pod('g', { node: 'edge-gpu', cpu: '2' });
  gpuPod.spec!.tolerations!.push({ key: 'nvidia.com/gpu', operator: 'Exists' });
  const r = planMoves(input(nodes, [...m.pods, gpuPod, pod('a', { node: 'edge-1' })]));
  // a cannot go to edge-gpu; g may go to edge-1.
  assert.deepEqual(r.moves.map((x) => [x.pod.name, x.toNode]), [['g', 'edge-1']]);
});

test('home first, then packing, in one plan', () => {
  const nodes = [node('main-0', { cpu: '1' }), ...[0, 1, 2].map((i) => node(`edge-${i}`, { edge: 'gcp' }))];
  const pods = [...podsOn('edge-0', 1), ...podsOn('edge-1', 1), ...podsOn('edge-2', 4)];
  const r = planMoves(input(nodes, pods));
  assert.equal(r.moves.filter((x) => x.kind === 'home').length, 2);
  assert.equal(r.moves.filter((x) => x.kind === 'pack').length, 0);
  assert.deepEqual(new Set(r.moves.map((x) => x.fromNode)), new Set(['edge-0', 'edge-1']));
});

test('safety: bare pods, removal-disabled, local storage, PVCs, local-only namespaces and pods not running stay', () => {
  const cases: [string, ReturnType<typeof pod>, string][] = [
    ['bare', pod('x', { node: 'edge-0', owner: null }), 'bare-pod'],
    ['static', pod('x', { node: 'edge-0', owner: { kind: 'Node', name: 'edge-0' } }), 'bare-pod'],
    ['annotation', pod('x', { node: 'edge-0', annotations: { 'autoscaling.cast.ai/removal-disabled': 'true' } }), 'removal-disabled'],
    ['emptyDir', pod('x', { node: 'edge-0', volumes: [{ name: 'v', emptyDir: {} }] }), 'local-storage'],
    ['hostPath', pod('x', { node: 'edge-0', volumes: [{ name: 'v', hostPath: { path: '/x' } }] }), 'local-storage'],
    ['pvc', pod('x', { node: 'edge-0', volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'c' } }] }), 'pvc'],
    ['local-only', pod('x', { node: 'edge-0', namespace: 'local' }), 'local-only-namespace'],
    ['starting', pod('x', { node: 'edge-0', phase: 'Pending' }), 'not-running'],
  ];
  const nodes = [node('main-0'), node('edge-0', { edge: 'gcp' })];
  const namespaces = [namespace('default'), namespace('local', { 'omni.cast.ai/enable-scheduling-local-only': 'true' })];
  for (const [name, p, reason] of cases) {
    const r = planMoves(input(nodes, [p, pod('other', { node: 'edge-0' })], { namespaces }));
    assert.deepEqual(r.moves, [], `${name}: the node is not emptied`);
    assert.deepEqual(r.skipped.map((s) => s.reason), [reason], name);
  }
});

test('safety: removal-disabled on the node keeps all its pods', () => {
  const nodes = [node('main-0'), node('edge-0', { edge: 'gcp', annotations: { 'autoscaling.cast.ai/removal-disabled': 'true' } })];
  const r = planMoves(input(nodes, podsOn('edge-0', 2)));
  assert.deepEqual(r.moves, []);
  assert.deepEqual(r.skipped.map((s) => s.reason), ['removal-disabled', 'removal-disabled']);
});

test('safety: DaemonSet pods neither move nor block; terminating pods are left to finish', () => {
  const nodes = [node('main-0'), node('edge-0', { edge: 'gcp' })];
  const pods = [pod('ds', { node: 'edge-0', owner: { kind: 'DaemonSet', name: 'agent' } }), pod('gone', { node: 'edge-0', deleting: true }), pod('web', { node: 'edge-0' })];
  const r = planMoves(input(nodes, pods));
  assert.deepEqual(r.moves.map((m) => m.pod.name), ['web']);
  assert.deepEqual(r.skipped, []);
});

test('cap: at most maxEvictionsPerCycle moves, the rest skipped for the next cycle', () => {
  const nodes = [node('main-0'), node('edge-0', { edge: 'gcp' })];
  const r = planMoves(input(nodes, podsOn('edge-0', 5), { options: { maxEvictionsPerCycle: 2, coolDownSeconds: 600 } }));
  assert.equal(r.moves.length, 2);
  assert.deepEqual(r.skipped.map((s) => s.reason), ['cap', 'cap', 'cap']);
  assert.deepEqual(r.cordon, ['edge-0'], 'the node is cordoned while it drains over several cycles');
});

test('PDB: only the disruptions the budget allows', () => {
  const nodes = [node('main-0'), node('edge-0', { edge: 'gcp' })];
  const pods = [...podsOn('edge-0', 4), pod('web-main', { node: 'main-0' })];
  const r = planMoves(input(nodes, pods, { pdbs: [pdb('web', { minAvailable: 3 })] }));
  assert.equal(r.moves.length, 2, '5 healthy, 3 needed');
  assert.deepEqual(r.skipped.map((s) => s.reason), ['pdb', 'pdb']);
  assert.match(r.skipped[0].message, /needs 3 healthy pods and has 3/);
  const pct = planMoves(input(nodes, pods, { pdbs: [pdb('web', { maxUnavailable: '20%' })] }));
  assert.equal(pct.moves.length, 1, 'ceil(20% of 5) = 1');
  const other = planMoves(input(nodes, pods, { pdbs: [pdb('db', { minAvailable: 5, app: 'db' })] }));
  assert.equal(other.moves.length, 4, 'a budget over other pods does not apply');
});

test('PDB: an unready pod may go when the budget is met; two budgets on a pod are refused', () => {
  const nodes = [node('main-0'), node('edge-0', { edge: 'gcp' })];
  const pods = [pod('a', { node: 'edge-0', ready: false }), pod('b', { node: 'main-0' })];
  assert.equal(planMoves(input(nodes, pods, { pdbs: [pdb('web', { minAvailable: 1 })] })).moves.length, 1);
  const two = planMoves(input(nodes, pods, { pdbs: [pdb('w1', { minAvailable: 0 }), pdb('w2', { minAvailable: 0 })] }));
  assert.deepEqual(two.skipped.map((s) => s.reason), ['pdb']);
});

test('cool-down: a pod (owner + name) is not evicted twice within the window; owners moved home are remembered', () => {
  const ledger = new CoolDownLedger(600_000);
  const nodes = [node('main-0'), node('edge-0', { edge: 'gcp' })];
  const first = planMoves(input(nodes, [pod('db-0', { node: 'edge-0', owner: { kind: 'StatefulSet', name: 'db' } })], { coolDown: ledger, now: 0 }));
  assert.equal(first.moves.length, 1);
  ledger.record(first.moves[0], 0);
  assert.equal(ledger.recentlyMovedHome('uid-db', 599_000), true);
  assert.equal(ledger.recentlyMovedHome('uid-db', 600_000), false);
  assert.equal(ledger.recentlyMovedHome('uid-other', 1), false);
  const again = planMoves(input(nodes, [pod('db-0', { node: 'edge-0', owner: { kind: 'StatefulSet', name: 'db' } })], { coolDown: ledger, now: 10_000 }));
  assert.deepEqual(again.moves, []);
  assert.deepEqual(again.skipped.map((s) => s.reason), ['cool-down']);
  const later = planMoves(input(nodes, [pod('db-0', { node: 'edge-0', owner: { kind: 'StatefulSet', name: 'db' } })], { coolDown: ledger, now: 700_000 }));
  assert.equal(later.moves.length, 1);
  ledger.prune(700_000);
  assert.deepEqual(ledger.toState(), { evictions: {}, movedHome: {} });
});

test('draining: nodes the evictor cordoned keep draining, stay cordoned once empty, and are released when they cannot be emptied', () => {
  const ours = { [DRAINING_ANNOTATION]: '2026-01-01T00:00:00Z' };
  const draining = node('edge-0', { edge: 'gcp', unschedulable: true, annotations: ours });
  const cont = planMoves(input([node('main-0'), draining], podsOn('edge-0', 1)));
  assert.equal(cont.moves.length, 1);
  assert.deepEqual([cont.cordon, cont.uncordon], [[], []]);
  const empty = planMoves(input([node('main-0'), draining], []));
  assert.deepEqual([empty.cordon, empty.uncordon], [[], []]);
  const stuck = planMoves(input([node('main-0', { cpu: '100m' }), draining], podsOn('edge-0', 1)));
  assert.deepEqual([stuck.moves, stuck.uncordon], [[], ['edge-0']]);
});

test('user-cordoned edge nodes are neither emptied nor packed onto', () => {
  const m = fullMain();
  const nodes = [...m.nodes, node('edge-0', { edge: 'gcp', unschedulable: true }), node('edge-1', { edge: 'gcp' })];
  const r = planMoves(input(nodes, [...m.pods, pod('a', { node: 'edge-0' }), pod('b', { node: 'edge-1' })]));
  assert.deepEqual(r.moves, []);
});
