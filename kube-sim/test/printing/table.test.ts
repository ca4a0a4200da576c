import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTable, humanDuration, type JsonObject } from '../../src/printing/index.ts';

const NOW = Date.parse('2026-01-10T12:00:00Z');
const ago = (ms: number): string => new Date(NOW - ms).toISOString();

type Row = { cells: unknown[]; object?: JsonObject; conditions?: unknown[] };

function rows(resource: string, group: string, objects: JsonObject[]): Row[] {
  const table = buildTable({ resource, group, objects, includeObject: 'None', now: NOW });
  return table.rows as Row[];
}

function columnNames(resource: string, group: string): string[] {
  const table = buildTable({ resource, group, objects: [], includeObject: 'None', now: NOW });
  return (table.columnDefinitions as { name: string; priority: number }[])
    .filter((c) => c.priority === 0)
    .map((c) => c.name);
}

function pod(status: JsonObject, extra: JsonObject = {}): JsonObject {
  return {
    metadata: { name: 'p', creationTimestamp: ago(5000), ...(extra.metadata as JsonObject) },
    spec: { containers: [{ name: 'c', image: 'nginx' }], nodeName: 'node-a', ...(extra.spec as JsonObject) },
    status,
  };
}

const running = { running: { startedAt: ago(4000) } };

test('humanDuration follows kubectl rules', () => {
  assert.equal(humanDuration(5_000), '5s');
  assert.equal(humanDuration(119_000), '119s');
  assert.equal(humanDuration(182_000), '3m2s');
  assert.equal(humanDuration(600_000), '10m');
  assert.equal(humanDuration(3 * 3600_000 + 5 * 60_000), '3h5m');
  assert.equal(humanDuration(10 * 3600_000), '10h');
  assert.equal(humanDuration(2 * 86400_000), '2d');
  assert.equal(humanDuration(3 * 86400_000 + 4 * 3600_000), '3d4h');
  assert.equal(humanDuration(30 * 86400_000), '30d');
  assert.equal(humanDuration(-1500), '0s');
  assert.equal(humanDuration(-5000), '<invalid>');
});

test('pod columns and Running status', () => {
  assert.deepEqual(columnNames('pods', ''), ['Name', 'Ready', 'Status', 'Restarts', 'Age']);
  const [row] = rows('pods', '', [
    pod({
      phase: 'Running',
      podIP: '10.0.0.5',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: running }],
    }),
  ]);
  assert.deepEqual(row.cells, ['p', '1/1', 'Running', '0', '5s', '10.0.0.5', 'node-a', '<none>', '<none>']);
});

test('pod Completed, Pending, ContainerCreating, CrashLoopBackOff, Terminating', () => {
  const completed = pod({
    phase: 'Succeeded',
    containerStatuses: [
      {
        name: 'c',
        ready: false,
        restartCount: 0,
        state: { terminated: { exitCode: 0, reason: 'Completed' } },
      },
    ],
  });
  const pending = pod({ phase: 'Pending' });
  const creating = pod({
    phase: 'Pending',
    containerStatuses: [
      { name: 'c', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
    ],
  });
  const crash = pod({
    phase: 'Running',
    containerStatuses: [
      {
        name: 'c',
        ready: false,
        restartCount: 4,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1, finishedAt: ago(62_000) } },
      },
    ],
  });
  const terminating = pod(
    { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, state: running }] },
    { metadata: { name: 'p', deletionTimestamp: ago(1000) } },
  );
  const r = rows('pods', '', [completed, pending, creating, crash, terminating]);
  assert.deepEqual(
    r.map((x) => x.cells.slice(1, 4)),
    [
      ['0/1', 'Completed', '0'],
      ['0/1', 'Pending', '0'],
      ['0/1', 'ContainerCreating', '0'],
      ['0/1', 'CrashLoopBackOff', '4 (62s ago)'],
      ['1/1', 'Terminating', '0'],
    ],
  );
  assert.deepEqual(r[0].conditions, [
    {
      type: 'Completed',
      status: 'True',
      reason: 'Succeeded',
      message: 'The pod has completed successfully.',
    },
  ]);
});

test('pod init containers give Init:x/y and Init:<reason>', () => {
  const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }] };
  const second = pod(
    {
      phase: 'Pending',
      initContainerStatuses: [
        { name: 'i1', state: { terminated: { exitCode: 0 } } },
        { name: 'i2', state: { running: {} } },
      ],
    },
    { spec },
  );
  const failing = pod(
    {
      phase: 'Pending',
      initContainerStatuses: [
        { name: 'i1', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } },
      ],
    },
    { spec },
  );
  const r = rows('pods', '', [second, failing]);
  assert.equal(r[0].cells[2], 'Init:1/2');
  assert.equal(r[1].cells[2], 'Init:CrashLoopBackOff');
  assert.equal(r[1].cells[3], '2');
});

