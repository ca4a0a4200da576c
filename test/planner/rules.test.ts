// One test per rule the plan must honour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  plan,
  validatePlan,
  type Plan,
  type PlanInput,
  type DaemonSetSpec,
} from '../../src/planner/index.ts';
import { reservedCpuMillis, reservedMemoryBytes, defaultAllocatable } from '../../src/planner/index.ts';
import { EDGE, world } from './support/world.ts';
import { EDGE_TOLERATION, pod, pods, template } from './support/builders.ts';

const GIB = 2 ** 30;

function planned(input: PlanInput): Plan {
  const result = plan(input);
  assert.deepEqual(validatePlan(input, result), []);
  return result;
}

function types(p: Plan): string[] {
  return p.nodes.map((n) => `${n.location}/${n.instanceType}/${n.lifecycle}`);
}

test('allocatable model: reserved cpu and memory follow DESIGN.md, 110 pods', () => {
  assert.equal(reservedCpuMillis(1), 60);
  assert.equal(reservedCpuMillis(2), 70);
  assert.equal(reservedCpuMillis(4), 80);
  assert.equal(reservedCpuMillis(8), 90);
  assert.equal(reservedMemoryBytes(4 * GIB), GIB + 100 * 2 ** 20);
  assert.equal(reservedMemoryBytes(8 * GIB), Math.ceil(1.8 * GIB) + 100 * 2 ** 20);
  assert.equal(reservedMemoryBytes(16 * GIB), Math.ceil(2.6 * GIB) + 100 * 2 ** 20);
  const a = defaultAllocatable(2, 8, 0);
  assert.equal(a.cpu, 1930);
  assert.equal(a.pods, 110);
});

test('the cheapest offering that fits is chosen (main spot is not allowed by default: on-demand)', () => {
  const p = planned(world({ pods: [pod('a', { cpu: '500m', memory: '1Gi' })] }));
  assert.deepEqual(types(p), ['main/c5.large/on-demand']);
  assert.equal(p.totalPricePerHour, 0.085);
});

test('requests that exceed a small node go to a bigger one', () => {
  const p = planned(world({ pods: [pod('a', { cpu: '1950m', memory: '1Gi' })] }));
  assert.deepEqual(types(p), ['main/m5.xlarge/on-demand']);
});

test('daemonset requests are taken from every node they run on', () => {
  const ds: DaemonSetSpec = {
    namespace: 'kube-system',
    name: 'agent',
    requests: { cpu: 500, memory: 0, ephemeral: 0, gpu: 0, pods: 1 },
    nodeSelector: {},
    affinityTerms: [],
    tolerations: [],
  };
  const without = planned(world({ pods: [pod('a', { cpu: '1500m', memory: '1Gi' })] }));
  assert.deepEqual(types(without), ['main/c5.large/on-demand']);
  const withDs = planned(world({ pods: [pod('a', { cpu: '1500m', memory: '1Gi' })], daemonSets: [ds] }));
  assert.deepEqual(types(withDs), ['main/m5.xlarge/on-demand']);
});

test('at most 110 pods per node', () => {
  const p = planned(world({ pods: pods('tiny', 111, { cpu: '1m', memory: '1Mi' }) }));
  assert.equal(p.nodes.length, 2);
  assert.ok(p.nodes.every((n) => n.pods.length <= 110));
});

test('ephemeral storage requests count', () => {
  const p = planned(world({ pods: pods('disk', 2, { cpu: '100m', memory: '100Mi', ephemeral: '60Gi' }) }));
  assert.equal(p.nodes.length, 2);
});

test('GPU pods go only on GPU types, and the template GPU names apply', () => {
  const gpuTpl = template('gpu', { constraints: { gpu: { names: ['v100'] } } });
  const p = planned(
    world({ nodeTemplates: [gpuTpl], pods: [pod('train', { cpu: '1', memory: '4Gi', gpu: 1 })] }),
  );
  assert.deepEqual(types(p), ['main/p3.2xlarge/on-demand']);
  const any = planned(world({ pods: [pod('train', { cpu: '1', memory: '4Gi', gpu: 1 })] }));
  assert.deepEqual(types(any), ['main/g4dn.xlarge/on-demand']);
});

test('a GPU-only template never makes non-GPU nodes', () => {
  const p = planned(
    world({
      nodeTemplates: [template('gpu', { constraints: { gpu: { minCount: 1 } } })],
      pods: [pod('web')],
    }),
  );
  assert.deepEqual(types(p), ['main/g4dn.xlarge/on-demand']);
});

