// Property tests: seeded random scenarios. Every plan must be valid (each pod exactly once, every
// node's pods fit, every rule holds), no dearer than the first-fit-decreasing baseline, and the same
// for the same input in any order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  plan,
  planWithDetails,
  validatePlan,
  type DaemonSetSpec,
  type PodSpec,
  type ExistingNode,
  type PlanInput,
  type PlannerPod,
} from '../../src/planner/index.ts';
import type { NodeTemplate } from '../../src/apis/index.ts';
import { EDGE, world } from './support/world.ts';
import { EDGE_TOLERATION, pod, template } from './support/builders.ts';
import { between, pick, seeded, type Random } from './support/random.ts';

const GIB = 2 ** 30;

function randomTemplate(random: Random, i: number): NodeTemplate {
  const spot = random() < 0.6;
  const edge = random() < 0.6;
  return template(`t${i}`, {
    mainRegion: !edge || random() < 0.7,
    edgeLocations: edge ? [EDGE.metadata.name] : [],
    constraints: {
      spot,
      onDemand: !spot || random() < 0.5,
      ...(random() < 0.2 ? { instanceFamilies: { exclude: [pick(random, ['c5', 'm5', 'e2', 'r5'])] } } : {}),
      ...(random() < 0.15 ? { gpu: { minCount: 1 } } : {}),
      ...(!edge && random() < 0.2 ? { architectures: ['amd64', 'arm64'] } : {}),
    },
    ...(random() < 0.2 ? { taints: [{ key: 'dedicated', value: `t${i}`, effect: 'NoSchedule' }] } : {}),
    ...(random() < 0.15 ? { limits: { cpu: String(between(random, 2, 16)) } } : {}),
    weight: between(random, 0, 3),
  });
}

function randomSpec(random: Random, app: string, templates: NodeTemplate[]): Partial<PodSpec> {
  const tolerations = [
    ...(random() < 0.5 ? [EDGE_TOLERATION] : []),
    ...(random() < 0.3 ? [{ key: 'dedicated', operator: 'Exists' as const }] : []),
  ];
  return {
    tolerations,
    ...(random() < 0.15 ? { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'd' } }] } : {}),
    ...(random() < 0.1
      ? { nodeSelector: { 'scheduling.cast.ai/node-template': pick(random, templates).metadata.name } }
      : {}),
    ...(random() < 0.1
      ? { nodeSelector: { 'omni.cast.ai/lifecycle': pick(random, ['spot', 'on-demand']) } }
      : {}),
    ...(random() < 0.15
      ? {
          affinity: {
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [
                { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app } } },
              ],
            },
          },
        }
      : {}),
    ...(random() < 0.1
      ? {
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'DoNotSchedule',
              labelSelector: { matchLabels: { app } },
            },
          ],
        }
      : {}),
  };
}

function randomPods(random: Random, templates: NodeTemplate[]): PlannerPod[] {
  const out: PlannerPod[] = [];
  const shapes = between(random, 1, 8);
  for (let s = 0; s < shapes; s++) {
    const app = `app${s}`;
    const spec = randomSpec(random, app, templates);
    const count = between(random, 1, 25);
    const cpu = `${between(random, 1, 40) * 100}m`;
    const memory = `${between(random, 1, 48) * 256}Mi`;
    const gpu = random() < 0.08 ? 1 : 0;
    const namespace = pick(random, ['default', 'team-a']);
    for (let i = 0; i < count; i++)
      out.push(pod(`${app}-${i}`, { cpu, memory, gpu, namespace, labels: { app }, spec }));
  }
  return out;
}

function randomExisting(random: Random): ExistingNode[] {
  if (random() < 0.6) return [];
  return Array.from({ length: between(random, 1, 3) }, (_, i) => ({
    name: `existing-${i}`,
    labels: { 'kubernetes.io/arch': 'amd64', 'topology.kubernetes.io/zone': 'us-east-1a' },
    taints: [],
    allocatable: { cpu: 4000, memory: 16 * GIB, ephemeral: 90 * GIB, gpu: 0, pods: 110 },
    pods: random() < 0.5 ? [pod(`bound-${i}`, { cpu: '1', memory: '2Gi' })] : [],
  }));
}

function randomDaemonSets(random: Random): DaemonSetSpec[] {
  if (random() < 0.5) return [];
  return [
    {
      namespace: 'kube-system',
      name: 'agent',
      requests: { cpu: between(random, 1, 5) * 50, memory: 128 * 2 ** 20, ephemeral: 0, gpu: 0, pods: 1 },
      nodeSelector: {},
      affinityTerms: [],
      tolerations: [],
    },
  ];
}

/** Pods with no compatible offering at all (the same for plan and baseline). */
function unschedulableBeforePacking(details: ReturnType<typeof planWithDetails>): number {
  return details.plan.unschedulable.filter((u) => u.code !== 'limits').length;
}

export function randomScenario(seed: number): PlanInput {
  const random = seeded(seed);
  const templates = Array.from({ length: between(random, 1, 3) }, (_, i) => randomTemplate(random, i));
  return world({
    nodeTemplates: templates,
    pods: randomPods(random, templates),
    existingNodes: randomExisting(random),
    daemonSets: randomDaemonSets(random),
    unavailable:
      random() < 0.3
        ? [
            {
              cloud: 'aws',
              region: 'us-east-1',
              instanceType: pick(random, ['c5.large', 'm5.large', '*']),
              lifecycle: 'spot',
            },
          ]
        : [],
  });
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

test('random scenarios: every plan is valid and no dearer than the baseline', () => {
  let placed = 0;
  let unschedulable = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const input = randomScenario(seed);
    const details = planWithDetails(input);
    assert.deepEqual(validatePlan(input, details.plan), [], `seed ${seed}`);
    // Never fewer pods placed than the baseline; with as many placed, never dearer.
    const baselineLeft = details.baselineUnplaced + unschedulableBeforePacking(details);
    assert.ok(
      details.plan.unschedulable.length <= baselineLeft,
      `seed ${seed}: fewer pods placed than the baseline`,
    );
    if (details.plan.unschedulable.length === baselineLeft) {
      assert.ok(
        details.plan.totalPricePerHour <= details.baselinePricePerHour + 1e-9,
        `seed ${seed}: dearer than baseline`,
      );
    }
    placed += details.plan.nodes.reduce((s, n) => s + n.pods.length, 0);
    unschedulable += details.plan.unschedulable.length;
  }
  // The generator must exercise both outcomes, or the property says little.
  assert.ok(placed > 1000, `placed ${placed}`);
  assert.ok(unschedulable > 50, `unschedulable ${unschedulable}`);
});

test('random scenarios: the same input in any order gives the same plan', () => {
  for (let seed = 1; seed <= 60; seed++) {
    const input = randomScenario(seed);
    const random = seeded(seed * 7919);
    const reordered: PlanInput = {
      ...input,
      pods: shuffled(input.pods, random),
      nodeTemplates: shuffled(input.nodeTemplates, random),
      existingNodes: shuffled(input.existingNodes ?? [], random),
    };
    assert.deepEqual(plan(reordered), plan(input), `seed ${seed}`);
  }
});
