// `omni edge-location`: create, list, get, delete EdgeLocations and check a cloud account's permissions.
import { Option, type Command } from 'commander';
import { loadEmbeddedCatalog, type Catalog } from '../../catalog/index.ts';
import { API_VERSION, GROUP, VERSION } from '../../apis/index.ts';
import { isConflict, isNotFound, loadKubeConfig, makeClients, systemClock, type KubeClients } from '../../kube/index.ts';
import { checkPlace, NAMESPACE, resolvePlace, type CloudProviders } from '../../controllers/edge-location/index.ts';
import { sdkCloudProviders } from '../../controllers/edge-location/sdk-providers.ts';
import { readReferencedCredentials } from '../../controllers/edge-location/secrets.ts';
import { formatList, formatOne, painter, type LocationView, type OutputFormat } from './edge-location-output.ts';
import { waitForGone, waitForSettled } from './edge-location-wait.ts';

export interface EdgeLocationCliDeps {
  loadCatalog(): Promise<Catalog>;
  clients(source: { kubeconfig?: string; context?: string }): KubeClients;
  /** The clouds `check-permissions` asks; by default the SDK adapters. */
  providers(catalog: Catalog): CloudProviders;
  out(text: string): void;
  tty: boolean;
  pollMs: number;
}

export const defaultCliDeps: EdgeLocationCliDeps = {
  loadCatalog: loadEmbeddedCatalog,
  clients: (s) => makeClients(loadKubeConfig({ file: s.kubeconfig, context: s.context })),
  providers: (catalog) => sdkCloudProviders({ catalog, clock: systemClock }),
  out: (t) => void process.stdout.write(t),
  tty: Boolean(process.stdout.isTTY),
  pollMs: 250,
};

interface CommonFlags {
  kubeconfig?: string;
  context?: string;
  output: OutputFormat;
}

interface CreateFlags extends CommonFlags {
  cloud: string;
  region: string;
  zones?: string[];
  credentialsSecret?: string;
  wait?: boolean;
  timeout: string;
}