test('nodeSelector on well-known labels: instance type, zone, lifecycle, edge location', () => {
  const spotTpl = [template('default', { edgeLocations: [EDGE.metadata.name], constraints: { spot: true } })];
  const byType = planned(
    world({
      pods: [pod('a', { spec: { nodeSelector: { 'node.kubernetes.io/instance-type': 'r5.large' } } })],
    }),
  );
  assert.deepEqual(types(byType), ['main/r5.large/on-demand']);
  const byZone = planned(
    world({ pods: [pod('a', { spec: { nodeSelector: { 'topology.kubernetes.io/zone': 'us-east-1b' } } })] }),
  );
  assert.equal(byZone.nodes[0].zone, 'us-east-1b');
  const onDemand = planned(
    world({
      nodeTemplates: spotTpl,
      pods: [pod('a', { spec: { nodeSelector: { 'omni.cast.ai/lifecycle': 'on-demand' } } })],
    }),
  );
  assert.deepEqual(types(onDemand), ['main/c5.large/on-demand']);
  const spot = planned(
    world({
      nodeTemplates: spotTpl,
      pods: [pod('a', { spec: { nodeSelector: { 'scheduling.cast.ai/spot': 'true' } } })],
    }),
  );
  assert.deepEqual(types(spot), ['main/c5.large/spot']);
  const edge = planned(
    world({
      pods: [
        pod('a', {
          spec: {
            tolerations: [EDGE_TOLERATION],
            nodeSelector: { 'omni.cast.ai/edge-location-name': EDGE.metadata.name },
          },
        }),
      ],
    }),
  );
  assert.deepEqual(types(edge), ['gcp-us-central1/e2-standard-2/on-demand']);
});

test('required node affinity: In, NotIn, Exists, DoesNotExist, Gt, Lt', () => {
  const affinity = (
    expressions: {
      key: string;
      operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
      values?: string[];
    }[],
  ) => ({
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: expressions }],
        },
      },
    },
    tolerations: [EDGE_TOLERATION],
  });
  const tpl = [
    template('default', { edgeLocations: [EDGE.metadata.name], labels: { 'example.com/gen': '5' } }),
  ];
  const run = (spec: ReturnType<typeof affinity>) =>
    types(planned(world({ nodeTemplates: tpl, pods: [pod('a', { spec })] })));
  assert.deepEqual(
    run(affinity([{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['m5.large'] }])),
    ['main/m5.large/on-demand'],
  );
  assert.deepEqual(run(affinity([{ key: 'omni.cast.ai/cloud', operator: 'NotIn', values: ['gcp'] }])), [
    'main/c5.large/on-demand',
  ]);
  assert.deepEqual(run(affinity([{ key: 'omni.cast.ai/edge-node', operator: 'Exists' }])), [
    'gcp-us-central1/e2-standard-2/on-demand',
  ]);
  assert.deepEqual(run(affinity([{ key: 'omni.cast.ai/edge-location-name', operator: 'DoesNotExist' }])), [
    'main/c5.large/on-demand',
  ]);
  assert.deepEqual(run(affinity([{ key: 'example.com/gen', operator: 'Gt', values: ['4'] }])), [
    'gcp-us-central1/e2-standard-2/on-demand',
  ]);
  const none = plan(
    world({
      nodeTemplates: tpl,
      pods: [pod('a', { spec: affinity([{ key: 'example.com/gen', operator: 'Lt', values: ['5'] }]) })],
    }),
  );
  assert.equal(none.unschedulable[0].code, 'selector');
});

test('edge nodes carry the edge taint: only pods that tolerate it go there', () => {
  const cheapAtEdge = planned(world({ pods: [pod('a', { spec: { tolerations: [EDGE_TOLERATION] } })] }));
  assert.deepEqual(types(cheapAtEdge), ['gcp-us-central1/e2-standard-2/on-demand']);
  const intolerant = planned(world({ pods: [pod('a')] }));
  assert.deepEqual(types(intolerant), ['main/c5.large/on-demand']);
});

test('template taints keep pods that do not tolerate them off', () => {
  const tainted = template('tainted', {
    taints: [{ key: 'team', value: 'ml', effect: 'NoSchedule' }],
    weight: 10,
  });
  const plain = template('plain', { constraints: { instanceFamilies: { include: ['m5'] } } });
  const p = planned(world({ nodeTemplates: [tainted, plain], pods: [pod('a')] }));
  assert.equal(p.nodes[0].nodeTemplate, 'plain');
  const tolerant = planned(
    world({
      nodeTemplates: [tainted, plain],
      pods: [
        pod('a', {
          spec: { tolerations: [{ key: 'team', operator: 'Equal', value: 'ml', effect: 'NoSchedule' }] },
        }),
      ],
    }),
  );
  assert.equal(tolerant.nodes[0].nodeTemplate, 'tainted');
});

