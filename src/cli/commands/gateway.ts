// `omni gateway`: the hub and spoke gateways of the cross-cluster tunnel, and their certificates.
import { hostname } from 'node:os';
import type { Command } from 'commander';
import type { LeaderElectionOptions } from '../../kube/index.ts';
import { GATEWAY_NAMESPACE } from '../../tunnel/gateway-config.ts';
import {
  initCa,
  issueToFiles,
  revokeInFile,
  runHub,
  runSpoke,
  type ClusterSource,
  type Running,
} from '../../tunnel/cli.ts';
import { signalOrEnd } from '../signals.ts';

const collect = (v: string, prev: string[]): string[] => [...prev, v];

/**
 * Serves until SIGINT/SIGTERM, or until the gateway ends on its own (a hub that lost its Lease: exit 1, so
 * that it restarts as a standby). A close that does not finish in 5 s (a peer that never hangs up) is cut short.
 */
async function untilSignal(running: Promise<Running>): Promise<void> {
  const r = await running;
  const ended = await signalOrEnd(r.ended);
  if (ended) process.stderr.write(`omni gateway: ${ended}\n`);
  await Promise.race([r.close(), new Promise((done) => setTimeout(done, 5000).unref())]);
  process.exit(ended ? 1 : 0);
}

function bytes(v: string): number {
  const m = /^(\d+)(Ki|Mi)?$/.exec(v);
  if (!m) throw new Error(`--window: expected bytes such as 8Mi, got "${v}"`);
  return Number(m[1]) * (m[2] === 'Mi' ? 1 << 20 : m[2] === 'Ki' ? 1 << 10 : 1);
}

interface TlsFlags {
  cert: string;
  key: string;
  ca: string;
}

const tlsFiles = (f: TlsFlags): TlsFlags => ({ cert: f.cert, key: f.key, ca: f.ca });

interface ClusterFlags {
  fromCluster?: boolean;
  kubeconfig?: string;
}

function clusterSource(f: ClusterFlags): ClusterSource | undefined {
  if (f.kubeconfig && !f.fromCluster) throw new Error('--kubeconfig only applies with --from-cluster');
  return f.fromCluster ? { kubeconfig: f.kubeconfig } : undefined;
}

interface LeaderFlags {
  fromCluster?: boolean;
  leaderElect?: boolean;
  leaderElectionId: string;
  leaderElectionNamespace: string;
}

function leaderElection(f: LeaderFlags): LeaderElectionOptions | undefined {
  if (!f.leaderElect) return undefined;
  if (!f.fromCluster) throw new Error('--leader-elect needs --from-cluster (the Lease lives in the cluster)');
  const identity = process.env.POD_NAME ?? `${hostname()}-${process.pid}`;
  return { name: f.leaderElectionId, namespace: f.leaderElectionNamespace, identity };
}

function registerHub(gw: Command): void {
  gw.command('hub')
    .description('Run the hub gateway (main cluster): mutual-TLS server the spokes dial')
    .option('--listen <host:port>', 'address spokes dial', '0.0.0.0:8443')
    .requiredOption('--cert <file>', 'hub certificate (PEM)')
    .requiredOption('--key <file>', 'hub private key (PEM)')
    .requiredOption('--ca <file>', 'omni CA certificate (PEM)')
    .option(
      '--policy <file>',
      'allow-list per edge location (YAML/JSON: locations.<name>.allow/serves); reloaded on change',
    )
    .option(
      '--from-cluster',
      'read policy and listeners (ConfigMap omni-hub-policy), revocations (omni-tunnel-revocations) and endpoints (EndpointSlices) from the cluster instead of files',
    )
    .option(
      '--kubeconfig <file>',
      'with --from-cluster: kubeconfig to use (default: in-cluster account, then $KUBECONFIG, ~/.kube/config)',
    )
    .option('--endpoints <file>', 'static endpoints: {"ns/svc:port": ["host:port", …]}')
    .option(
      '--revocations <file>',
      'revocation list (JSON); reloaded on change, revoked connections are closed',
    )
    .option(
      '--listener <ns/svc:port=[host:]port>',
      'local listener for an edge-backed service (repeatable)',
      collect,
      [],
    )
    .option('--metrics <host:port>', 'serve /metrics, /healthz and /readyz (503 while standing by)')
    .option('--window <bytes>', 'per-stream flow-control window (e.g. 8Mi)')
    .option(
      '--leader-elect',
      'with --from-cluster: serve only while holding a Lease, so that replicas run active/standby',
    )
    .option('--leader-election-id <name>', 'the Lease', 'omni-hub')
    .option('--leader-election-namespace <ns>', 'namespace of the Lease', GATEWAY_NAMESPACE)
    .action(
      async (
        f: TlsFlags &
          ClusterFlags &
          LeaderFlags & {
            listen: string;
            policy?: string;
            endpoints?: string;
            revocations?: string;
            listener: string[];
            metrics?: string;
            window?: string;
          },
      ) =>
        untilSignal(
          runHub({
            leaderElection: leaderElection(f),
            listen: f.listen,
            tls: tlsFiles(f),
            policyFile: f.policy,
            cluster: clusterSource(f),
            endpointsFile: f.endpoints,
            revocationsFile: f.revocations,
            listeners: f.listener,
            metrics: f.metrics,
            window: f.window ? bytes(f.window) : undefined,
          }),
        ),
    );
}

