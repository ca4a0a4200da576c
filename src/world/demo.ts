// `omni demo`: the embedded world, the scenario, the console, and (headless) a report.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Registry } from 'prom-client';
import { startConsoleServer, type ConsoleServer } from '../server/index.ts';
import type { Logger } from '../kube/index.ts';
import type { NodeClaimObject } from '../controllers/autoscaler/index.ts';
import { startEmbeddedWorld, type EmbeddedWorld } from './embedded.ts';
import { applyEdgeLocations, applyScenario, DEMO_EDGE_LOCATIONS, DEMO_NAMESPACE } from './scenario.ts';
import { buildReport, DecisionLog, type DemoReport } from './report.ts';
import { startTunnelProbe } from './tunnel-probe.ts';
import { waitForSignal } from '../cli/signals.ts';

export interface DemoOptions {
  scenario: 'default' | 'empty';
  seed: number;
  port: number;
  timeScale: number;
  stateDir?: string;
  headless: boolean;
  /** Real seconds to run before reporting and stopping (headless). */
  durationSeconds?: number;
  report?: string;
  log: Logger;
  out: (line: string) => void;
}

export interface RunningDemo {
  world: EmbeddedWorld;
  console?: ConsoleServer;
  stateDir: string;
  report(): Promise<DemoReport>;
  stop(): Promise<void>;
}

function printBanner(d: RunningDemo, o: DemoOptions): void {
  o.out('omni demo — the embedded world is running (no cloud account used)');
  o.out(`  main cluster   aws us-east-1 (kube-sim), kubeconfig ${d.world.kubeconfigs.get('main')}`);
  o.out(
    `  edge locations ${DEMO_EDGE_LOCATIONS.map((e) => `${e.name} (${e.cloud} ${e.region})`).join(', ')}`,
  );
  o.out(
    `  edge kubeconfigs are written to ${join(d.stateDir, 'kubeconfig')}/<edge-location>.yaml as each becomes Ready`,
  );
  if (d.console) o.out(`  console        ${d.console.loginUrl}`);
  o.out(`  time scale     ${o.timeScale}x (one real second is ${o.timeScale} simulated seconds)`);
  o.out(
    `  try            KUBECONFIG=${d.world.kubeconfigs.get('main')} kubectl get nodes,nodeclaims,edgelocations`,
  );
}

export async function startDemo(o: DemoOptions): Promise<RunningDemo> {
  const stateDir = resolve(o.stateDir ?? mkdtempSync(join(tmpdir(), 'omni-demo-')));
  const started = Date.now();
  const world = await startEmbeddedWorld({ seed: o.seed, timeScale: o.timeScale, stateDir, log: o.log });
  const decisions = new DecisionLog();
  world.autoscaler.view.claims.onChange((c: NodeClaimObject) => decisions.observe([c]));
  const metricsRegistry = Registry.merge([world.registry, world.gateways.metrics.registry]);
  const consoleServer = o.headless
    ? undefined
    : await startConsoleServer({
        clients: world.clients,
        catalog: world.catalog,
        port: o.port,
        clock: world.clock,
        log: o.log.child({ component: 'console' }),
        metricsRegistry,
      });
  const edgeNames = o.scenario === 'default' ? DEMO_EDGE_LOCATIONS.map((e) => e.name) : [];
  const probe = await startTunnelProbe({
    clients: world.clients,
    gateways: world.gateways,
    locations: () => edgeNames,
  });
  if (o.scenario === 'default') {
    await applyEdgeLocations(world.clients, DEMO_EDGE_LOCATIONS);
    await applyScenario(world.clients, DEMO_EDGE_LOCATIONS);
  }
  const demo: RunningDemo = {
    world,
    console: consoleServer,
    stateDir,
    report: () =>
      buildReport({
        clients: world.clients,
        catalog: world.catalog,
        namespace: DEMO_NAMESPACE,
        durationSeconds: Math.round((Date.now() - started) / 1000),
        decisions,
        tunnel: probe.results(),
      }),
    async stop() {
      await probe.stop();
      await consoleServer?.stop();
      await world.stop();
    },
  };
  printBanner(demo, o);
  return demo;
}

/** Runs the demo until Ctrl-C, or for `durationSeconds` when headless; writes the report if asked. */
export async function runDemo(o: DemoOptions): Promise<DemoReport | undefined> {
  const demo = await startDemo(o);
  try {
    if (o.headless) await new Promise((r) => setTimeout(r, (o.durationSeconds ?? 60) * 1000));
    else {
      o.out('Press Ctrl-C to stop.');
      await waitForSignal();
      o.out('stopping…');
    }
    const report = await demo.report();
    if (o.report) writeFileSync(o.report, `${JSON.stringify(report, null, 2)}\n`);
    if (o.headless) o.out(summary(report));
    return report;
  } finally {
    await demo.stop();
  }
}

export function summary(r: DemoReport): string {
  const running = r.pods.filter((p) => p.phase === 'Running' || p.phase === 'Succeeded').length;
  const byLocation = new Map<string, number>();
  for (const p of r.pods) if (p.location) byLocation.set(p.location, (byLocation.get(p.location) ?? 0) + 1);
  return [
    `after ${r.durationSeconds}s: ${running}/${r.pods.length} demo pods Running or done`,
    `  pods by location: ${[...byLocation].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`,
    `  edge locations: ${r.edgeLocations.map((e) => `${e.name} ${e.state}`).join(', ')}`,
    `  cost $${r.costPerHour.toFixed(2)}/h vs $${r.mainRegionOnlyCostPerHour.toFixed(2)}/h main-region-only; ${r.decisions.length} decisions`,
    `  tunnel: ${r.tunnel.map(tunnelLine).join(', ') || 'no edge locations'}`,
  ].join('\n');
}

function tunnelLine(t: DemoReport['tunnel'][number]): string {
  const link = t.connected ? 'connected' : 'not connected';
  if (t.echo === 'ok') return `${t.location} ${link}, echo ok ×${t.roundTrips} via ${t.endpoint} (${t.roundTripMs} ms)`;
  return `${t.location} ${link}, echo ${t.echo}${t.error ? ` (${t.error})` : ''}`;
}
