// The tunnel's certificates, kept by the edge-location controller: omni's CA and the hub's certificate in
// the main cluster, one client certificate per location in its edge cluster, rotated before expiry,
// revoked when the location is deleted, and broken PKI objects reported, never overwritten.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import type { CoreV1Api, V1Secret } from '@kubernetes/client-node';
import type { EdgeClusterProvisioner } from '../../src/controllers/edge-location/index.ts';
import { ensureTunnelCa } from '../../src/controllers/edge-location/tunnel-identity.ts';
import { revokeLocation } from '../../src/controllers/edge-location/tunnel-revocations.ts';
import { loadKubeConfig, makeClients, systemClock, type Clock } from '../../src/kube/index.ts';
import { certInfo, issueEdgeCert, RevocationList } from '../../src/tunnel/pki/index.ts';
import {
  createLocation,
  deleteLocation,
  getLocation,
  startWorld,
  waitFor,
  waitForState,
  type Obj,
  type World,
  type WorldOverrides,
} from './world.ts';

const NS = 'castai-omni';
const DAY_MS = 86_400_000;
const HUB_NAMES = [
  'omni-hub',
  'omni-hub.castai-omni',
  'omni-hub.castai-omni.svc',
  'omni-hub.castai-omni.svc.cluster.local',
];
const SPEC = { cloud: 'gcp', region: 'us-central1', zones: ['us-central1-a'] };
const RESYNC_MS = 150;

let w: World;
/** The controller's clock runs this far ahead of the real one. */
let ahead = 0;
const clock: Clock = { now: () => Date.now() + ahead, sleep: (ms) => systemClock.sleep(ms) };

function startController(over: WorldOverrides = {}): void {
  w.start({ clock, options: { resyncMs: RESYNC_MS }, ...over });
}

before(async () => {
  w = await startWorld();
  startController();
});

after(async () => {
  await w?.stop();
});

function values(s: V1Secret): Record<string, string> {
  return Object.fromEntries(
    Object.entries(s.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]),
  );
}

async function mainSecret(name: string): Promise<V1Secret> {
  return w.clients.core.readNamespacedSecret({ name, namespace: NS });
}

function edgeCore(location: string): CoreV1Api {
  const edge = w.ready.get(location);
  assert.ok(edge, `${location} announced`);
  return makeClients(loadKubeConfig({ yaml: edge.kubeconfigYaml })).core;
}

async function spokeSecret(location: string): Promise<V1Secret> {
  return edgeCore(location).readNamespacedSecret({ name: 'omni-spoke-tls', namespace: NS });
}

async function spokeSerial(location: string): Promise<string> {
  return certInfo(values(await spokeSecret(location))['tls.crt']).serial;
}

function signedBy(certPem: string, caPem: string): boolean {
  return new X509Certificate(certPem).verify(new X509Certificate(caPem).publicKey);
}

function tunnelCondition(o: Obj | undefined) {
  return o?.status?.conditions?.find((c) => c.type === 'TunnelReady');
}

async function eventReasons(location: string): Promise<string[]> {
  const evs = await w.clients.core.listEventForAllNamespaces();
  return evs.items.filter((e) => e.involvedObject.name === location).map((e) => e.reason ?? '');
}

async function revocations(): Promise<RevocationList> {
  const cm = await w.clients.core.readNamespacedConfigMap({ name: 'omni-tunnel-revocations', namespace: NS });
  return RevocationList.parse(cm.data?.['revocations.json'] ?? '');
}

