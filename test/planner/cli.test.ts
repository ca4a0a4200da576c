// `omni plan` end to end: manifests in, plan out (golden table, JSON contract), bad input out with exit 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  runPlan,
  parseUnavailable,
  parseMain,
  type PlanDeps,
  type PlanOptions,
} from '../../src/cli/commands/plan.ts';
import { ValidationError } from '../../src/apis/index.ts';
import { fakeCatalog } from './support/fake-catalog.ts';
import { OFFERINGS } from './support/world.ts';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const fixture = (name: string): string => new URL(name, FIXTURES).pathname;

const deps: PlanDeps = {
  loadCatalog: async () => fakeCatalog(OFFERINGS),
  readText: (p) => readFile(p, 'utf8'),
};

function options(files: string[], extra: Partial<PlanOptions> = {}): PlanOptions {
  return {
    filename: files,
    main: { cloud: 'aws', region: 'us-east-1' },
    unavailable: [],
    output: 'table',
    ...extra,
  };
}

async function golden(name: string, actual: string): Promise<void> {
  const path = fixture(`golden/${name}`);
  if (process.env.UPDATE_GOLDEN) await writeFile(path, actual);
  assert.equal(actual, await readFile(path, 'utf8'), `golden ${name} (UPDATE_GOLDEN=1 to rewrite)`);
}

test('table output explains every node and every unschedulable pod (golden)', async () => {
  await golden('explain.txt', await runPlan(options([fixture('explain.yaml')]), deps));
});

test('--unavailable changes the choice and the explanation (golden)', async () => {
  const unavailable = [
    parseUnavailable('gcp/us-central1/e2-standard-2:spot'),
    parseUnavailable('aws/us-east-1/us-east-1a/*'),
  ];
  await golden(
    'explain-unavailable.txt',
    await runPlan(options([fixture('explain.yaml')], { unavailable }), deps),
  );
});

test('JSON output is exactly the contract', async () => {
  const out = JSON.parse(
    await runPlan(options([fixture('explain.yaml')], { output: 'json' }), deps),
  ) as Record<string, unknown>;
  assert.deepEqual(Object.keys(out), ['nodes', 'existing', 'unschedulable', 'totalPricePerHour']);
  const nodes = out.nodes as Record<string, unknown>[];
  assert.ok(nodes.length > 0);
  for (const n of nodes) {
    assert.deepEqual(Object.keys(n), [
      'name',
      'nodeTemplate',
      'location',
      'cloud',
      'region',
      'zone',
      'instanceType',
      'lifecycle',
      'pricePerHour',
      'pods',
    ]);
  }
  assert.deepEqual(out.existing, [{ node: 'node-1', pods: ['shop/cache', 'shop/web-0'] }]);
  assert.deepEqual(out.unschedulable, [
    {
      pod: 'shop/lost',
      reason: 'it selects scheduling.cast.ai/node-template=fast, but there is no NodeTemplate "fast"',
    },
  ]);
  const all = [...nodes.flatMap((n) => n.pods as string[]), 'shop/cache', 'shop/web-0', 'shop/lost'].sort();
  assert.deepEqual(all, [
    'ml/train-0',
    'shop/cache',
    'shop/db-0',
    'shop/lost',
    'shop/web-0',
    'shop/web-1',
    'shop/web-2',
    'shop/web-3',
  ]);
});

test('YAML output carries the same plan', async () => {
  const yaml = await runPlan(options([fixture('explain.yaml')], { output: 'yaml' }), deps);
  assert.match(yaml, /^nodes:\n/);
  assert.match(yaml, /totalPricePerHour: /);
});

async function problemsOf(yaml: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'omni-plan-'));
  const file = join(dir, 'input.yaml');
  await writeFile(file, yaml);
  try {
    await runPlan(options([file]), deps);
  } catch (err) {
    assert.ok(err instanceof ValidationError, String(err));
    return err.problems;
  }
  assert.fail('expected bad input to be rejected');
}

const TEMPLATE = 'apiVersion: omni.cast.ai/v1alpha1\nkind: NodeTemplate\nmetadata: {name: t}\n';

test('bad input: unknown fields are named by object and path', async () => {
  assert.deepEqual(await problemsOf(`${TEMPLATE}spec: {constraints: {spotty: true}}\n`), [
    'NodeTemplate "t": spec.constraints: unknown field "spotty"',
  ]);
});

