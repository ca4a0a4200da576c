// The bench scenario: N pending pods of 50 shapes, a main region and 5 edge locations, every offering.
import type { Catalog, CloudName } from '../../../src/catalog/types.ts';
import type { PlanInput, PlannerPod } from '../../../src/planner/index.ts';
import { edgeLocation, EDGE_TOLERATION, pod, template } from './builders.ts';
import { between, seeded, type Random } from './random.ts';

export const BENCH_MAIN = { cloud: 'aws' as CloudName, region: 'us-east-1' };
export const BENCH_EDGES: [string, 'gcp' | 'oci', string][] = [
  ['gcp-us-central1', 'gcp', 'us-central1'],
  ['gcp-europe-west4', 'gcp', 'europe-west4'],
  ['gcp-asia-east1', 'gcp', 'asia-east1'],
  ['oci-us-ashburn-1', 'oci', 'us-ashburn-1'],
  ['oci-eu-frankfurt-1', 'oci', 'eu-frankfurt-1'],
];

interface Shape {
  cpuMillis: number;
  memoryMi: number;
  gpu: number;
  edge: boolean;
  pvc: boolean;
}

function shapes(random: Random, n: number): Shape[] {
  return Array.from({ length: n }, (_, i) => ({
    cpuMillis: between(random, 1, 40) * 100,
    memoryMi: between(random, 1, 64) * 256,
    gpu: i % 25 === 24 ? 1 : 0,
    edge: random() < 0.7,
    pvc: random() < 0.1,
  }));
}

function shapePod(shape: Shape, index: number, name: string): PlannerPod {
  const tolerations = [
    ...(shape.edge ? [EDGE_TOLERATION] : []),
    ...(shape.gpu ? [{ key: 'nvidia.com/gpu', operator: 'Exists' as const }] : []),
  ];
  return pod(name, {
    cpu: `${shape.cpuMillis}m`,
    memory: `${shape.memoryMi}Mi`,
    gpu: shape.gpu,
    labels: { app: `shape-${index}` },
    spec: {
      tolerations,
      ...(shape.pvc ? { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } : {}),
    },
  });
}

/** `pods` pending pods spread evenly over `shapeCount` seeded shapes. */
export function benchScenario(catalog: Catalog, pods: number, shapeCount = 50, seed = 42): PlanInput {
  const random = seeded(seed);
  const all = shapes(random, shapeCount);
  const edges = BENCH_EDGES.map(([name, cloud, region]) => edgeLocation(name, cloud, region));
  const edgeNames = edges.map((e) => e.metadata.name);
  return {
    pods: Array.from({ length: pods }, (_, i) => shapePod(all[i % shapeCount], i % shapeCount, `pod-${i}`)),
    nodeTemplates: [
      template('default', { edgeLocations: edgeNames, constraints: { spot: true, onDemand: true } }),
      template('gpu', {
        edgeLocations: edgeNames,
        constraints: { spot: true, onDemand: true, gpu: { minCount: 1 } },
        taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
      }),
    ],
    edgeLocations: edges,
    main: BENCH_MAIN,
    catalog,
  };
}
