// `omni serve`: the web console and its API against any cluster, from a kubeconfig.
import { InvalidArgumentError, type Command } from 'commander';
import { loadEmbeddedCatalog } from '../../catalog/index.ts';
import { loadKubeConfig, makeLogger } from '../../kube/index.ts';
import { startConsoleServer } from '../../server/index.ts';
import { waitForSignal } from '../signals.ts';

interface ServeFlags {
  kubeconfig?: string;
  context?: string;
  port: number;
  host: string;
  token?: string;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port, 0-65535');
  return n;
}

function bold(text: string): string {
  return process.stdout.isTTY ? `\u001b[1m${text}\u001b[0m` : text;
}

async function runServe(flags: ServeFlags): Promise<void> {
  const kc = loadKubeConfig({ file: flags.kubeconfig, context: flags.context });
  const server = await startConsoleServer({
    kubeconfig: kc,
    catalog: await loadEmbeddedCatalog(),
    port: flags.port,
    host: flags.host,
    token: flags.token ?? process.env.OMNI_CONSOLE_TOKEN,
    log: makeLogger('console'),
  });
  process.stdout.write(
    `omni console for context "${kc.getCurrentContext()}" (${kc.getCurrentCluster()?.server ?? 'unknown server'})\n` +
      `  open:  ${bold(server.loginUrl)}\n` +
      `  API:   ${server.url}/api/v1  (Authorization: Bearer ${server.token})\n` +
      'Press Ctrl-C to stop.\n',
  );
  await waitForSignal();
  await server.stop();
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Serve the web console and its HTTP API for a cluster running omni.\n' +
        'Prints a sign-in URL with a login token; every request needs the token.\n' +
        'Example: omni serve --context prod --port 8080',
    )
    .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG or ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context (default: the current one)')
    .option('--port <port>', 'port to listen on (0 picks a free one)', port, 8080)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--token <token>', 'login token (default: $OMNI_CONSOLE_TOKEN, else a random one)')
    .action((flags: ServeFlags) => runServe(flags));
}
