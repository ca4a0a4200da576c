import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocatableFor, capacityFor, parseNodeType, reservedCpuMillis, reservedMemoryBytes } from '../../src/index.ts';
import { parseQuantity, resourceUnits } from '../../src/sim/quantity.ts';
import { matchesTerms, tolerates, firstUntolerated } from '../../src/controllers/scheduler/affinity.ts';
import { fitErrorMessage } from '../../src/controllers/scheduler/messages.ts';
import { feasibleNodesToFind } from '../../src/controllers/scheduler/scheduler.ts';
import { podRequests } from '../../src/controllers/scheduler/resources.ts';
import { evictionTime } from '../../src/controllers/nodes/taint-eviction.ts';
import { templateHash } from '../../src/controllers/workloads/template-hash.ts';

const GiB = 2 ** 30;

test('quantities parse to base units; cpu in millicores', () => {
  assert.equal(parseQuantity('16Gi'), 16 * GiB);
  assert.equal(parseQuantity('1.5'), 1.5);
  assert.equal(parseQuantity('1e3'), 1000);
  assert.equal(resourceUnits('cpu', '250m'), 250);
  assert.equal(resourceUnits('cpu', '2'), 2000);
  assert.equal(resourceUnits('memory', '128Mi'), 128 * 2 ** 20);
  assert.ok(Number.isNaN(parseQuantity('lots')));
});

test('the default allocatable model of DESIGN.md', () => {
  assert.equal(reservedCpuMillis(1), 60);
  assert.equal(reservedCpuMillis(4), 80);
  assert.equal(reservedCpuMillis(8), 90);
  assert.equal(reservedMemoryBytes(4 * GiB), GiB + 100 * 2 ** 20);
  assert.equal(reservedMemoryBytes(16 * GiB), Math.ceil((1 + 0.8 + 0.8) * GiB) + 100 * 2 ** 20);
  const a = allocatableFor(capacityFor({ cpu: 4, memoryGiB: 16 }));
  assert.equal(a.cpu, '3920m');
  assert.equal(a.pods, '110');
  assert.deepEqual(parseNodeType('4x16'), { cpu: 4, memoryGiB: 16 });
  assert.throws(() => parseNodeType('4cpu'), /<cpu>x<memoryGiB>/);
});

test('node affinity operators and tolerations', () => {
  const labels = { gen: '5', zone: 'a' };
  const term = (key: string, operator: string, values?: string[]) => [{ matchExpressions: [{ key, operator, values }] }];
  assert.ok(matchesTerms(term('gen', 'Gt', ['4']), labels, 'n'));
  assert.ok(!matchesTerms(term('gen', 'Lt', ['4']), labels, 'n'));
  assert.ok(matchesTerms(term('zone', 'In', ['a', 'b']), labels, 'n'));
  assert.ok(!matchesTerms(term('zone', 'NotIn', ['a']), labels, 'n'));
  assert.ok(matchesTerms(term('gpu', 'DoesNotExist'), labels, 'n'));
  assert.ok(!matchesTerms(term('gpu', 'Exists'), labels, 'n'));
  assert.ok(matchesTerms([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n'] }] }], labels, 'n'));
  assert.ok(!matchesTerms([{}], labels, 'n'), 'an empty term matches nothing');

  const taint = { key: 'gpu', value: 'true', effect: 'NoSchedule' };
  assert.ok(tolerates({ key: 'gpu', operator: 'Equal', value: 'true' }, taint));
  assert.ok(tolerates({ operator: 'Exists' }, taint));
  assert.ok(!tolerates({ key: 'gpu', value: 'false' }, taint));
  assert.ok(!tolerates({ key: 'gpu', operator: 'Exists', effect: 'NoExecute' }, taint));
  assert.equal(firstUntolerated([{ key: 'soft', effect: 'PreferNoSchedule' }, taint], []), taint);
});

test("kube-scheduler's message: sorted histogram, preemption verdicts, prefilter and no nodes", () => {
  const msg = fitErrorMessage(3, [
    { reasons: ['Insufficient cpu', 'Insufficient memory'], unresolvable: false },
    { reasons: ['Insufficient cpu'], unresolvable: false },
    { reasons: ['node(s) had untolerated taint {a: b}'], unresolvable: true },
  ]);
  assert.equal(
    msg,
    '0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {a: b}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
  );
  assert.equal(fitErrorMessage(0, []), 'no nodes available to schedule pods');
  assert.match(fitErrorMessage(2, [], { preFilter: 'persistentvolumeclaim "x" not found' }), /^0\/2 nodes are available: persistentvolumeclaim "x" not found\. preemption: 0\/2 nodes are available: 2 Preemption is not helpful/);
  assert.equal(feasibleNodesToFind(50), 50);
  assert.equal(feasibleNodesToFind(1000), 420);
  assert.equal(feasibleNodesToFind(5000), 500);
});

test('pod requests: containers summed, init containers as a maximum, overhead added', () => {
  const r = podRequests({
    containers: [{ resources: { requests: { cpu: '100m', 'nvidia.com/gpu': '1' } } }, { resources: { requests: { cpu: '200m', memory: '1Gi' } } }],
    initContainers: [{ resources: { requests: { cpu: '1' } } }],
    overhead: { cpu: '10m' },
  });
  assert.deepEqual(r.requests, { cpu: 1010, 'nvidia.com/gpu': 1, memory: GiB });
  assert.equal(r.nonzeroMemory, 200 * 2 ** 20 + GiB);
});

test('taint eviction time: untolerated now, tolerationSeconds from timeAdded, forever without seconds', () => {
  const now = Date.parse('2026-01-01T00:01:00Z');
  const taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z' };
  const pod = (tolerations: object[]) => ({ spec: { tolerations } });
  assert.equal(evictionTime(pod([]), [taint], now), now);
  assert.equal(evictionTime(pod([{ key: taint.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }]), [taint], now), Date.parse('2026-01-01T00:05:00Z'));
  assert.equal(evictionTime(pod([{ operator: 'Exists' }]), [taint], now), undefined);
});

test('pod-template-hash is stable and changes with the template', () => {
  const a = templateHash({ spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  assert.equal(a, templateHash({ spec: { containers: [{ image: 'nginx', name: 'c' }] } }));
  assert.notEqual(a, templateHash({ spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } }));
  assert.match(a, /^[bcdfghjklmnpqrstvwxz2456789]+$/);
});
