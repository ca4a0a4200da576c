import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Command } from 'commander';
import { registerGateway } from '../../src/cli/commands/gateway.ts';
import { parseListener, runHub } from '../../src/tunnel/cli.ts';
import { RevocationList, certInfo } from '../../src/tunnel/pki/index.ts';
import { pki } from './fixture.ts';

/** Runs `omni …` with only the gateway command registered (the full CLI loads every component). */
async function main(argv: string[]): Promise<number> {
  const program = new Command('omni').exitOverride();
  registerGateway(program);
  await program.parseAsync(argv);
  return 0;
}

/** Runs `body` with a scratch folder and stdout silenced (the commands print what they wrote). */
async function inScratchDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'omni-gw-cli-'));
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    await body(dir);
  } finally {
    process.stdout.write = write;
    rmSync(dir, { recursive: true, force: true });
  }
}

test('omni gateway init-ca / issue / revoke write usable files', () =>
  inScratchDir(async (dir) => {
    assert.equal(await main(['node', 'omni', 'gateway', 'init-ca', '--dir', dir]), 0);
    assert.equal(
      await main([
        'node',
        'omni',
        'gateway',
        'issue',
        '--ca-dir',
        dir,
        '--out',
        join(dir, 'edge-x'),
        '--location',
        'edge-x',
      ]),
      0,
    );
    assert.equal(
      await main([
        'node',
        'omni',
        'gateway',
        'issue',
        '--ca-dir',
        dir,
        '--out',
        join(dir, 'hub'),
        '--dns',
        'hub.local',
        '--ip',
        '127.0.0.1',
      ]),
      0,
    );
    const info = certInfo(readFileSync(join(dir, 'edge-x.crt'), 'utf8'));
    assert.equal(info.location, 'edge-x');
    const list = join(dir, 'revoked.json');
    assert.equal(
      await main(['node', 'omni', 'gateway', 'revoke', '--list', list, '--serial', info.serial]),
      0,
    );
    assert.equal(
      await main(['node', 'omni', 'gateway', 'revoke', '--list', list, '--location', 'edge-y']),
      0,
    );
    const parsed = RevocationList.parse(readFileSync(list, 'utf8'));
    assert.equal(parsed.isRevoked(info), true);
    assert.equal(parsed.entries.length, 2);
  }));

test('omni gateway issue --revocations: a location revoked moments ago gets a certificate the list spares', () =>
  inScratchDir(async (dir) => {
    const gw = (...args: string[]) => main(['node', 'omni', 'gateway', ...args]);
    await gw('init-ca', '--dir', dir);
    const list = join(dir, 'revoked.json');
    await gw('revoke', '--list', list, '--location', 'edge-z');
    const out = join(dir, 'edge-z');
    await gw('issue', '--ca-dir', dir, '--out', `${out}-plain`, '--location', 'edge-z');
    await gw('issue', '--ca-dir', dir, '--out', out, '--location', 'edge-z', '--revocations', list);
    const parsed = RevocationList.parse(readFileSync(list, 'utf8'));
    assert.equal(parsed.isRevoked(certInfo(readFileSync(`${out}-plain.crt`, 'utf8'))), true, 'backdated');
    assert.equal(parsed.isRevoked(certInfo(readFileSync(`${out}.crt`, 'utf8'))), false);
    writeFileSync(list, '{"revoked": 3}');
    await assert.rejects(
      gw('issue', '--ca-dir', dir, '--out', out, '--location', 'edge-z', '--revocations', list),
      /revoked\.json is not a revocation list/,
    );
  }));

test('listener specs', () => {
  assert.deepEqual(parseListener('default/db:5432=20000'), {
    service: 'default/db:5432',
    host: '0.0.0.0',
    port: 20000,
  });
  assert.deepEqual(parseListener('default/db:5432=127.0.0.1:20001'), {
    service: 'default/db:5432',
    host: '127.0.0.1',
    port: 20001,
  });
  assert.throws(() => parseListener('db=1'));
  assert.throws(() => parseListener('default/db:5432=x'));
});

test('gateway sources: files or the cluster, not both, and --kubeconfig only with --from-cluster', async () => {
  const tls = ['--cert', 'c.crt', '--key', 'c.key', '--ca', 'ca.crt'];
  await assert.rejects(
    main(['node', 'omni', 'gateway', 'hub', ...tls]),
    /either --policy <file> or --from-cluster is required/,
  );
  await assert.rejects(
    main(['node', 'omni', 'gateway', 'hub', ...tls, '--policy', 'p.yaml', '--from-cluster']),
    /drop --policy/,
  );
  await assert.rejects(
    main(['node', 'omni', 'gateway', 'hub', ...tls, '--policy', 'p.yaml', '--kubeconfig', 'k.yaml']),
    /--kubeconfig only applies with --from-cluster/,
  );
  await assert.rejects(
    main([
      'node',
      'omni',
      'gateway',
      'spoke',
      ...tls,
      '--hub',
      '127.0.0.1:1',
      '--location',
      'edge-a',
      '--from-cluster',
      '--endpoints',
      'e.json',
    ]),
    /drop --endpoints/,
  );
});

test('a policy file edited into something invalid is logged and ignored; the hub keeps running', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'omni-gw-policy-'));
  const p = pki();
  const files = { cert: join(dir, 'hub.crt'), key: join(dir, 'hub.key'), ca: join(dir, 'ca.crt') };
  writeFileSync(files.cert, p.hub.certPem);
  writeFileSync(files.key, p.hub.keyPem);
  writeFileSync(files.ca, p.ca.certPem);
  const policyFile = join(dir, 'policy.yaml');
  writeFileSync(policyFile, 'locations: {edge-a: {allow: [default/echo:7]}}\n');
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  const hub = await runHub({ listen: '127.0.0.1:0', tls: files, policyFile, listeners: [] }).finally(
    () => (process.stdout.write = write),
  );
  try {
    writeFileSync(policyFile, 'locations: {edge-a: {allow: ["not a key"]}}\n');
    await new Promise((r) => setTimeout(r, 2500)); // the file is polled every second
  } finally {
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