test('a pod with a PersistentVolumeClaim stays in the main region', () => {
  const p = planned(
    world({
      pods: [
        pod('db', {
          spec: {
            tolerations: [EDGE_TOLERATION],
            volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'd' } }],
          },
        }),
      ],
    }),
  );
  assert.equal(p.nodes[0].location, 'main');
});

test('edge nodes are amd64 only, even when an arm64 offering is cheaper there', () => {
  const p = planned(
    world({
      nodeTemplates: [
        template('default', {
          edgeLocations: [EDGE.metadata.name],
          constraints: { spot: true, onDemand: false },
        }),
      ],
      pods: [pod('a', { spec: { tolerations: [EDGE_TOLERATION] } })],
    }),
  );
  assert.deepEqual(types(p), ['gcp-us-central1/e2-standard-2/spot']);
});

test('arm64 is used in the main region when the template allows it', () => {
  const p = planned(
    world({
      nodeTemplates: [template('arm', { constraints: { architectures: ['arm64'] } })],
      pods: [pod('a')],
    }),
  );
  assert.deepEqual(types(p), ['main/m6g.large/on-demand']);
});

test('required pod anti-affinity on hostname: one replica per node', () => {
  const spec = {
    affinity: {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } },
        ],
      },
    },
  };
  const p = planned(world({ pods: pods('web', 3, { labels: { app: 'web' }, spec }) }));
  assert.equal(p.nodes.length, 3);
  assert.ok(p.nodes.every((n) => n.pods.length === 1));
});

/** A pod spec with required topology spread on zone over pods labelled app=<app>. */
function zoneSpread(app: string): Record<string, unknown> {
  return {
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: { app } },
      },
    ],
  };
}

test('required topology spread on zone: replicas split evenly over zones', () => {
  const spec = zoneSpread('api');
  const p = planned(world({ pods: pods('api', 5, { labels: { app: 'api' }, spec }) }));
  const perZone = new Map<string, number>();
  for (const n of p.nodes) perZone.set(n.zone, (perZone.get(n.zone) ?? 0) + n.pods.length);
  assert.deepEqual([...perZone.values()].sort(), [2, 3]);
});

test('topology spread under template limits: the pods that get nodes stay within maxSkew across zones', () => {
  const spec = zoneSpread('api');
  const limited = template('default', { limits: { cpu: '7' } });
  const p = planned(
    world({ nodeTemplates: [limited], pods: pods('api', 20, { cpu: '900m', memory: '1Gi', labels: { app: 'api' }, spec }) }),
  );
  const perZone = new Map<string, number>([['us-east-1a', 0], ['us-east-1b', 0]]);
  for (const n of p.nodes) perZone.set(n.zone, (perZone.get(n.zone) ?? 0) + n.pods.length);
  const counts = [...perZone.values()];
  assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, JSON.stringify([...perZone]));
  assert.ok(p.unschedulable.length > 0 && p.unschedulable.every((u) => u.code === 'limits'));
});

test('template limits cap total cpu; pods past the limit are unschedulable with the reason', () => {
  const limited = template('default', { limits: { cpu: '4' } });
  const p = planned(world({ nodeTemplates: [limited], pods: pods('w', 10, { cpu: '1', memory: '1Gi' }) }));
  const cpu = p.nodes.reduce((s, n) => s + (n.instanceType.includes('xlarge') ? 4 : 2), 0);
  assert.ok(cpu <= 4);
  assert.ok(p.unschedulable.length > 0);
  assert.ok(p.unschedulable.every((u) => u.code === 'limits' && u.reason.includes('"default"')));
});

test('allowed lifecycles: spot only, on-demand only, both (cheapest wins)', () => {
  const mk = (constraints: Record<string, unknown>) =>
    planned(world({ nodeTemplates: [template('t', { constraints })], pods: [pod('a')] }));
  assert.deepEqual(types(mk({ spot: true, onDemand: false })), ['main/c5.large/spot']);
  assert.deepEqual(types(mk({ spot: false, onDemand: true })), ['main/c5.large/on-demand']);
  assert.deepEqual(types(mk({ spot: true, onDemand: true })), ['main/c5.large/spot']);
});

