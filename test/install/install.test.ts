// Install manifests against kube-sim: the kustomize base applies with kubectl, its CRDs reject invalid
// objects, `omni install --dry-run` checks prerequisites and stores nothing, install/uninstall round trip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startKubeSim, type KubeSim } from '../../kube-sim/src/index.ts';
import { API_VERSION } from '../../src/apis/index.ts';
import { main } from '../../src/cli/main.ts';
import { credentialSource, detectClusterKind, install, installManifests, renderBase, uninstall } from '../../src/install/index.ts';
import { isNotFound, loadKubeConfig, makeClients, type KubeClients } from '../../src/kube/index.ts';
import { mainNode } from '../server/helpers.ts';
import { ensureRbacKinds } from './rbac-stand-in.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const AWS_ENV = { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example' };

async function cluster(): Promise<{ sim: KubeSim; clients: KubeClients; kubeconfig: string }> {
  const sim = await startKubeSim();
  const clients = makeClients(loadKubeConfig({ yaml: sim.kubeconfigYaml }));
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'omni-install-')), 'kubeconfig');
  writeFileSync(kubeconfig, sim.kubeconfigYaml, { mode: 0o600 });
  await ensureRbacKinds(clients);
  await clients.core.createNode({ body: mainNode('main-1') });
  return { sim, clients, kubeconfig };
}

/** kubectl as a child process, asynchronously: kube-sim runs in this process and must keep answering. */
function kubectl(kubeconfig: string, args: string[], input?: string): Promise<{ code: number; out: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn('kubectl', ['--kubeconfig', kubeconfig, ...args], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code: code ?? 1, out }));
    child.stdin.end(input ?? '');
  });
}

let env: Awaited<ReturnType<typeof cluster>>;

before(async () => {
  env = await cluster();
});

after(async () => {
  await env.sim.stop();
});

test('deploy/base is what scripts/gen-manifests.ts writes (no drift from src/apis and src/install)', () => {
  const stale = [...renderBase()].filter(([file, text]) => readFileSync(join(ROOT, 'deploy/base', file), 'utf8') !== text).map(([file]) => file);
  assert.deepEqual(stale, [], 'deploy/base is stale: run npx tsx scripts/gen-manifests.ts');
});

test('cluster kind comes from providerIDs and labels', () => {
  assert.equal(detectClusterKind([mainNode('a')]), 'EKS');
  assert.equal(detectClusterKind([{ spec: { providerID: 'gce://p/us-central1-a/n' } }]), 'GKE');
  assert.equal(detectClusterKind([{ metadata: { labels: { 'kubernetes.azure.com/cluster': 'x' } } }]), 'AKS');
  assert.equal(detectClusterKind([{ spec: { providerID: 'kind://docker/kind/n' } }]), undefined);
});

test('main-cloud credentials from the usual environment variables and files', () => {
  const home = mkdtempSync(join(tmpdir(), 'home-'));
  assert.equal(credentialSource('aws', AWS_ENV, home), 'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY');
  assert.equal(credentialSource('aws', {}, home), undefined);
  const adc = join(home, 'adc.json');
  writeFileSync(adc, '{}');
  assert.equal(credentialSource('gcp', { GOOGLE_APPLICATION_CREDENTIALS: adc }, home), adc);
  assert.equal(credentialSource('azure', {}, home), undefined);
});

test('omni install --dry-run checks prerequisites, prints the manifests and stores nothing', async () => {
  const report = await install({ clients: env.clients, dryRun: true, env: AWS_ENV, home: tmpdir() });
  assert.equal(report.clusterKind, 'EKS');
  assert.equal(report.main, 'aws/us-east-1');
  const controller = report.manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'omni-controller');
  assert.match(JSON.stringify(controller), /"name":"OMNI_MAIN","value":"aws\/us-east-1"/);
  assert.deepEqual(report.checks.map((c) => [c.name, c.ok]), [['cluster kind', true], ['access', true], ['aws credentials', true]]);
  assert.equal(report.objects.length, installManifests().length);
  assert.ok(report.objects.every((o) => o.action === 'created'));
  await assert.rejects(env.clients.core.readNamespace({ name: 'castai-omni' }), (err: unknown) => isNotFound(err));
});

test('the hub runs two replicas, active/standby on a Lease its Role lets it hold, Ready only while serving', () => {
  const objects = installManifests();
  const hub = objects.find((m) => m.kind === 'Deployment' && m.metadata.name === 'omni-hub') as unknown as {
    spec: { replicas: number; template: { spec: { containers: { args: string[]; readinessProbe?: { httpGet?: { path: string } } }[] } } };
  };
  assert.equal(hub.spec.replicas, 2);
  const c = hub.spec.template.spec.containers[0];
  assert.ok(c.args.includes('--leader-elect') && c.args.includes('--from-cluster'), c.args.join(' '));
  assert.equal(c.readinessProbe?.httpGet?.path, '/readyz');
  const role = objects.find((m) => m.kind === 'Role' && m.metadata.name === 'omni-hub') as unknown as {
    rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
  };
  const leases = role.rules.find((r) => r.resources.includes('leases'));
  assert.deepEqual(leases?.apiGroups, ['coordination.k8s.io']);
  assert.deepEqual(leases?.verbs, ['get', 'create', 'update']);
});