/** Bad input: printed with the field it is about, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const NAME = /^[a-z]([-a-z0-9]{0,40}[a-z0-9])?$/;
const PLURAL = 'edgelocations';

function splitList(v: string): string[] {
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

function seconds(v: string): number {
  const m = /^(\d+)(s|m)?$/.exec(v);
  if (!m) throw new UsageError(`--timeout: expected seconds such as 300 or 5m, got "${v}"`);
  return Number(m[1]) * (m[2] === 'm' ? 60 : 1);
}

async function getLocation(clients: KubeClients, name: string): Promise<LocationView | undefined> {
  try {
    return (await clients.custom.getClusterCustomObject({ group: GROUP, version: VERSION, plural: PLURAL, name })) as LocationView;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

function describeExisting(o: LocationView): string {
  return `${o.spec?.cloud} ${o.spec?.region}, ${o.status?.state ?? 'PendingOnboarding'}`;
}

async function checkCreate(name: string, f: CreateFlags, d: { clients: KubeClients; catalog: Catalog }): Promise<void> {
  if (!NAME.test(name)) throw new UsageError(`name: "${name}" must be lower-case letters, digits and "-", start with a letter, at most 42 characters`);
  const problems = checkPlace({ cloud: f.cloud, region: f.region, zones: f.zones }, d.catalog);
  if (problems.length > 0) throw new UsageError(problems.map((p) => p.replace(/^spec\.(cloud|region|zones)/, '--$1')).join('\n'));
  const existing = await getLocation(d.clients, name);
  if (existing) throw new Error(`name: EdgeLocation "${name}" already exists (${describeExisting(existing)})`);
  if (f.credentialsSecret) await checkSecret(d.clients, f.credentialsSecret);
}

async function checkSecret(clients: KubeClients, name: string): Promise<void> {
  try {
    await clients.core.readNamespacedSecret({ name, namespace: NAMESPACE });
  } catch (err) {
    if (isNotFound(err)) throw new UsageError(`--credentials-secret: Secret ${NAMESPACE}/${name} does not exist`);
    throw err;
  }
}

function manifest(name: string, f: CreateFlags): Record<string, unknown> {
  return {
    apiVersion: API_VERSION,
    kind: 'EdgeLocation',
    metadata: { name },
    spec: {
      cloud: f.cloud,
      region: f.region,
      ...(f.zones?.length ? { zones: f.zones } : {}),
      ...(f.credentialsSecret ? { credentialsSecretRef: { name: f.credentialsSecret } } : {}),
    },
  };
}

async function create(name: string, f: CreateFlags, deps: EdgeLocationCliDeps): Promise<number> {
  const clients = deps.clients(f);
  await checkCreate(name, f, { clients, catalog: await deps.loadCatalog() });
  try {
    await clients.custom.createClusterCustomObject({ group: GROUP, version: VERSION, plural: PLURAL, body: manifest(name, f) });
  } catch (err) {
    if (isConflict(err)) throw new Error(`name: EdgeLocation "${name}" already exists`);
    throw err;
  }
  if (f.output === 'table') deps.out(`edgelocation/${name} created (${f.cloud} ${f.region})\n`);
  if (!f.wait) return f.output === 'table' ? 0 : print(deps, f, await getLocation(clients, name));
  const final = await waitForSettled(clients, name, { ...deps, timeoutS: seconds(f.timeout), progress: f.output === 'table' });
  if (f.output !== 'table') print(deps, f, final.location);
  return final.state === 'Ready' ? 0 : 1;
}

function print(deps: EdgeLocationCliDeps, f: CommonFlags, o: LocationView | undefined): number {
  if (o) deps.out(formatOne(o, f.output));
  return 0;
}

async function list(f: CommonFlags, deps: EdgeLocationCliDeps): Promise<number> {
  const res = (await deps.clients(f).custom.listClusterCustomObject({ group: GROUP, version: VERSION, plural: PLURAL })) as { items: LocationView[] };
  deps.out(formatList(res.items, f.output));
  return 0;
}

async function get(name: string, f: CommonFlags, deps: EdgeLocationCliDeps): Promise<number> {
  const o = await getLocation(deps.clients(f), name);
  if (!o) throw new Error(`EdgeLocation "${name}" not found`);
  deps.out(formatOne(o, f.output));
  return 0;
}

async function remove(name: string, f: CommonFlags & { wait?: boolean; timeout: string }, deps: EdgeLocationCliDeps): Promise<number> {
  const clients = deps.clients(f);
  try {
    await clients.custom.deleteClusterCustomObject({ group: GROUP, version: VERSION, plural: PLURAL, name });
  } catch (err) {
    if (isNotFound(err)) throw new Error(`EdgeLocation "${name}" not found`);
    throw err;
  }
  deps.out(`edgelocation/${name} deletion requested: omni tears down its edge cluster and cloud objects\n`);
  if (!f.wait) return 0;
  return (await waitForGone(clients, name, { ...deps, timeoutS: seconds(f.timeout) })) ? 0 : 1;
}

interface CheckFlags extends CommonFlags {
  cloud: string;
  region: string;
  zones?: string[];
  credentialsSecret?: string;
  scope?: string;
}

async function checkPermissions(f: CheckFlags, deps: EdgeLocationCliDeps): Promise<number> {
  const catalog = await deps.loadCatalog();
  const problems = checkPlace({ cloud: f.cloud, region: f.region, zones: f.zones }, catalog);
  if (problems.length > 0) throw new UsageError(problems.map((p) => p.replace(/^spec\.(cloud|region|zones)/, '--$1')).join('\n'));
  const place = resolvePlace({ cloud: f.cloud as 'aws', region: f.region, zones: f.zones }, catalog);
  const credentials = f.credentialsSecret ? await readReferencedCredentials(deps.clients(f).core, f.credentialsSecret) : undefined;
  const provider = await deps.providers(catalog).forLocation(place.cloud, credentials, { region: place.region, scope: f.scope });
  const r = await provider.onboarding.preflight({ name: 'check', clusterId: 'check', region: place.region, zones: place.zones, ...(f.scope ? { scope: f.scope } : {}) });
  if (f.output !== 'table') {
    deps.out(f.output === 'json' ? `${JSON.stringify(r, null, 2)}\n` : (await import('yaml')).stringify(r));
    return r.ok ? 0 : 1;
  }
  const paint = painter(deps.tty);
  if (r.ok) deps.out(`${paint.ok('✓')} all ${r.checked.length} permissions onboarding needs in ${place.cloud} ${place.region} are granted\n`);
  else deps.out(`${paint.bad('✗')} missing ${r.missing.length} of ${r.checked.length} permissions:\n${r.missing.map((m) => `  ${m}\n`).join('')}`);
  return r.ok ? 0 : 1;
}

function outputOption(): Option {
  return new Option('-o, --output <format>', 'output format').choices(['table', 'json', 'yaml']).default('table');
}

function withCommon(cmd: Command): Command {
  return cmd.option('--kubeconfig <file>', 'kubeconfig of the main cluster').option('--context <name>', 'kubeconfig context').addOption(outputOption());
}

/** Runs an action; its exit code becomes the process's, bad input exits 2 with the message. */
function run<A extends unknown[]>(cmd: Command, fn: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await fn(...args);
      if (code !== 0) process.exitCode = code;
    } catch (err) {
      if (err instanceof UsageError) cmd.error(`error: ${err.message}`, { exitCode: 2, code: 'omni.usage' });
      throw err;
    }
  };
}