test('node status, roles and wide cells', () => {
  assert.deepEqual(columnNames('nodes', ''), ['Name', 'Status', 'Roles', 'Age', 'Version']);
  const node = {
    metadata: {
      name: 'n1',
      creationTimestamp: ago(3 * 86400_000),
      labels: { 'node-role.kubernetes.io/control-plane': '' },
    },
    spec: { unschedulable: true },
    status: {
      conditions: [{ type: 'Ready', status: 'False' }],
      addresses: [{ type: 'InternalIP', address: '10.1.0.1' }],
      nodeInfo: { kubeletVersion: 'v1.31.0', osImage: 'Ubuntu' },
    },
  };
  const unknown = { metadata: { name: 'n2' }, status: {} };
  const r = rows('nodes', '', [node, unknown]);
  assert.deepEqual(r[0].cells, [
    'n1',
    'NotReady,SchedulingDisabled',
    'control-plane',
    '3d',
    'v1.31.0',
    '10.1.0.1',
    '<none>',
    'Ubuntu',
    '<unknown>',
    '<unknown>',
  ]);
  assert.equal(r[1].cells[1], 'Unknown');
  assert.equal(r[1].cells[2], '<none>');
  assert.equal(r[1].cells[3], '<unknown>');
});

test('deployment READY counts', () => {
  assert.deepEqual(columnNames('deployments', 'apps'), ['Name', 'Ready', 'Up-to-date', 'Available', 'Age']);
  const d = {
    metadata: { name: 'web', creationTimestamp: ago(182_000) },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { spec: { containers: [{ name: 'n', image: 'nginx:1' }] } },
    },
    status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
  };
  const [row] = rows('deployments', 'apps', [d]);
  assert.deepEqual(row.cells, ['web', '2/3', 3, 2, '3m2s', 'n', 'nginx:1', 'app=web']);
  const [empty] = rows('deployments', 'apps', [{ metadata: { name: 'x' }, spec: {} }]);
  assert.equal(empty.cells[1], '0/1');
});

test('other built-in printers', () => {
  assert.deepEqual(columnNames('jobs', 'batch'), ['Name', 'Status', 'Completions', 'Duration', 'Age']);
  assert.deepEqual(columnNames('services', ''), [
    'Name',
    'Type',
    'Cluster-IP',
    'External-IP',
    'Port(s)',
    'Age',
  ]);
  assert.deepEqual(columnNames('events', ''), ['Last Seen', 'Type', 'Reason', 'Object', 'Message']);
  assert.deepEqual(columnNames('poddisruptionbudgets', 'policy'), [
    'Name',
    'Min Available',
    'Max Unavailable',
    'Allowed Disruptions',
    'Age',
  ]);
  assert.deepEqual(columnNames('customresourcedefinitions', 'apiextensions.k8s.io'), ['Name', 'Created At']);
  assert.deepEqual(columnNames('widgets', 'example.com'), ['Name', 'Age']);
  const svc = {
    metadata: { name: 's' },
    spec: {
      type: 'NodePort',
      clusterIP: '10.96.0.10',
      ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }],
    },
  };
  assert.deepEqual(rows('services', '', [svc])[0].cells.slice(0, 5), [
    's',
    'NodePort',
    '10.96.0.10',
    '<none>',
    '80:30080/TCP',
  ]);
  const job = {
    metadata: { name: 'j' },
    spec: { completions: 2 },
    status: {
      succeeded: 2,
      startTime: ago(60_000),
      completionTime: ago(30_000),
      conditions: [{ type: 'Complete', status: 'True' }],
    },
  };
  assert.deepEqual(rows('jobs', 'batch', [job])[0].cells.slice(0, 4), ['j', 'Complete', '2/2', '30s']);
  const ev = {
    metadata: { name: 'e1' },
    type: 'Warning',
    reason: 'FailedScheduling',
    message: '0/3 nodes are available',
    involvedObject: { kind: 'Pod', name: 'p1' },
    lastTimestamp: ago(10_000),
    firstTimestamp: ago(20_000),
    count: 2,
  };
  const evCells = rows('events', '', [ev])[0].cells;
  assert.deepEqual(
    [0, 1, 2, 3, 6, 7, 8].map((i) => evCells[i]),
    ['10s', 'Warning', 'FailedScheduling', 'pod/p1', '0/3 nodes are available', '20s', 2],
  );
  const pdb = { metadata: { name: 'b' }, spec: { minAvailable: 2 }, status: { disruptionsAllowed: 0 } };
  assert.deepEqual(rows('poddisruptionbudgets', 'policy', [pdb])[0].cells.slice(0, 4), ['b', '2', 'N/A', 0]);
  const crd = { metadata: { name: 'a.b.c', creationTimestamp: '2026-01-01T00:00:00Z' } };
  assert.deepEqual(rows('customresourcedefinitions', 'apiextensions.k8s.io', [crd])[0].cells, [
    'a.b.c',
    '2026-01-01T00:00:00Z',
  ]);
  const cm = { metadata: { name: 'c' }, data: { a: '1', b: '2' } };
  assert.equal(rows('configmaps', '', [cm])[0].cells[1], 2);
});

