// `omni plan`: read manifests, plan the cheapest new nodes for the pending pods, print the plan.
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { parseAllDocuments } from 'yaml';
import {
  CLOUDS,
  loadEmbeddedCatalog,
  type Catalog,
  type CloudName,
  type Lifecycle,
} from '../../catalog/index.ts';
import {
  ValidationError,
  checkEdgeLocationZones,
  checkTemplateZones,
  formatBytes,
  formatCpu,
} from '../../apis/index.ts';
import {
  inputsFromManifests,
  plan,
  podsNothingCanHold,
  validatePlan,
  type PlanInput,
  type UnavailableOffering,
} from '../../planner/index.ts';
import { formatPlan, type PlanFormat } from './plan-output.ts';

export interface PlanOptions {
  filename: string[];
  main: { cloud: CloudName; region: string };
  unavailable: UnavailableOffering[];
  output: PlanFormat;
}

export interface PlanDeps {
  loadCatalog: () => Promise<Catalog>;
  readText: (path: string) => Promise<string>;
}

const defaultDeps: PlanDeps = { loadCatalog: loadEmbeddedCatalog, readText: (p) => readFile(p, 'utf8') };

function cloudOf(value: string, what: string): CloudName {
  if (!(CLOUDS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`${what}: unknown cloud "${value}" (${CLOUDS.join(', ')})`);
  return value as CloudName;
}

export function parseMain(value: string): { cloud: CloudName; region: string } {
  const [cloud, region, ...rest] = value.split('/');
  if (!region || rest.length > 0)
    throw new InvalidArgumentError('expected <cloud>/<region>, e.g. aws/us-east-1');
  return { cloud: cloudOf(cloud, '--main'), region };
}

/** `<cloud>/<region>[/<zone>]/<instanceType>[:spot|:on-demand]`; `*` for any instance type. */
export function parseUnavailable(value: string): UnavailableOffering {
  let spec = value;
  let lifecycle: Lifecycle | undefined;
  for (const l of ['spot', 'on-demand'] as const) {
    if (spec.endsWith(`:${l}`)) {
      lifecycle = l;
      spec = spec.slice(0, -l.length - 1);
    }
  }
  const parts = spec.split('/');
  if (parts.length < 3 || parts.length > 4 || parts.some((p) => p === '')) {
    throw new InvalidArgumentError('expected <cloud>/<region>[/<zone>]/<instanceType>[:spot|:on-demand]');
  }
  const [cloud, region] = parts;
  const zone = parts.length === 4 ? parts[2] : undefined;
  return {
    cloud: cloudOf(cloud, '--unavailable'),
    region,
    instanceType: parts[parts.length - 1],
    ...(zone ? { zone } : {}),
    ...(lifecycle ? { lifecycle } : {}),
  };
}

function collect<T>(parse: (v: string) => T): (v: string, acc: T[]) => T[] {
  return (v, acc) => [...acc, parse(v)];
}

export function registerPlan(program: Command, deps: PlanDeps = defaultDeps): void {
  program
    .command('plan')
    .description(
      'Plan the cheapest new nodes for pending pods across the main region and edge locations.\n' +
        'Reads NodeTemplates, EdgeLocations, Pods, Deployments/StatefulSets/Jobs, DaemonSets and Nodes.',
    )
    .requiredOption('-f, --filename <file...>', 'multi-document YAML manifests')
    .requiredOption(
      '--main <cloud/region>',
      "the main cluster's cloud and region, e.g. aws/us-east-1",
      parseMain,
    )
    .option(
      '--unavailable <spec>',
      'offering out of capacity: <cloud>/<region>[/<zone>]/<type|*>[:spot|:on-demand] (repeatable)',
      collect(parseUnavailable),
      [],
    )
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(['table', 'json', 'yaml'])
        .default('table'),
    )
    .action(async (options: PlanOptions) => {
      process.stdout.write(await runPlan(options, deps));
    });
}

/** Everything `omni plan` does but printing; throws ValidationError on bad input (nothing is printed then). */
export async function runPlan(options: PlanOptions, deps: PlanDeps = defaultDeps): Promise<string> {
  const docs = await readManifests(options.filename, deps);
  const inputs = inputsFromManifests(docs);
  const catalog = await deps.loadCatalog();
  checkPlaces(options.main, inputs, catalog);
  checkRequests(inputs.pods, catalog);
  const input: PlanInput = { ...inputs, main: options.main, catalog, unavailable: options.unavailable };
  const result = plan(input);
  const problems = validatePlan(input, result);
  if (problems.length > 0) throw new Error(`internal error: the plan breaks a rule:\n${problems.join('\n')}`);
  return formatPlan(result, options.output);
}

async function readManifests(files: readonly string[], deps: PlanDeps): Promise<unknown[]> {
  const docs: unknown[] = [];
  const problems: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await deps.readText(file);
    } catch (err) {
      problems.push(`${file}: cannot read (${err instanceof Error ? err.message : String(err)})`);
      continue;
    }
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length > 0) problems.push(...doc.errors.map((e) => `${file}: ${e.message}`));
      else docs.push(doc.toJS());
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return docs;
}

function checkPlaces(
  main: PlanOptions['main'],
  inputs: ReturnType<typeof inputsFromManifests>,
  catalog: Catalog,
): void {
  const regionsOf = (cloud: CloudName): { region: string; zones: string[] }[] => catalog.regions(cloud);
  const problems: string[] = [];
  if (!regionsOf(main.cloud).some((r) => r.region === main.region)) {
    problems.push(`--main: "${main.region}" is not a ${main.cloud} region in the catalog`);
  }
  for (const e of inputs.edgeLocations) problems.push(...checkEdgeLocationZones(e, regionsOf));
  for (const t of inputs.nodeTemplates)
    problems.push(...checkTemplateZones(t, { main, edgeLocations: inputs.edgeLocations }, regionsOf));
  if (problems.length > 0) throw new ValidationError(problems);
}

function checkRequests(pods: PlanInput['pods'], catalog: Catalog): void {
  const oversized = podsNothingCanHold(pods, catalog.query({}));
  if (oversized.length === 0) return;
  throw new ValidationError(
    oversized.map((o) => {
      const r = o.requests;
      const asked = `cpu ${formatCpu(r.cpu)}, memory ${formatBytes(r.memory)}${r.gpu ? `, nvidia.com/gpu ${r.gpu}` : ''}${r.ephemeral ? `, ephemeral-storage ${formatBytes(r.ephemeral)}` : ''}`;
      const largest = o.largest
        ? ` (the largest, ${o.largest.cloud} ${o.largest.instanceType}, has cpu ${formatCpu(o.largest.allocatable.cpu)}, memory ${formatBytes(o.largest.allocatable.memory)} allocatable)`
        : '';
      return `Pod "${o.pod}": spec.containers[].resources.requests: ${asked}: no instance type in the catalog can hold it${largest}`;
    }),
  );
}