function registerSpoke(gw: Command): void {
  gw.command('spoke')
    .description('Run a spoke gateway (edge cluster): dials the hub, outbound only')
    .requiredOption('--hub <host:port>', 'hub address')
    .option('--server-name <name>', 'name expected in the hub certificate (default: the hub host)')
    .requiredOption('--location <name>', 'edge location (must match the certificate)')
    .requiredOption('--cert <file>', 'edge-location certificate (PEM); reloaded on change (rotation)')
    .requiredOption('--key <file>', 'private key (PEM)')
    .requiredOption('--ca <file>', 'omni CA certificate (PEM)')
    .option(
      '--endpoints <file>',
      'local endpoints of services this location serves: {"ns/svc:port": ["host:port"]}',
    )
    .option(
      '--from-cluster',
      'read listeners and served services (ConfigMap omni-spoke-config) and endpoints (EndpointSlices) from the edge cluster',
    )
    .option(
      '--kubeconfig <file>',
      'with --from-cluster: kubeconfig to use (default: in-cluster account, then $KUBECONFIG)',
    )
    .option(
      '--listener <ns/svc:port=[host:]port>',
      'local listener for a main-cluster service (repeatable)',
      collect,
      [],
    )
    .option('--metrics <host:port>', 'serve Prometheus metrics at /metrics')
    .option('--window <bytes>', 'per-stream flow-control window (e.g. 8Mi)')
    .action(
      async (
        f: TlsFlags &
          ClusterFlags & {
            hub: string;
            serverName?: string;
            location: string;
            endpoints?: string;
            listener: string[];
            metrics?: string;
            window?: string;
          },
      ) =>
        untilSignal(
          runSpoke({
            hub: f.hub,
            serverName: f.serverName,
            location: f.location,
            tls: tlsFiles(f),
            cluster: clusterSource(f),
            endpointsFile: f.endpoints,
            listeners: f.listener,
            metrics: f.metrics,
            window: f.window ? bytes(f.window) : undefined,
          }),
        ),
    );
}

function registerPki(gw: Command): void {
  gw.command('init-ca')
    .description("Create omni's tunnel CA (ca.crt, ca.key) in a directory")
    .requiredOption('--dir <dir>', 'output directory')
    .action((f: { dir: string }) => void process.stdout.write(`${initCa(f.dir)}\n`));
  gw.command('issue')
    .description('Issue a certificate: an edge location (--location) or the hub (--dns/--ip)')
    .requiredOption('--ca-dir <dir>', 'directory holding ca.crt and ca.key')
    .requiredOption('--out <prefix>', 'writes <prefix>.crt and <prefix>.key')
    .option('--location <name>', 'edge location')
    .option('--dns <name>', 'hub DNS name (repeatable)', collect, [])
    .option('--ip <addr>', 'hub IP address (repeatable)', collect, [])
    .option('--days <n>', 'validity in days', (v) => Number(v))
    .option(
      '--revocations <file>',
      'revocation list: an edge certificate starts after the moment this list revokes its location up to',
    )
    .action((f: IssueFlags) => {
      const r = issueToFiles({
        caDir: f.caDir,
        out: f.out,
        location: f.location,
        hubDns: f.dns,
        hubIps: f.ip,
        validityDays: f.days,
        revocationsFile: f.revocations,
      });
      process.stdout.write(`${r.cert} serial ${r.serial}\n`);
    });
  gw.command('revoke')
    .description('Add a certificate serial or a whole edge location to a revocation list file')
    .requiredOption('--list <file>', 'revocation list (JSON)')
    .option('--serial <hex>', 'certificate serial')
    .option('--location <name>', 'every certificate of this edge location issued so far')
    .option('--reason <text>', 'why')
    .action((f: { list: string; serial?: string; location?: string; reason?: string }) => {
      if (!f.serial && !f.location) throw new Error('give --serial or --location');
      revokeInFile(f.list, { serial: f.serial, location: f.location, reason: f.reason });
    });
}

interface IssueFlags {
  caDir: string;
  out: string;
  location?: string;
  dns: string[];
  ip: string[];
  days?: number;
  revocations?: string;
}

export function registerGateway(program: Command): void {
  const gw = program
    .command('gateway')
    .description('Cross-cluster tunnel gateways (hub and spoke) with mutual TLS');
  registerHub(gw);
  registerSpoke(gw);
  registerPki(gw);
}
