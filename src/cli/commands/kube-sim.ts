import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { startKubeSim } from '../../../kube-sim/src/index.ts';

interface KubeSimFlags {
  port: string;
  kubeconfig?: string;
  kubernetesVersion: string;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolveSignal) => {
    const done = () => resolveSignal();
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

async function runKubeSim(flags: KubeSimFlags): Promise<void> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: must be 0-65535, got "${flags.port}"`);
  if (!/^\d+\.\d+$/.test(flags.kubernetesVersion)) throw new Error(`--kubernetes-version: expected MAJOR.MINOR such as 1.31, got "${flags.kubernetesVersion}"`);
  const sim = await startKubeSim({ port, kubernetesVersion: flags.kubernetesVersion });
  if (flags.kubeconfig) {
    const file = resolve(flags.kubeconfig);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, sim.kubeconfigYaml, { mode: 0o600 });
    process.stdout.write(`kube-sim is serving at ${sim.url}\nkubeconfig written to ${file}\n  kubectl --kubeconfig ${file} get namespaces\n`);
  } else {
    process.stdout.write(`kube-sim is serving at ${sim.url}\n${sim.kubeconfigYaml}`);
  }
  process.stdout.write('Press Ctrl-C to stop.\n');
  await waitForSignal();
  await sim.stop();
}

export function registerKubeSim(program: Command): void {
  program
    .command('kube-sim')
    .description('Run kube-sim, the embedded Kubernetes API server, in the foreground')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '6443')
    .option('--kubeconfig <file>', 'write a kubeconfig for it to this file')
    .option('--kubernetes-version <version>', 'version reported by /version (kubectl picks its own version from it)', '1.31')
    .action(async (flags: KubeSimFlags) => runKubeSim(flags));
}
