// Column generation over node patterns (src/planner/patterns/): the pricing step, the kinds it
// considers, and what it buys a user — mixed nodes where mixing is cheaper, and plans close to the
// LP lower bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planWithDetails, validatePlan } from '../../src/planner/index.ts';
import { bestPattern, groupRequests, type PricingInput } from '../../src/planner/patterns/pricing.ts';
import { usefulKinds } from '../../src/planner/patterns/useful-kinds.ts';
import type { PackContext } from '../../src/planner/pack.ts';
import { loadEmbeddedCatalog } from '../../src/catalog/index.ts';
import { world } from './support/world.ts';
import { pod, pods, template } from './support/builders.ts';
import { lpLowerBound } from './support/lp-bound.ts';
import { benchScenario } from './support/bench-scenario.ts';
import { between, seeded } from './support/random.ts';

test('cpu-heavy and memory-heavy pods share nodes when that is cheaper than keeping them apart', () => {
  const cpuPods = pods('cpu', 10, { cpu: '1500m', memory: '1Gi' });
  const memPods = pods('mem', 10, { cpu: '200m', memory: '5Gi' });
  const input = world({ nodeTemplates: [template('default')], pods: [...cpuPods, ...memPods] });
  const details = planWithDetails(input);
  assert.deepEqual(validatePlan(input, details.plan), []);
  const mixed = details.plan.nodes.filter(
    (n) =>
      n.pods.some((p) => p.startsWith('default/cpu-')) && n.pods.some((p) => p.startsWith('default/mem-')),
  );
  assert.ok(mixed.length > 0, 'no node holds both kinds of pods');
  const apart =
    planWithDetails(world({ nodeTemplates: [template('default')], pods: cpuPods })).plan.totalPricePerHour +
    planWithDetails(world({ nodeTemplates: [template('default')], pods: memPods })).plan.totalPricePerHour;
  assert.ok(details.plan.totalPricePerHour < apart, `${details.plan.totalPricePerHour} vs ${apart} apart`);
});

test('on the bench scenario (1,000 pods of 50 shapes, every offering) the plan is within 3% of the LP bound', async () => {
  const catalog = await loadEmbeddedCatalog();
  const input = benchScenario(catalog, 1000);
  const details = planWithDetails(input);
  assert.deepEqual(validatePlan(input, details.plan), []);
  const bound = await lpLowerBound(details.context, details.counts);
  const ratio = details.plan.totalPricePerHour / bound.value;
  assert.ok(ratio <= 1.03, `plan/LP = ${ratio.toFixed(4)}`);
  assert.ok(details.plan.totalPricePerHour <= details.baselinePricePerHour);
});

function contextFor(podList: ReturnType<typeof pod>[]): PackContext {
  return planWithDetails(world({ nodeTemplates: [template('default')], pods: podList })).context;
}

test('useful kinds: a kind that a no-dearer kind covers in every resource is left out', () => {
  const ctx = contextFor(pods('p', 3, { cpu: '500m', memory: '1Gi' }));
  const useful = usefulKinds(ctx, [3]);
  const names = useful.map((k) => `${ctx.kinds[k].offering.instanceType}/${ctx.kinds[k].offering.zone}`);
  // m5.large in both zones at the same price: only the first stays; m5.xlarge (dearer, bigger) stays.
  assert.equal(names.filter((n) => n.startsWith('m5.large/')).length, 1);
  assert.ok(names.some((n) => n.startsWith('m5.xlarge/')));
  for (const k of useful) {
    const dominated = useful.some(
      (o) => o !== k && ctx.columns.price[o] <= ctx.columns.price[k] && covers(ctx, o, k),
    );
    assert.ok(!dominated, `kind ${names[useful.indexOf(k)]} is dominated`);
  }
});

function covers(ctx: PackContext, a: number, b: number): boolean {
  const ca = ctx.kinds[a].capacity;
  const cb = ctx.kinds[b].capacity;
  return (
    ca.cpu >= cb.cpu &&
    ca.memory >= cb.memory &&
    ca.gpu >= cb.gpu &&
    ca.ephemeral >= cb.ephemeral &&
    ca.pods >= cb.pods
  );
}

