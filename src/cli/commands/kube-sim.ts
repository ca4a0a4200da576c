import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { parseNodeType, startSimulatedCluster, type SimulatedClusterOptions } from '../../../kube-sim/src/index.ts';
import { waitForSignal } from '../signals.ts';

interface KubeSimFlags {
  port: string;
  kubeconfig?: string;
  kubernetesVersion: string;
  nodes: string;
  nodeType: string;
  timeScale: string;
  nodeMonitorGracePeriod: string;
  defaultNotReadyTolerationSeconds: string;
  defaultUnreachableTolerationSeconds: string;
  kubeletDelay: string;
}

function nonNegative(flag: string, value: string): number {
  const n = Number(value.replace(/s$/, ''));
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${flag}: expected a non-negative number, got "${value}"`);
  return n;
}

/** The simulated cluster behind the flags (nodes, clock, lifecycle, kubelet). */
function clusterOptions(flags: KubeSimFlags): SimulatedClusterOptions {
  const nodes = nonNegative('nodes', flags.nodes);
  if (!Number.isInteger(nodes)) throw new Error(`--nodes: expected a whole number, got "${flags.nodes}"`);
  const timeScale = nonNegative('time-scale', flags.timeScale);
  if (timeScale === 0) throw new Error('--time-scale: must be greater than 0');
  return {
    timeScale,
    nodes: nodes > 0 ? { count: nodes, ...parseNodeType(flags.nodeType) } : undefined,
    nodeMonitorGracePeriodSeconds: nonNegative('node-monitor-grace-period', flags.nodeMonitorGracePeriod),
    defaultNotReadyTolerationSeconds: nonNegative('default-not-ready-toleration-seconds', flags.defaultNotReadyTolerationSeconds),
    defaultUnreachableTolerationSeconds: nonNegative('default-unreachable-toleration-seconds', flags.defaultUnreachableTolerationSeconds),
    kubeletDelaySeconds: nonNegative('kubelet-delay', flags.kubeletDelay),
  };
}

async function runKubeSim(flags: KubeSimFlags): Promise<void> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: must be 0-65535, got "${flags.port}"`);
  if (!/^\d+\.\d+$/.test(flags.kubernetesVersion)) throw new Error(`--kubernetes-version: expected MAJOR.MINOR such as 1.31, got "${flags.kubernetesVersion}"`);
  const sim = await startSimulatedCluster({ port, kubernetesVersion: flags.kubernetesVersion, ...clusterOptions(flags) });
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
    .option('--nodes <n>', 'simulated nodes to create at start', '0')
    .option('--node-type <cpu>x<memGiB>', 'size of those nodes, such as 4x16', '4x16')
    .option('--time-scale <factor>', 'simulated seconds per real second', '1')
    .option('--node-monitor-grace-period <seconds>', 'heartbeat age after which a node goes NotReady (Unknown)', '40')
    .option('--default-not-ready-toleration-seconds <seconds>', 'tolerationSeconds added to pods for node.kubernetes.io/not-ready', '300')
    .option('--default-unreachable-toleration-seconds <seconds>', 'tolerationSeconds added to pods for node.kubernetes.io/unreachable', '300')
    .option('--kubelet-delay <seconds>', 'simulated seconds from binding to Running (and the longest a graceful deletion waits)', '1')
    .action(async (flags: KubeSimFlags) => runKubeSim(flags));
}
