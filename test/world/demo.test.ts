import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoReport } from '../../src/world/report.ts';

// Warnings are on, so that the test sees what a newcomer would see on the console.
const run = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['bin/omni.js', ...args],
      { timeout: 240_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, OMNI_LOG_LEVEL: 'warn' } },
      (err, stdout, stderr) => resolve({ code: err ? 1 : 0, stdout, stderr }),
    );
  });

test(
  'omni demo --headless runs the scenario to the end: every pod Running, GPUs at the edge, cheaper than main alone',
  { timeout: 300_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omni-demo-test-'));
    const reportFile = join(dir, 'r.json');
    const r = await run([
      'demo',
      '--headless',
      '--duration',
      '60s',
      '--report',
      reportFile,
      '--state-dir',
      dir,
      '--time-scale',
      '10',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as DemoReport;
    assert.deepEqual(
      Object.keys(report).sort(),
      [
        'costPerHour',
        'decisions',
        'durationSeconds',
        'edgeLocations',
        'mainRegionOnlyCostPerHour',
        'nodes',
        'pods',
        'tunnel',
      ].sort(),
    );
    const notRunning = report.pods.filter((p) => p.phase !== 'Running' && p.phase !== 'Succeeded');
    assert.deepEqual(notRunning, []);
    assert.ok(report.edgeLocations.length === 3 && report.edgeLocations.every((e) => e.state === 'Ready'));

    const gpuPods = report.pods.filter((p) => p.name.startsWith('llm-inference-'));
    assert.equal(gpuPods.length, 4);
    const edgeNames = new Set(report.edgeLocations.map((e) => e.name));
    for (const p of gpuPods)
      assert.ok(p.location && edgeNames.has(p.location), `${p.name} runs at ${p.location}`);
    const gpuNodes = report.nodes.filter((n) => gpuPods.some((p) => p.node === n.name));
    assert.ok(gpuNodes.every((n) => n.virtual));
    const mainA100 = 21.957642; // aws us-east-1 p4d.24xlarge On-Demand, the main region's cheapest A100 node
    assert.ok(gpuNodes.reduce((s, n) => s + n.pricePerHour, 0) < mainA100);

    assert.ok(
      report.costPerHour < report.mainRegionOnlyCostPerHour,
      `${report.costPerHour} < ${report.mainRegionOnlyCostPerHour}`,
    );
    assert.ok(report.decisions.some((d) => d.chosen.location !== 'main'));
    assert.ok(report.decisions.every((d) => d.reason.length > 0));
    for (const e of report.edgeLocations) assert.ok(existsSync(join(dir, 'kubeconfig', `${e.name}.yaml`)));
    assert.ok(existsSync(join(dir, 'kubeconfig', 'main.yaml')));
    assert.match(r.stdout, /demo pods Running/);

    // Every edge location's spoke is connected to the hub with the certificate the controller issued, and
    // bytes sent through it (edge → hub → a main-cluster endpoint) came back unchanged.
    assert.deepEqual(report.tunnel.map((t) => t.location).sort(), [...edgeNames].sort());
    // The endpoint is the one omni reflected into that edge cluster: its spoke's own loopback address.
    for (const t of report.tunnel) {
      assert.ok(t.connected && t.echo === 'ok' && t.roundTrips > 0, JSON.stringify(t));
      assert.match(t.endpoint ?? '', /^127\.\d+\.\d+\.\d+:2\d{4}$/);
    }
    assert.match(r.stdout, /tunnel: .*connected, echo ok/);
    // Spokes start once the hub's policy names their location, and stop without mourning the hub.
    const tunnelWarnings = `${r.stdout}\n${r.stderr}`
      .split('\n')
      .filter((l) => /"msg":"(spoke refused|hub connection failed|hub connection lost)"/.test(l));
    assert.deepEqual(tunnelWarnings, []);
  },
);
