import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { startTestCluster } from '../../kube-sim/test/helpers.ts';

const omni = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number; stderr: string }>((resolve) => {
    const clean = { ...process.env, ...env };
    delete clean.AWS_ACCESS_KEY_ID;
    delete clean.AWS_SECRET_ACCESS_KEY;
    execFile(
      process.execPath,
      ['bin/omni.js', ...args],
      { env: clean, timeout: 60_000 },
      (err, _out, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });

test('omni controller refuses to start without credentials for the main cloud, naming what to set', async () => {
  const c = await startTestCluster();
  try {
    const r = await omni(['controller', '--kubeconfig', c.kubeconfigPath, '--main', 'aws/us-east-1']);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /no credentials for the main cloud aws: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
    );
    const bad = await omni(['controller', '--kubeconfig', c.kubeconfigPath, '--main', 'aws']);
    assert.match(bad.stderr, /--main: expected <cloud>\/<region>/);
    const hub = await omni([
      'controller',
      '--kubeconfig',
      c.kubeconfigPath,
      '--main',
      'aws/us-east-1',
      '--hub-address',
      'omni-hub.example.com',
    ]);
    assert.match(
      hub.stderr,
      /--hub-address: expected host:port \(e\.g\. omni-hub\.example\.com:8443\), got "omni-hub\.example\.com"/,
    );
  } finally {
    await c.stop();
  }
});

test('omni hibernate is refused with a clear error', async () => {
  const r = await omni(['hibernate']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /hibernation is not supported/);
});
