import type { Command } from 'commander';
import { makeLogger } from '../../kube/index.ts';
import { runDemo } from '../../world/demo.ts';

interface DemoFlags {
  scenario: string;
  seed: string;
  port: string;
  timeScale: string;
  stateDir?: string;
  headless?: boolean;
  duration: string;
  report?: string;
}

/** "60s", "2m", "90" → seconds. */
export function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s.trim());
  if (!m) throw new Error(`--duration: expected a duration such as 60s or 2m, got "${s}"`);
  const n = Number(m[1]);
  return { ms: n / 1000, s: n, m: n * 60, h: n * 3600 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
}

function intFlag(name: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name}: must be a number from ${min} to ${max}, got "${v}"`);
  return n;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Start the embedded world (main cluster, simulated clouds, edge locations, omni) and a scenario')
    .option('--scenario <name>', 'default (GPU inference, batch Job, web Service) or empty', 'default')
    .option('--seed <n>', 'seed of the simulated world', '1')
    .option('--port <port>', 'console port (0 picks a free one)', '8080')
    .option('--time-scale <x>', 'simulated seconds per real second', '10')
    .option('--state-dir <dir>', 'where kubeconfig/main.yaml and kubeconfig/<edge-location>.yaml are written')
    .option('--headless', 'no console; run for --duration, print a summary and stop')
    .option('--duration <d>', 'with --headless: how long to run (e.g. 60s, 2m)', '60s')
    .option('--report <file>', 'write the JSON report here when the demo stops')
    .action(async (f: DemoFlags) => {
      if (f.scenario !== 'default' && f.scenario !== 'empty') throw new Error(`--scenario: unknown scenario "${f.scenario}" (default, empty)`);
      await runDemo({
        scenario: f.scenario,
        seed: intFlag('seed', f.seed, 0, 2 ** 31),
        port: intFlag('port', f.port, 0, 65535),
        timeScale: intFlag('time-scale', f.timeScale, 0.1, 1000),
        stateDir: f.stateDir,
        headless: Boolean(f.headless),
        durationSeconds: parseDuration(f.duration),
        report: f.report,
        log: makeLogger('omni-demo', process.env.OMNI_LOG_LEVEL ?? 'warn'),
        out: (line) => process.stdout.write(`${line}\n`),
      });
    });
}
