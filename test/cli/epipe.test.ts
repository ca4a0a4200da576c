// `omni demo --headless | head -1`: the reader goes away early; omni ends quietly (exit 0), without a stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

test('a closed stdout ends omni quietly instead of crashing on EPIPE', { timeout: 60_000 }, async () => {
  const child = spawn(process.execPath, ['bin/omni.js', 'demo', '--headless', '--duration', '2s'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, OMNI_LOG_LEVEL: 'silent' },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(stderr, /EPIPE|Unhandled/);
});