test('includeObject modes and list metadata', () => {
  const obj = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'c', namespace: 'default' },
    data: {},
  };
  const none = buildTable({
    resource: 'configmaps',
    group: '',
    objects: [obj],
    includeObject: 'None',
    now: NOW,
  });
  assert.equal((none.rows as Row[])[0].object, undefined);
  const meta = buildTable({
    resource: 'configmaps',
    group: '',
    objects: [obj],
    includeObject: 'Metadata',
    now: NOW,
    listMeta: { resourceVersion: '42', continue: 'tok', remainingItemCount: 3 },
  });
  assert.equal(meta.kind, 'Table');
  assert.equal(meta.apiVersion, 'meta.k8s.io/v1');
  assert.deepEqual(meta.metadata, { resourceVersion: '42', continue: 'tok', remainingItemCount: 3 });
  assert.deepEqual((meta.rows as Row[])[0].object, {
    kind: 'PartialObjectMetadata',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { name: 'c', namespace: 'default' },
  });
  const full = buildTable({
    resource: 'configmaps',
    group: '',
    objects: [obj],
    includeObject: 'Object',
    now: NOW,
  });
  assert.deepEqual((full.rows as Row[])[0].object, obj);
});

test('custom columns type their cells', () => {
  const obj = {
    metadata: { name: 'w', creationTimestamp: ago(7000) },
    spec: { size: 3, zone: 'eu', tags: ['a'] },
    status: { ok: true },
  };
  const customColumns = [
    { name: 'Size', type: 'integer', jsonPath: '.spec.size' },
    { name: 'Zone', type: 'string', jsonPath: '.spec.zone', priority: 1 },
    { name: 'Tag', type: 'string', jsonPath: '.spec.tags[0]' },
    { name: 'OK', type: 'boolean', jsonPath: '.status.ok' },
    { name: 'Missing', type: 'string', jsonPath: '.spec.nope' },
    { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
  ];
  const table = buildTable({
    resource: 'widgets',
    group: 'example.com',
    objects: [obj],
    includeObject: 'None',
    now: NOW,
    customColumns,
  });
  const cols = table.columnDefinitions as { name: string; priority: number; description: string }[];
  assert.deepEqual(
    cols.map((c) => c.name),
    ['Name', 'Size', 'Zone', 'Tag', 'OK', 'Missing', 'Age'],
  );
  assert.equal(cols[2].priority, 1);
  assert.match(cols[1].description, /\.spec\.size/);
  assert.deepEqual((table.rows as Row[])[0].cells, ['w', 3, 'eu', 'a', true, null, '7s']);
  const viaEval = buildTable({
    resource: 'widgets',
    group: 'example.com',
    objects: [obj],
    includeObject: 'None',
    now: NOW,
    customColumns: customColumns.slice(0, 1),
    evalPath: () => '5',
  });
  assert.deepEqual((viaEval.rows as Row[])[0].cells, ['w', 5]);
  const noColumns = buildTable({
    resource: 'widgets',
    group: 'example.com',
    objects: [obj],
    includeObject: 'None',
    now: NOW,
    customColumns: [],
  });
  assert.deepEqual((noColumns.rows as Row[])[0].cells, ['w', '7s']);
});

test('controller revisions and priority classes', () => {
  const cr = {
    metadata: {
      name: 'ds-abc',
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ds', controller: true }],
    },
    revision: 2,
  };
  assert.deepEqual(rows('controllerrevisions', 'apps', [cr])[0].cells.slice(0, 3), [
    'ds-abc',
    'daemonset.apps/ds',
    2,
  ]);
  const pc = { metadata: { name: 'high' }, value: 1000, globalDefault: false };
  const cells = rows('priorityclasses', 'scheduling.k8s.io', [pc])[0].cells;
  assert.deepEqual([cells[0], cells[1], cells[2], cells[4]], ['high', 1000, false, 'PreemptLowerPriority']);
});
