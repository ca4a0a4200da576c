import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Command } from 'commander';
import { loadKubeConfig, makeLogger } from '../../kube/index.ts';
import type { KubeConfig } from '@kubernetes/client-node';
import type { JoinTarget } from '../../controllers/autoscaler/index.ts';
import { runControllers, type ControllerOptions } from '../../world/real-cluster.ts';
import type { CloudName } from '../../catalog/types.ts';
import { signalOrEnd } from '../signals.ts';

interface ControllerFlags {
  kubeconfig?: string;
  context?: string;
  main: string;
  clusterId: string;
  joinEndpoint?: string;
  joinCaFile?: string;
  joinTokenFile?: string;
  leaderElect?: boolean;
  leaderElectionNamespace: string;
  leaderElectionId: string;
  hubAddress?: string;
  metricsBindAddress: string;
  healthProbeBindAddress: string;
}

function hubAddressOf(v: string | undefined): string | undefined {
  if (v === undefined || /^(\[[0-9a-fA-F:]+\]|[^:\s]+):\d{1,5}$/.test(v)) return v;
  throw new Error(`--hub-address: expected host:port (e.g. omni-hub.example.com:8443), got "${v}"`);
}

function portOf(flag: string, addr: string): number {
  const port = Number(addr.split(':').pop());
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--${flag}: expected [host]:port, got "${addr}"`);
  return port;
}

function parseMain(s: string): { cloud: CloudName; region: string } {
  const [cloud, region] = s.split('/');
  if (!['aws', 'gcp', 'azure', 'oci'].includes(cloud) || !region)
    throw new Error(`--main: expected <cloud>/<region> such as aws/us-east-1, got "${s}"`);
  return { cloud: cloud as CloudName, region };
}

function joinTarget(f: ControllerFlags, kc: KubeConfig): JoinTarget {
  return {
    endpoint: f.joinEndpoint ?? kc.getCurrentCluster()?.server ?? '',
    caData: f.joinCaFile
      ? readFileSync(f.joinCaFile).toString('base64')
      : (kc.getCurrentCluster()?.caData ?? ''),
    token: f.joinTokenFile ? readFileSync(f.joinTokenFile, 'utf8').trim() : '',
  };
}

function leaderElectionOf(f: ControllerFlags): ControllerOptions['leaderElection'] {
  if (!f.leaderElect) return undefined;
  const identity = process.env.POD_NAME ?? hostname();
  return { namespace: f.leaderElectionNamespace, name: f.leaderElectionId, identity };
}

function controllerOptions(f: ControllerFlags): ControllerOptions {
  const kc = loadKubeConfig({ file: f.kubeconfig, context: f.context });
  return {
    kc,
    main: parseMain(f.main),
    clusterId: f.clusterId,
    join: joinTarget(f, kc),
    hubAddress: hubAddressOf(f.hubAddress),
    leaderElection: leaderElectionOf(f),
    metricsPort: portOf('metrics-bind-address', f.metricsBindAddress),
    healthPort: portOf('health-probe-bind-address', f.healthProbeBindAddress),
    log: makeLogger('omni-controller'),
  };
}

export function registerController(program: Command): void {
  program
    .command('controller')
    .description(
      "Run omni's controllers (autoscaler, edge locations, virtual kubelet, evictor) against a real cluster",
    )
    .option('--kubeconfig <file>', 'kubeconfig (default: in-cluster or ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context')
    .option(
      '--main <cloud/region>',
      "the main cluster's cloud and region",
      process.env.OMNI_MAIN ?? 'aws/us-east-1',
    )
    .option(
      '--cluster-id <id>',
      'tag on every cloud object omni makes',
      process.env.OMNI_CLUSTER_ID ?? 'omni',
    )
    .option('--join-endpoint <url>', 'API endpoint new main-region nodes join')
    .option('--join-ca-file <file>', 'CA of that endpoint (PEM)')
    .option('--join-token-file <file>', 'bootstrap token for new nodes')
    .option('--leader-elect', 'act only while holding the leader Lease (run two replicas)')
    .option('--leader-election-namespace <ns>', 'namespace of the leader Lease', 'castai-omni')
    .option('--leader-election-id <name>', 'name of the leader Lease', 'omni-controller')
    .option(
      '--hub-address <host:port>',
      "address edge spokes dial the tunnel hub at (default: the omni-hub Service's load-balancer address)",
      process.env.OMNI_HUB_ADDRESS,
    )
    .option('--metrics-bind-address <addr>', 'Prometheus metrics', ':8080')
    .option('--health-probe-bind-address <addr>', '/healthz and /readyz', ':8081')
    .action(async (f: ControllerFlags) => {
      const running = await runControllers(controllerOptions(f));
      const ended = await signalOrEnd(running.ended);
      await running.stop();
      // Lost the Lease: exit non-zero so that the pod restarts as the standby, as controller-runtime does.
      if (ended) throw new Error(ended);
    });

  program
    .command('hibernate')
    .description('Hibernation is refused for clusters with omni enabled (as documented)')
    .action(() => {
      throw new Error(
        'this cluster has omni enabled: hibernation is not supported while edge locations exist. Delete the edge locations (omni edge-location delete) and uninstall omni first.',
      );
    });
}
