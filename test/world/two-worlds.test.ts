// Two embedded worlds on one machine (two `omni demo`s, or tests side by side) each get a tunnel that
// works: every world's gateways listen in a loopback block of their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loopbackBlock } from '../../src/world/gateways.ts';
import type { DemoReport } from '../../src/world/report.ts';

function demo(): Promise<{ code: number; output: string; report: DemoReport }> {
  const dir = mkdtempSync(join(tmpdir(), 'omni-two-worlds-'));
  const reportFile = join(dir, 'r.json');
  const args = ['demo', '--headless', '--duration', '40s', '--report', reportFile, '--state-dir', dir];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/omni.js', ...args],
      { timeout: 240_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, OMNI_LOG_LEVEL: 'warn' } },
      (err, stdout, stderr) =>
        resolve({
          code: err ? 1 : 0,
          output: `${stdout}\n${stderr}`,
          report: JSON.parse(readFileSync(reportFile, 'utf8')) as DemoReport,
        }),
    );
  });
}

test('a loopback block stays out of 127.0.0.0/16 and inside 127.0.0.0/8', () => {
  assert.equal(
    loopbackBlock(() => 0),
    '127.1.0',
  );
  assert.equal(
    loopbackBlock(() => 0.999999),
    '127.254.255',
  );
  for (let i = 0; i < 1000; i++)
    assert.match(loopbackBlock(), /^127\.([1-9]\d?|1\d\d|2[0-4]\d|25[0-4])\.\d{1,3}$/);
});

test('two demos at once each echo through their own tunnel', { timeout: 300_000 }, async () => {
  const runs = await Promise.all([demo(), demo()]);
  const blocks = new Set<string>();
  for (const r of runs) {
    assert.equal(r.code, 0, r.output.slice(-2000));
    assert.doesNotMatch(r.output, /EADDRINUSE/);
    assert.equal(r.report.tunnel.length, 3);
    for (const t of r.report.tunnel) {
      assert.ok(t.connected && t.echo === 'ok' && t.roundTrips > 0, JSON.stringify(t));
      blocks.add((t.endpoint ?? '').split('.').slice(0, 3).join('.'));
    }
  }
  assert.equal(blocks.size, 2, `each demo in its own block: ${[...blocks].join(', ')}`);
});