test('useSpotFallbacks: On-Demand only where Spot is unavailable', () => {
  const tpl = [
    template('t', {
      constraints: {
        spot: true,
        onDemand: false,
        useSpotFallbacks: true,
        instanceFamilies: { include: ['c5'] },
      },
    }),
  ];
  const unavailable = [
    { cloud: 'aws' as const, region: 'us-east-1', instanceType: 'c5.large', lifecycle: 'spot' as const },
  ];
  assert.deepEqual(types(planned(world({ nodeTemplates: tpl, pods: [pod('a')] }))), ['main/c5.large/spot']);
  assert.deepEqual(types(planned(world({ nodeTemplates: tpl, pods: [pod('a')], unavailable }))), [
    'main/c5.large/on-demand',
  ]);
});

test('instance families include/exclude and cpu/memory bounds', () => {
  const mk = (constraints: Record<string, unknown>) =>
    types(planned(world({ nodeTemplates: [template('t', { constraints })], pods: [pod('a')] })));
  assert.deepEqual(mk({ instanceFamilies: { include: ['r5'] } }), ['main/r5.large/on-demand']);
  assert.deepEqual(mk({ instanceFamilies: { exclude: ['c5', 'm6g'] } }), ['main/m5.large/on-demand']);
  assert.deepEqual(mk({ minCpu: 4 }), ['main/m5.xlarge/on-demand']);
  assert.deepEqual(mk({ minMemory: '16Gi', maxCpu: 2 }), ['main/r5.large/on-demand']);
});

test('mainRegion: false keeps nodes at the edge; edgeLocations restrict where', () => {
  const edgeOnly = template('edge', { mainRegion: false, edgeLocations: [EDGE.metadata.name] });
  const p = planned(
    world({ nodeTemplates: [edgeOnly], pods: [pod('a', { spec: { tolerations: [EDGE_TOLERATION] } })] }),
  );
  assert.equal(p.nodes[0].location, EDGE.metadata.name);
  const mainOnly = planned(
    world({
      nodeTemplates: [template('main')],
      pods: [pod('a', { spec: { tolerations: [EDGE_TOLERATION] } })],
    }),
  );
  assert.equal(mainOnly.nodes[0].location, 'main');
});

test('weight: at equal price the higher-weight template is used', () => {
  const a = template('a', { weight: 1 });
  const b = template('b', { weight: 5 });
  assert.equal(planned(world({ nodeTemplates: [a, b], pods: [pod('x')] })).nodes[0].nodeTemplate, 'b');
});

test('the scheduling.cast.ai/node-template selector picks the template', () => {
  const a = template('a');
  const b = template('b', { constraints: { instanceFamilies: { include: ['m5'] } } });
  const p = planned(
    world({
      nodeTemplates: [a, b],
      pods: [pod('x', { spec: { nodeSelector: { 'scheduling.cast.ai/node-template': 'b' } } })],
    }),
  );
  assert.deepEqual([p.nodes[0].nodeTemplate, p.nodes[0].instanceType], ['b', 'm5.large']);
});

test('unavailable offerings are skipped (by zone, by lifecycle, or * for every type)', () => {
  const byType = planned(
    world({
      pods: [pod('a')],
      unavailable: [{ cloud: 'aws', region: 'us-east-1', instanceType: 'c5.large' }],
    }),
  );
  assert.deepEqual(types(byType), ['main/m5.large/on-demand']);
  const byZone = planned(
    world({
      pods: [pod('a')],
      unavailable: [{ cloud: 'aws', region: 'us-east-1', zone: 'us-east-1a', instanceType: '*' }],
    }),
  );
  assert.equal(byZone.nodes[0].zone, 'us-east-1b');
});

test('existing nodes with room are used before any new node', () => {
  const node = {
    name: 'node-1',
    labels: { 'kubernetes.io/arch': 'amd64' },
    taints: [],
    allocatable: { cpu: 2000, memory: 4 * GIB, ephemeral: 50 * GIB, gpu: 0, pods: 110 },
    pods: [pod('bound', { cpu: '1', memory: '1Gi' })],
  };
  const p = planned(world({ existingNodes: [node], pods: pods('new', 3, { cpu: '400m', memory: '512Mi' }) }));
  assert.deepEqual(p.existing, [
    { node: 'node-1', pods: ['default/bound', 'default/new-0', 'default/new-1'] },
  ]);
  assert.equal(p.nodes.length, 1);
  assert.deepEqual(p.nodes[0].pods, ['default/new-2']);
});

test('pods of different shapes share a node when that is cheaper', () => {
  // Apart: c5.large ($0.085) + m5.large ($0.096); together they fit one m5.large.
  const p = planned(
    world({
      pods: [pod('cpu', { cpu: '1500m', memory: '256Mi' }), pod('mem', { cpu: '100m', memory: '5Gi' })],
    }),
  );
  assert.deepEqual(types(p), ['main/m5.large/on-demand']);
  assert.equal(p.nodes[0].pods.length, 2);
});