test('a Ready location has its certificate in its edge cluster, signed by the CA the hub uses', async () => {
  await createLocation(w.clients, 'tun-a', SPEC);
  const o = await waitForState(w.clients, 'tun-a', 'Ready', 20_000);
  const ca = await mainSecret('omni-tunnel-ca');
  assert.equal(ca.type, 'Opaque');
  assert.equal(ca.metadata?.labels?.['app.kubernetes.io/managed-by'], 'omni');
  const caPem = values(ca)['ca.crt'];
  assert.ok(values(ca)['ca.key'], 'the CA key is stored');

  const hub = await mainSecret('omni-hub-tls');
  assert.equal(hub.type, 'kubernetes.io/tls');
  const hubValues = values(hub);
  assert.equal(hubValues['ca.crt'], caPem);
  assert.ok(signedBy(hubValues['tls.crt'], caPem), 'the hub certificate verifies against the CA');
  const sans = new X509Certificate(hubValues['tls.crt']).subjectAltName ?? '';
  for (const name of HUB_NAMES)
    assert.ok(sans.split(', ').includes(`DNS:${name}`), `hub certificate names ${name}: ${sans}`);

  const spoke = await spokeSecret('tun-a');
  assert.equal(spoke.type, 'kubernetes.io/tls');
  const spokeValues = values(spoke);
  assert.equal(certInfo(spokeValues['tls.crt']).location, 'tun-a');
  assert.ok(signedBy(spokeValues['tls.crt'], caPem), 'the spoke certificate verifies against the CA');
  assert.equal(spokeValues['ca.crt'], caPem);

  const serial = certInfo(spokeValues['tls.crt']).serial;
  assert.equal(tunnelCondition(o)?.status, 'True');
  assert.match(tunnelCondition(o)?.message ?? '', new RegExp(`serial ${serial}, expires \\d{4}-`));
  assert.ok((await eventReasons('tun-a')).includes('CertificateIssued'));
  // The private key lives only in the edge cluster.
  const main = await w.clients.core.listNamespacedSecret({ namespace: NS });
  const keyB64 = Buffer.from(spokeValues['tls.key']).toString('base64');
  assert.ok(
    main.items.every((s) => !Object.values(s.data ?? {}).includes(keyB64)),
    'the spoke key is not in the main cluster',
  );
});

test('later passes leave a valid certificate alone', async () => {
  const before = await spokeSecret('tun-a');
  const events = await eventReasons('tun-a');
  await new Promise((r) => setTimeout(r, RESYNC_MS * 5));
  const after = await spokeSecret('tun-a');
  assert.equal(after.metadata?.resourceVersion, before.metadata?.resourceVersion, 'nothing was written');
  assert.deepEqual(await eventReasons('tun-a'), events);
});

test('with two thirds of its lifetime gone, a resync rotates the certificate', async () => {
  const old = await spokeSerial('tun-a');
  ahead = 21 * DAY_MS; // of the default 30 days
  const serial = await waitFor(
    'a new serial',
    () => spokeSerial('tun-a'),
    (s) => s !== old,
  );
  const o = await waitFor(
    'the condition to name it',
    () => getLocation(w.clients, 'tun-a'),
    (x) => tunnelCondition(x)?.message?.includes(serial) ?? false,
  );
  assert.equal(tunnelCondition(o)?.status, 'True');
  assert.equal(o?.status?.resources?.['tunnel-certificate'], serial);
  assert.ok((await eventReasons('tun-a')).includes('CertificateRotated'));
  assert.equal(await spokeSerial('tun-a'), serial, 'rotated once');
});

test('a deleted spoke Secret, or one naming another location, is issued again', async () => {
  const core = edgeCore('tun-a');
  await core.deleteNamespacedSecret({ name: 'omni-spoke-tls', namespace: NS });
  await waitFor(
    're-issued',
    () => spokeSecret('tun-a').catch(() => undefined),
    (s) => s !== undefined,
  );
  const ca = values(await mainSecret('omni-tunnel-ca'));
  const other = issueEdgeCert({ certPem: ca['ca.crt'], keyPem: ca['ca.key'] }, 'someone-else', { clock });
  const data = { 'tls.crt': other.certPem, 'tls.key': other.keyPem, 'ca.crt': ca['ca.crt'] };
  const secret = await spokeSecret('tun-a');
  const encoded = Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  );
  await core.replaceNamespacedSecret({
    name: 'omni-spoke-tls',
    namespace: NS,
    body: { ...secret, data: encoded },
  });
  await waitFor(
    'put right',
    async () => certInfo(values(await spokeSecret('tun-a'))['tls.crt']).location,
    (l) => l === 'tun-a',
  );
});

