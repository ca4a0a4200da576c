// Runs `omni edge-location …` in-process against a test world, capturing output and the exit code.
import { Command, CommanderError } from 'commander';
import { registerEdgeLocation, defaultCliDeps } from '../../src/cli/commands/edge-location.ts';
import { simCloudProviders } from '../../src/world/sim-cloud-providers.ts';
import type { World } from './world.ts';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function omni(w: World, args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const program = new Command('omni').exitOverride().configureOutput({ writeOut: (s) => void (out += s), writeErr: (s) => void (err += s) });
  registerEdgeLocation(program, {
    ...defaultCliDeps,
    loadCatalog: async () => w.catalog,
    providers: () => simCloudProviders(w.clouds),
    out: (s) => void (out += s),
    tty: false,
    pollMs: 20,
  });
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'omni', ...args, ...(args.includes('--kubeconfig') ? [] : ['--kubeconfig', w.kubeconfigFile])]);
    const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
    return { code, out, err };
  } catch (e) {
    if (e instanceof CommanderError) return { code: e.exitCode === 0 ? 0 : 2, out, err };
    return { code: 1, out, err: err + `error: ${(e as Error).message}\n` };
  } finally {
    process.exitCode = before;
  }
}