test('omni install refuses without main-cloud credentials', async () => {
  const report = await install({ clients: env.clients, dryRun: true, env: {}, home: mkdtempSync(join(tmpdir(), 'home-')) });
  assert.equal(report.ok, false);
  assert.match(report.checks.find((c) => !c.ok)?.detail ?? '', /no aws credentials/);
  assert.deepEqual(report.objects, []);
});

test('the omni install CLI in dry-run mode prints YAML and exits 0', async () => {
  const saved = { ...process.env };
  Object.assign(process.env, AWS_ENV);
  const out: string[] = [];
  const write = process.stdout.write;
  const errWrite = process.stderr.write;
  process.stdout.write = ((c: string) => out.push(c) > 0) as typeof write;
  process.stderr.write = ((c: string) => out.push(c) > 0) as typeof write;
  try {
    const code = await main(['node', 'omni', 'install', '--kubeconfig', env.kubeconfig, '--dry-run']);
    assert.equal(code, 0, out.join(''));
  } finally {
    process.stdout.write = write;
    process.stderr.write = errWrite;
    process.env = saved;
  }
  const text = out.join('');
  assert.match(text, /✓ cluster kind: EKS/);
  assert.match(text, /kind: CustomResourceDefinition/);
  assert.match(text, /deployment\/omni-controller -n castai-omni created \(dry run\)/);
});

test('install applies with server-side apply (again: unchanged), uninstall refuses while EdgeLocations exist', async () => {
  const first = await install({ clients: env.clients, dryRun: false, env: AWS_ENV, home: tmpdir() });
  assert.ok(first.ok);
  const again = await install({ clients: env.clients, dryRun: false, env: AWS_ENV, home: tmpdir() });
  assert.ok(again.objects.every((o) => o.action === 'unchanged'), JSON.stringify(again.objects.filter((o) => o.action !== 'unchanged')));
  const managers = await kubectl(env.kubeconfig, ['get', 'deployment', 'omni-controller', '-n', 'castai-omni', '--show-managed-fields', '-o', 'jsonpath={.metadata.managedFields[*].manager}']);
  assert.match(managers.out, /omni-install/);
  await env.clients.custom.createClusterCustomObject({ group: 'omni.cast.ai', version: 'v1alpha1', plural: 'edgelocations', body: { apiVersion: API_VERSION, kind: 'EdgeLocation', metadata: { name: 'gcp-us-central1' }, spec: { cloud: 'gcp', region: 'us-central1' } } });
  await assert.rejects(uninstall({ clients: env.clients, dryRun: false }), /1 EdgeLocation \(gcp-us-central1\).*Delete them first/s);
  await env.clients.custom.deleteClusterCustomObject({ group: 'omni.cast.ai', version: 'v1alpha1', plural: 'edgelocations', name: 'gcp-us-central1' });
  const removed = await uninstall({ clients: env.clients, dryRun: false });
  assert.ok(removed.some((o) => o.kind === 'CustomResourceDefinition' && o.action === 'deleted'));
  assert.equal((await kubectl(env.kubeconfig, ['get', 'deployment', 'omni-controller', '-n', 'castai-omni'])).code, 1);
});

test('kubectl apply -k deploy/base succeeds and the CRDs reject an invalid object', async () => {
  const applied = await kubectl(env.kubeconfig, ['apply', '-k', 'deploy/base']);
  assert.equal(applied.code, 0, applied.out);
  assert.match(applied.out, /deployment.apps\/omni-controller (created|configured|unchanged)/);
  const bad = `apiVersion: ${API_VERSION}\nkind: NodeTemplate\nmetadata: {name: bad}\nspec: {constraints: {spot: "yes", architectures: [sparc]}}\n`;
  const rejected = await kubectl(env.kubeconfig, ['apply', '-f', '-'], bad);
  assert.notEqual(rejected.code, 0);
  assert.match(rejected.out, /spec\.constraints\.spot/);
  assert.match(rejected.out, /Unsupported value: "sparc"/);
  const good = `apiVersion: ${API_VERSION}\nkind: NodeTemplate\nmetadata: {name: good}\nspec: {constraints: {spot: true}}\n`;
  assert.equal((await kubectl(env.kubeconfig, ['apply', '-f', '-'], good)).code, 0);
  assert.equal((await kubectl(env.kubeconfig, ['delete', 'nodetemplate', 'good'])).code, 0);
});