test('bad input: an EdgeLocation a template names does not exist', async () => {
  assert.deepEqual(await problemsOf(`${TEMPLATE}spec: {edgeLocations: [nowhere]}\n`), [
    'NodeTemplate "t": spec.edgeLocations[0]: EdgeLocation "nowhere" does not exist',
  ]);
});

test('bad input: a template with edge locations and a non-amd64 architecture', async () => {
  const edge =
    'apiVersion: omni.cast.ai/v1alpha1\nkind: EdgeLocation\nmetadata: {name: e}\nspec: {cloud: gcp, region: us-central1}\n---\n';
  assert.deepEqual(
    await problemsOf(`${edge}${TEMPLATE}spec: {edgeLocations: [e], constraints: {architectures: [arm64]}}\n`),
    [
      'NodeTemplate "t": spec.constraints.architectures: only amd64 is allowed with edgeLocations (edge nodes are x86_64 only)',
    ],
  );
});

test('bad input: requests no instance type anywhere can hold', async () => {
  const huge =
    'apiVersion: v1\nkind: Pod\nmetadata: {name: huge}\nspec: {containers: [{name: c, resources: {requests: {cpu: "500", memory: 1Ti}}}]}\n';
  assert.deepEqual(await problemsOf(`${TEMPLATE}---\n${huge}`), [
    'Pod "default/huge": spec.containers[].resources.requests: cpu 500, memory 1024Gi: no instance type in the catalog can hold it (the largest, aws m5.4xlarge, has cpu 15890m, memory 58.42Gi allocatable)',
  ]);
});

test('bad input: unknown kinds, YAML errors and a zone not in the region', async () => {
  assert.match(
    (await problemsOf('apiVersion: v1\nkind: Secretive\nmetadata: {name: s}\n'))[0],
    /kind Secretive is not read by omni plan/,
  );
  assert.match((await problemsOf('kind: [unclosed\n'))[0], /input\.yaml: /);
  const edge =
    'apiVersion: omni.cast.ai/v1alpha1\nkind: EdgeLocation\nmetadata: {name: e}\nspec: {cloud: gcp, region: us-central1, zones: [us-central1-q]}\n';
  assert.deepEqual(await problemsOf(edge), [
    'EdgeLocation "e": spec.zones[0]: zone "us-central1-q" is not in region us-central1',
  ]);
});

test('flags: --main and --unavailable are parsed strictly', () => {
  assert.deepEqual(parseMain('gcp/europe-west4'), { cloud: 'gcp', region: 'europe-west4' });
  assert.throws(() => parseMain('us-east-1'));
  assert.throws(() => parseMain('ibm/us-south'));
  assert.deepEqual(parseUnavailable('aws/us-east-1/us-east-1a/m5.large:spot'), {
    cloud: 'aws',
    region: 'us-east-1',
    zone: 'us-east-1a',
    instanceType: 'm5.large',
    lifecycle: 'spot',
  });
  assert.deepEqual(parseUnavailable('oci/us-ashburn-1/*'), {
    cloud: 'oci',
    region: 'us-ashburn-1',
    instanceType: '*',
  });
  assert.throws(() => parseUnavailable('aws/m5.large'));
});

test('the omni binary: bad input goes to stderr with exit 1 and prints no plan', () => {
  const bin = new URL('../../bin/omni.js', import.meta.url).pathname;
  const res = spawnSync(
    process.execPath,
    [bin, 'plan', '-f', fixture('bad-template.yaml'), '--main', 'aws/us-east-1'],
    { encoding: 'utf8' },
  );
  assert.equal(res.status, 1, res.stderr);
  assert.equal(res.stdout, '');
  assert.match(
    res.stderr,
    /NodeTemplate "gpu": spec\.constraints\.architectures: only amd64 is allowed with edgeLocations/,
  );
});

test('the omni binary plans with the embedded catalog', () => {
  const bin = new URL('../../bin/omni.js', import.meta.url).pathname;
  const res = spawnSync(
    process.execPath,
    [bin, 'plan', '-f', fixture('basic.yaml'), '--main', 'aws/us-east-1', '-o', 'json'],
    { encoding: 'utf8' },
  );
  assert.equal(res.status, 0, res.stderr);
  const plan = JSON.parse(res.stdout) as { nodes: { pods: string[] }[]; unschedulable: unknown[] };
  assert.equal(plan.nodes.flatMap((n) => n.pods).length + plan.unschedulable.length, 5);
});
