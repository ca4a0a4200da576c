import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.ts';

/** Builds the `omni` program; exported for tests that run commands in-process. */
export function buildProgram(): Command {
  const program = new Command('omni')
    .description(
      'omni — multi-region, multi-cloud node provisioning for Kubernetes.\n' +
        'With no kubeconfig and no cloud account it runs against an embedded simulated world.',
    )
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  return program;
}

/** Runs the CLI and returns the process exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