/** The best pattern by trying every combination (small instances only). */
function bruteForce(input: PricingInput, k: number, groups: number[]): number {
  const cap = input.ctx.kinds[k].capacity;
  const bounds = groups.map((g) => Math.min(input.ctx.groups[g].perNodeOf[k], input.demand[g]));
  let best = 0;
  const visit = (i: number, used: { cpu: number; memory: number; pods: number }, value: number): void => {
    if (i === groups.length) {
      best = Math.max(best, value);
      return;
    }
    const r = input.ctx.groups[groups[i]].proto.requests;
    for (let n = 0; n <= bounds[i]; n++) {
      const next = { cpu: used.cpu + n * r.cpu, memory: used.memory + n * r.memory, pods: used.pods + n };
      if (next.cpu > cap.cpu || next.memory > cap.memory || next.pods > cap.pods) break;
      visit(i + 1, next, value + n * input.values[groups[i]]);
    }
  };
  visit(0, { cpu: 0, memory: 0, pods: 0 }, 0);
  return best;
}

test('pricing: every pattern fits its node and the demand, and comes within 10% of the best possible', () => {
  let worst = 1;
  for (let seed = 1; seed <= 60; seed++) {
    const random = seeded(seed);
    const shapes = Array.from({ length: between(random, 2, 4) }, (_, i) =>
      pods(`g${i}`, 1, {
        cpu: `${between(random, 1, 30) * 100}m`,
        memory: `${between(random, 1, 24) * 512}Mi`,
      }),
    ).flat();
    const ctx = contextFor(shapes);
    const input: PricingInput = {
      ctx,
      requests: groupRequests(ctx),
      values: Float64Array.from(ctx.groups, () => random()),
      demand: ctx.groups.map(() => between(random, 1, 12)),
      repels: false,
    };
    const groups = ctx.groups.map((_, g) => g);
    const k = ctx.kinds.findIndex((kind) => kind.offering.instanceType === 'm5.4xlarge');
    const { priced } = bestPattern(input, k);
    const cap = ctx.kinds[k].capacity;
    let cpu = 0;
    let memory = 0;
    for (const [g, n] of priced.pattern.counts) {
      assert.ok(n <= input.demand[g], `seed ${seed}: ${n} pods of group ${g} > demand ${input.demand[g]}`);
      cpu += n * ctx.groups[g].proto.requests.cpu;
      memory += n * ctx.groups[g].proto.requests.memory;
    }
    assert.ok(cpu <= cap.cpu && memory <= cap.memory, `seed ${seed}: pattern overflows its node`);
    const optimum = bruteForce(input, k, groups);
    worst = Math.min(worst, optimum > 0 ? priced.value / optimum : 1);
  }
  assert.ok(worst >= 0.9, `worst pattern value / optimum = ${worst.toFixed(3)}`);
});

test('pricing: groups that repel each other (required anti-affinity) never share a pattern', () => {
  const anti = (app: string, other: string) => ({
    labels: { app },
    spec: {
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchLabels: { app: other } }, topologyKey: 'kubernetes.io/hostname' },
          ],
        },
      },
    },
  });
  const ctx = contextFor([
    pod('a', { cpu: '500m', memory: '1Gi', ...anti('a', 'b') }),
    pod('b', { cpu: '500m', memory: '1Gi', labels: { app: 'b' } }),
  ]);
  const input: PricingInput = {
    ctx,
    requests: groupRequests(ctx),
    values: Float64Array.of(1, 1),
    demand: [5, 5],
    repels: true,
  };
  const k = ctx.kinds.findIndex((kind) => kind.offering.instanceType === 'm5.4xlarge');
  const { priced } = bestPattern(input, k);
  assert.equal(priced.pattern.counts.length, 1, JSON.stringify(priced.pattern.counts));
});

test('many pod shapes (120 groups): the plan is valid and no dearer than the baseline', async () => {
  const catalog = await loadEmbeddedCatalog();
  const input = benchScenario(catalog, 2400, 120);
  const details = planWithDetails(input);
  assert.deepEqual(validatePlan(input, details.plan), []);
  assert.ok(details.plan.totalPricePerHour <= details.baselinePricePerHour);
  assert.equal(details.plan.unschedulable.length, 0);
});