export function registerEdgeLocation(program: Command, deps: EdgeLocationCliDeps = defaultCliDeps): void {
  const el = program.command('edge-location').alias('el').description('Edge locations: cloud regions where omni may make edge nodes');
  const create_ = withCommon(el.command('create <name>').description('Create an EdgeLocation; omni onboards it (network, firewall, identity, edge cluster)'));
  create_
    .requiredOption('--cloud <cloud>', 'aws | gcp | oci')
    .requiredOption('--region <region>', 'cloud region, e.g. us-central1')
    .option('--zones <zones>', 'comma-separated zones (default: every zone of the region)', splitList)
    .option('--credentials-secret <name>', `Secret in ${NAMESPACE} with the onboarding credentials`)
    .option('--wait', 'wait until it is Ready or Failed, printing each step')
    .option('--timeout <duration>', 'how long --wait waits (seconds, or 5m)', '600')
    .action(run(create_, (name: string, f: CreateFlags) => create(name, f, deps)));
  const list_ = withCommon(el.command('list').description('List EdgeLocations'));
  list_.action(run(list_, (f: CommonFlags) => list(f, deps)));
  const get_ = withCommon(el.command('get <name>').description('Show one EdgeLocation: state, steps, cloud objects'));
  get_.action(run(get_, (name: string, f: CommonFlags) => get(name, f, deps)));
  const del = withCommon(el.command('delete <name>').description('Delete an EdgeLocation (after its nodes are gone, omni tears everything down)'));
  del
    .option('--wait', 'wait until it is gone')
    .option('--timeout <duration>', 'how long --wait waits (seconds, or 5m)', '600')
    .action(run(del, (name: string, f: CommonFlags & { wait?: boolean; timeout: string }) => remove(name, f, deps)));
  const check = withCommon(el.command('check-permissions').description('Check that the credentials may onboard a region (nothing is created)'));
  check
    .requiredOption('--cloud <cloud>', 'aws | gcp | oci')
    .requiredOption('--region <region>', 'cloud region')
    .option('--zones <zones>', 'comma-separated zones', splitList)
    .option('--credentials-secret <name>', `Secret in ${NAMESPACE} with the credentials to check`)
    .option('--scope <id>', 'GCP project id, OCI compartment id or AWS account id')
    .action(run(check, (f: CheckFlags) => checkPermissions(f, deps)));
}
