// `omni install` and `omni uninstall`: omni's manifests on a real cluster, after checking prerequisites.
import { Option, type Command } from 'commander';
import { stringify } from 'yaml';
import { loadKubeConfig, makeClients } from '../../kube/index.ts';
import { DEFAULT_IMAGE, UninstallBlockedError, install, toYaml, uninstall, type CheckResult, type InstallReport, type ObjectResult } from '../../install/index.ts';

type Output = 'table' | 'json' | 'yaml';

interface ClusterFlags {
  kubeconfig?: string;
  context?: string;
  dryRun?: boolean;
  output: Output;
}

interface InstallFlags extends ClusterFlags {
  image: string;
}

const tty = (): boolean => Boolean(process.stdout.isTTY);
const paint = (code: number, text: string): string => (tty() ? `\u001b[${code}m${text}\u001b[0m` : text);

function checkLine(c: CheckResult): string {
  return `${c.ok ? paint(32, '✓') : paint(31, '✗')} ${c.name}: ${c.detail}\n`;
}

function objectLine(o: ObjectResult, dryRun: boolean): string {
  const id = `${o.kind.toLowerCase()}/${o.name}${o.namespace ? ` -n ${o.namespace}` : ''}`;
  return `  ${id} ${o.action}${dryRun ? ' (dry run)' : ''}${o.note ? ` — ${o.note}` : ''}\n`;
}

function clients(flags: ClusterFlags): ReturnType<typeof makeClients> {
  return makeClients(loadKubeConfig({ file: flags.kubeconfig, context: flags.context }));
}

function printStructured(data: unknown, output: Output): void {
  process.stdout.write(output === 'json' ? `${JSON.stringify(data, null, 2)}\n` : stringify(data));
}

function printInstallTable(report: InstallReport): void {
  process.stderr.write('Prerequisites\n');
  for (const c of report.checks) process.stderr.write(`  ${checkLine(c)}`);
  if (!report.ok) return void process.stderr.write('Nothing applied: fix the failed checks above and run omni install again.\n');
  if (report.dryRun) process.stdout.write(toYaml(report.manifests));
  process.stderr.write(report.dryRun ? 'Would apply (server-side dry run, nothing stored):\n' : 'Applied (server-side apply, field manager omni-install):\n');
  for (const o of report.objects) process.stderr.write(objectLine(o, report.dryRun));
  if (!report.dryRun) process.stderr.write('omni is installed in namespace castai-omni. Next: create an EdgeLocation, then name it in a NodeTemplate.\n');
}

async function runInstall(flags: InstallFlags): Promise<void> {
  const report = await install({ clients: clients(flags), dryRun: Boolean(flags.dryRun), image: flags.image });
  if (flags.output === 'table') printInstallTable(report);
  else printStructured({ clusterKind: report.clusterKind, main: report.main, dryRun: report.dryRun, ok: report.ok, checks: report.checks, objects: report.objects }, flags.output);
  if (!report.ok) process.exitCode = 1;
}

async function runUninstall(flags: ClusterFlags): Promise<void> {
  try {
    const objects = await uninstall({ clients: clients(flags), dryRun: Boolean(flags.dryRun) });
    if (flags.output !== 'table') return printStructured({ dryRun: Boolean(flags.dryRun), objects }, flags.output);
    process.stderr.write(flags.dryRun ? 'Would delete (server-side dry run):\n' : 'Deleted:\n');
    for (const o of objects) process.stderr.write(objectLine(o, Boolean(flags.dryRun)));
  } catch (err) {
    if (!(err instanceof UninstallBlockedError)) throw err;
    process.stderr.write(`error: ${err.message}\n`);
    process.exitCode = 1;
  }
}

function clusterOptions(cmd: Command): Command {
  return cmd
    .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG or ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context (default: the current one)')
    .option('--dry-run', 'show what would change; the server checks every object (dryRun=All) and stores nothing')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json', 'yaml']).default('table'));
}

export function registerInstall(program: Command): void {
  clusterOptions(
    program
      .command('install')
      .description(
        'Install omni on a cluster (EKS, GKE or AKS): checks prerequisites (cluster kind, access,\n' +
          'main-cloud credentials), then server-side applies the CRDs, RBAC, controller and hub gateway\n' +
          'in namespace castai-omni — the same objects as deploy/base.\n' +
          'Example: omni install --context prod --dry-run',
      ),
  )
    .option('--image <image>', 'controller image', DEFAULT_IMAGE)
    .action((flags: InstallFlags) => runInstall(flags));
  clusterOptions(
    program
      .command('uninstall')
      .description('Remove everything omni install applied. Refuses while EdgeLocations or NodeClaims exist:\ndelete edge locations first so omni can tear down their cloud resources.'),
  ).action((flags: ClusterFlags) => runUninstall(flags));
}