test('two controllers making the CA at once end with one; certificates from the old CA are replaced', async () => {
  const oldSerial = await spokeSerial('tun-a');
  await w.clients.core.deleteNamespacedSecret({ name: 'omni-tunnel-ca', namespace: NS });
  const [a, b] = await Promise.all([
    ensureTunnelCa(w.clients.core, clock),
    ensureTunnelCa(w.clients.core, clock),
  ]);
  const stored = values(await mainSecret('omni-tunnel-ca'))['ca.crt'];
  assert.equal(a.certPem, stored);
  assert.equal(b.certPem, stored);
  await waitFor(
    'spoke re-signed',
    async () => values(await spokeSecret('tun-a'))['tls.crt'],
    (pem) => signedBy(pem, stored),
  );
  await waitFor(
    'hub re-signed',
    async () => values(await mainSecret('omni-hub-tls'))['tls.crt'],
    (pem) => signedBy(pem, stored),
  );
  assert.notEqual(await spokeSerial('tun-a'), oldSerial);
});

/** Records, when the edge cluster is torn down, whether the location was already revoked. */
function teardownWitness(revokedAtTeardown: Map<string, boolean>): EdgeClusterProvisioner {
  return {
    ensure: (req) => w.edgeClusters.ensure(req),
    async teardown(req) {
      const name = req.location.metadata.name;
      const list = await revocations().catch(() => new RevocationList());
      revokedAtTeardown.set(
        name,
        list.entries.some((e) => e.location === name),
      );
      await w.edgeClusters.teardown(req);
    },
  };
}

async function storedCa(): Promise<{ certPem: string; keyPem: string }> {
  const ca = values(await mainSecret('omni-tunnel-ca'));
  return { certPem: ca['ca.crt'], keyPem: ca['ca.key'] };
}

test('deleting a location revokes all its certificates before its edge cluster goes; created again at once, it gets one that works', async () => {
  const pem = values(await spokeSecret('tun-a'))['tls.crt'];
  const rotatedOut = issueEdgeCert(await storedCa(), 'tun-a', { clock }).certPem;
  const revokedAtTeardown = new Map<string, boolean>();
  await w.controller?.stop();
  startController({ edgeClusters: teardownWitness(revokedAtTeardown) });
  await deleteLocation(w.clients, 'tun-a');
  assert.equal(revokedAtTeardown.get('tun-a'), true, 'revoked before the edge cluster was torn down');
  const list = await revocations();
  assert.ok(list.isRevoked(certInfo(pem)), 'the last certificate is revoked');
  assert.ok(list.isRevoked(certInfo(rotatedOut)), 'and one issued before it');
  assert.ok(
    list.entries.some((e) => e.serial === certInfo(pem).serial),
    'by serial too',
  );
  assert.ok((await eventReasons('tun-a')).includes('CertificateRevoked'));

  // Well inside the 5 minutes that notBefore is backdated by.
  await createLocation(w.clients, 'tun-a', SPEC);
  await waitForState(w.clients, 'tun-a', 'Ready', 20_000);
  const fresh = certInfo(values(await spokeSecret('tun-a'))['tls.crt']);
  const now = await revocations();
  assert.equal(now.isRevoked(fresh), false, 'the new certificate is not revoked');
  assert.ok(now.isRevoked(certInfo(pem)), 'the deleted location’s last certificate stays revoked');
  assert.ok(now.isRevoked(certInfo(rotatedOut)), 'so does every older one');
  assert.equal(now.entries.filter((e) => e.location === 'tun-a').length, 1);
});

let revokedSerial = '';

test('deleted a second time, the name keeps one whole-location entry, moved to the new deletion', async () => {
  const before = (await revocations()).locationCut('tun-a');
  const serial = await spokeSerial('tun-a');
  revokedSerial = serial;
  const at = new Date(clock.now()).toISOString();
  assert.equal(await revokeLocation(w.clients.core, { location: 'tun-a', serial, at }), true);
  assert.equal(await revokeLocation(w.clients.core, { location: 'tun-a', serial, at }), false, 'idempotent');
  const list = await revocations();
  assert.equal(list.entries.filter((e) => e.location === 'tun-a').length, 1);
  assert.equal(list.locationCut('tun-a'), Date.parse(at));
  assert.ok((before ?? Infinity) < Date.parse(at));
  assert.ok(list.entries.some((e) => e.serial === serial));
});

test('a revoked certificate of a live location is replaced at the next resync', async () => {
  // The previous test revoked tun-a's current certificate without deleting the location.
  assert.ok(revokedSerial);
  const fresh = await waitFor(
    'a new serial',
    () => spokeSerial('tun-a'),
    (s) => s !== revokedSerial,
  );
  const list = await revocations();
  assert.equal(list.isRevoked(certInfo(values(await spokeSecret('tun-a'))['tls.crt'])), false);
  const o = await waitFor(
    'the condition to name it',
    () => getLocation(w.clients, 'tun-a'),
    (x) => tunnelCondition(x)?.message?.includes(fresh) ?? false,
  );
  assert.equal(tunnelCondition(o)?.status, 'True');
  const evs = await w.clients.core.listEventForAllNamespaces();
  const rotated = evs.items.find(
    (e) =>
      e.involvedObject.name === 'tun-a' && e.message?.includes(fresh) && e.reason === 'CertificateRotated',
  );
  assert.match(rotated?.message ?? '', /it was revoked/);
});

test('a corrupt revocation list is reported by ConfigMap and key and left as it is', async () => {
  const name = 'omni-tunnel-revocations';
  const cm = await w.clients.core.readNamespacedConfigMap({ name, namespace: NS });
  const corrupt = { ...cm, data: { 'revocations.json': '{"revoked": "yes"' } };
  const written = await w.clients.core.replaceNamespacedConfigMap({ name, namespace: NS, body: corrupt });
  const revoke = revokeLocation(w.clients.core, { location: 'tun-a', at: new Date().toISOString() });
  await assert.rejects(
    revoke,
    /ConfigMap castai-omni\/omni-tunnel-revocations: key revocations.json is not a revocation list/,
  );
  const after = await w.clients.core.readNamespacedConfigMap({ name, namespace: NS });
  assert.equal(after.metadata?.resourceVersion, written.metadata?.resourceVersion);
  await w.clients.core.replaceNamespacedConfigMap({ name, namespace: NS, body: { ...after, data: cm.data } });
});

test('a corrupt CA Secret is reported by Secret and key and left as it is', async () => {
  const ca = await mainSecret('omni-tunnel-ca');
  const broken: Record<string, string> = {
    ...ca.data,
    'ca.key': Buffer.from('-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n').toString(
      'base64',
    ),
  };
  const written = await w.clients.core.replaceNamespacedSecret({
    name: 'omni-tunnel-ca',
    namespace: NS,
    body: { ...ca, data: broken },
  });
  await assert.rejects(
    ensureTunnelCa(w.clients.core, clock),
    /Secret castai-omni\/omni-tunnel-ca: key ca\.key does not parse/,
  );

  await createLocation(w.clients, 'tun-b', SPEC);
  const o = await waitFor(
    'TunnelReady False',
    () => getLocation(w.clients, 'tun-b'),
    (x) => tunnelCondition(x)?.status === 'False',
    20_000,
  );
  assert.equal(tunnelCondition(o)?.reason, 'TunnelIdentityUnusable');
  assert.match(tunnelCondition(o)?.message ?? '', /Secret castai-omni\/omni-tunnel-ca: key ca\.key/);
  assert.notEqual(o?.status?.state, 'Ready');
  await new Promise((r) => setTimeout(r, RESYNC_MS * 3));
  const after = await mainSecret('omni-tunnel-ca');
  assert.equal(
    after.metadata?.resourceVersion,
    written.metadata?.resourceVersion,
    'the Secret was not touched',
  );
  assert.deepEqual(after.data, broken);

  const { 'ca.crt': _missing, ...noCert } = broken;
  await w.clients.core.replaceNamespacedSecret({
    name: 'omni-tunnel-ca',
    namespace: NS,
    body: { ...after, data: noCert },
  });
  await assert.rejects(
    ensureTunnelCa(w.clients.core, clock),
    /Secret castai-omni\/omni-tunnel-ca: key ca\.crt is missing/,
  );
});
