// What ends Failed (with a message naming what is wrong), what waits, and where credentials never go.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { GROUP, VERSION } from '../../src/apis/index.ts';
import { omni } from './cli-harness.ts';
import {
  createLocation,
  deleteLocation,
  getLocation,
  startWorld,
  waitFor,
  waitForState,
  type Obj,
  type World,
} from './world.ts';

let w: World;

before(async () => {
  w = await startWorld();
  await waitFor(
    'namespace',
    () => w.clients.core.readNamespace({ name: 'castai-omni' }).catch(() => undefined),
    (n) => n !== undefined,
  ).catch(() => undefined);
  w.start();
});

after(async () => {
  await w?.stop();
});

function condition(o: Obj | undefined, type: string) {
  return o?.status?.conditions?.find((c) => c.type === type);
}

async function putSecret(name: string, values: Record<string, string>): Promise<void> {
  const data = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  );
  await w.clients.core.createNamespacedSecret({
    namespace: 'castai-omni',
    body: { metadata: { name }, data },
  });
}

async function eventsText(): Promise<string> {
  const evs = await w.clients.core.listEventForAllNamespaces();
  return evs.items.map((e) => `${e.reason}: ${e.message}`).join('\n');
}

test('missing permissions end Failed with the permissions listed by name, and nothing is created', async () => {
  w.clouds.aws.revoke(['ec2:CreateVpc', 'iam:CreateUser']);
  try {
    await createLocation(w.clients, 'aws-noperm', { cloud: 'aws', region: 'us-east-1' });
    const o = await waitForState(w.clients, 'aws-noperm', 'Failed');
    const c = condition(o, 'PermissionsOK');
    assert.equal(c?.status, 'False');
    assert.equal(c?.reason, 'MissingPermissions');
    assert.match(c?.message ?? '', /ec2:CreateVpc/);
    assert.match(c?.message ?? '', /iam:CreateUser/);
    assert.equal(w.clouds.aws.inventory.count({ location: 'aws-noperm' }), 0);
    assert.match(await eventsText(), /MissingPermissions: .*ec2:CreateVpc, iam:CreateUser/);
    const check = await omni(w, [
      'edge-location',
      'check-permissions',
      '--cloud',
      'aws',
      '--region',
      'us-east-1',
    ]);
    assert.equal(check.code, 1);
    assert.match(check.out, /missing 2 of \d+ permissions:\n {2}ec2:CreateVpc\n {2}iam:CreateUser/);
    const get = await omni(w, ['edge-location', 'get', 'aws-noperm']);
    assert.match(get.out, /State:\s+Failed/);
  } finally {
    for (const p of ['ec2:CreateVpc', 'iam:CreateUser']) w.clouds.aws.grantedPermissions().add(p);
  }
  // Resumable: once the permissions are granted, a spec change retries it and it becomes Ready.
  await w.clients.custom.patchClusterCustomObject({
    group: GROUP,
    version: VERSION,
    plural: 'edgelocations',
    name: 'aws-noperm',
    body: [{ op: 'add', path: '/spec/aws', value: { accountId: '123456789012' } }],
  });
  await waitForState(w.clients, 'aws-noperm', 'Ready', 20_000);
  const check = await omni(w, [
    'edge-location',
    'check-permissions',
    '--cloud',
    'aws',
    '--region',
    'us-east-1',
  ]);
  assert.equal(check.code, 0, check.out);
  await deleteLocation(w.clients, 'aws-noperm', 15_000);
  assert.equal(w.clouds.aws.inventory.count({ location: 'aws-noperm' }), 0);
});

test('an unknown region or a zone outside the region ends Failed naming the field', async () => {
  await createLocation(w.clients, 'gcp-typo', { cloud: 'gcp', region: 'us-centrl1' });
  await createLocation(w.clients, 'gcp-zone', {
    cloud: 'gcp',
    region: 'us-central1',
    zones: ['us-central1-a', 'europe-west1-b'],
  });
  const typo = condition(await waitForState(w.clients, 'gcp-typo', 'Failed'), 'PermissionsOK');
  assert.equal(typo?.reason, 'InvalidSpec');
  assert.match(typo?.message ?? '', /spec\.region: "us-centrl1" is not a gcp region; closest: us-central1/);
  const zone = condition(await waitForState(w.clients, 'gcp-zone', 'Failed'), 'PermissionsOK');
  assert.match(zone?.message ?? '', /spec\.zones\[1\]: zone "europe-west1-b" is not in us-central1/);
  await deleteLocation(w.clients, 'gcp-typo', 15_000);
  await deleteLocation(w.clients, 'gcp-zone', 15_000);
  assert.equal(w.clouds.gcp.inventory.count(), 0);
});

test('wrong credentials end Failed without the secret appearing anywhere', async () => {
  await putSecret('bad-creds', { principal: 'intruder', secret: 'hunter2-very-secret-value' });
  await createLocation(w.clients, 'oci-bad', {
    cloud: 'oci',
    region: 'us-ashburn-1',
    credentialsSecretRef: { name: 'bad-creds' },
  });
  const o = await waitForState(w.clients, 'oci-bad', 'Failed');
  const c = condition(o, 'PermissionsOK');
  assert.equal(c?.reason, 'InvalidCredentials');
  assert.match(c?.message ?? '', /rejected/);
  assert.doesNotMatch(JSON.stringify(o), /hunter2/);
  assert.doesNotMatch(await eventsText(), /hunter2/);
  assert.doesNotMatch(w.logs.join(''), /hunter2/);
  await deleteLocation(w.clients, 'oci-bad', 15_000);
});

test('a missing credentials Secret keeps the location PendingOnboarding until it exists', async () => {
  await createLocation(w.clients, 'oci-wait', {
    cloud: 'oci',
    region: 'us-ashburn-1',
    credentialsSecretRef: { name: 'later' },
  });
  const o = await waitFor(
    'SecretNotFound',
    () => getLocation(w.clients, 'oci-wait'),
    (x) => condition(x, 'PermissionsOK')?.reason === 'SecretNotFound',
  );
  assert.equal(o?.status?.state, 'PendingOnboarding');
  await deleteLocation(w.clients, 'oci-wait', 15_000);
});

test('referenced credentials onboard the location; no secret value reaches status, events or logs', async () => {
  const root = w.clouds.oci.rootCredentials;
  const rootSecret = root.reveal().secret;
  await putSecret('oci-admin', { principal: root.principal, secret: rootSecret });
  await createLocation(w.clients, 'oci-ok', {
    cloud: 'oci',
    region: 'us-ashburn-1',
    credentialsSecretRef: { name: 'oci-admin' },
  });
  const o = await waitForState(w.clients, 'oci-ok', 'Ready', 20_000);
  const key = await w.clients.core.readNamespacedSecret({
    name: 'edge-location-oci-ok-credentials',
    namespace: 'castai-omni',
  });
  const keySecret = Buffer.from(key.data!.secret, 'base64').toString();
  const kube = await w.clients.core.readNamespacedSecret({
    name: 'edge-location-oci-ok-kubeconfig',
    namespace: 'castai-omni',
  });
  const edgeToken = /token: (\S+)/.exec(Buffer.from(kube.data!.kubeconfig, 'base64').toString())?.[1] ?? '';
  assert.ok(keySecret.length >= 16 && edgeToken.length > 8);
  const ca = await w.clients.core.readNamespacedSecret({ name: 'omni-tunnel-ca', namespace: 'castai-omni' });
  const caKey = Buffer.from(ca.data!['ca.key'], 'base64').toString().split('\n')[1];
  const everywhere = [JSON.stringify(o), await eventsText(), w.logs.join('')].join('\n');
  for (const secret of [rootSecret, keySecret, edgeToken, caKey])
    assert.ok(!everywhere.includes(secret), 'a secret leaked');
  // The location's own identity (not the admin credentials) reaches the cloud for its nodes.
  assert.notEqual(w.ready.get('oci-ok')?.provider, undefined);
  await deleteLocation(w.clients, 'oci-ok', 15_000);
  const left = await w.clients.core.listNamespacedSecret({ namespace: 'castai-omni' });
  // The tunnel's CA and hub certificate belong to no location: they stay too.
  const kept = ['bad-creds', 'oci-admin', 'omni-hub-tls', 'omni-tunnel-ca'];
  assert.deepEqual(
    left.items.map((s) => s.metadata?.name).sort(),
    kept,
    "the user's Secrets stay, the location's go",
  );
});

test('deletion waits until the location has no NodeClaims', async () => {
  await createLocation(w.clients, 'gcp-busy', {
    cloud: 'gcp',
    region: 'us-central1',
    zones: ['us-central1-a'],
  });
  await waitForState(w.clients, 'gcp-busy', 'Ready', 20_000);
  const claim = {
    apiVersion: `${GROUP}/${VERSION}`,
    kind: 'NodeClaim',
    metadata: { name: 'busy-1' },
    spec: {
      nodeTemplate: 'gpu',
      location: 'gcp-busy',
      cloud: 'gcp',
      region: 'us-central1',
      zone: 'us-central1-a',
      instanceType: 'g2-standard-8',
      lifecycle: 'spot',
      pricePerHour: 0.3,
    },
  };
  await w.clients.custom.createClusterCustomObject({
    group: GROUP,
    version: VERSION,
    plural: 'nodeclaims',
    body: claim,
  });
  await w.clients.custom.deleteClusterCustomObject({
    group: GROUP,
    version: VERSION,
    plural: 'edgelocations',
    name: 'gcp-busy',
  });
  await waitForState(w.clients, 'gcp-busy', 'Offboarding');
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(await getLocation(w.clients, 'gcp-busy'), 'still there while a NodeClaim is');
  assert.ok(w.clouds.gcp.inventory.count({ location: 'gcp-busy' }) > 0, 'nothing torn down yet');
  assert.ok(w.removed.includes('gcp-busy'), 'no new nodes go there');
  assert.match(await eventsText(), /WaitingForNodes: waiting for 1 NodeClaims/);
  await w.clients.custom.deleteClusterCustomObject({
    group: GROUP,
    version: VERSION,
    plural: 'nodeclaims',
    name: 'busy-1',
  });
  await waitFor(
    'gone',
    () => getLocation(w.clients, 'gcp-busy'),
    (o) => o === undefined,
    15_000,
  );
  assert.equal(w.clouds.gcp.inventory.count({ location: 'gcp-busy' }), 0);
});

test('a cloud that refuses the teardown (instances still run) blocks deletion with a Warning until they are gone', async () => {
  await createLocation(w.clients, 'gcp-inst', {
    cloud: 'gcp',
    region: 'us-central1',
    zones: ['us-central1-a'],
  });
  await waitForState(w.clients, 'gcp-inst', 'Ready', 20_000);
  const edge = w.ready.get('gcp-inst')!;
  const offers = await edge.provider.listOfferings({
    region: 'us-central1',
    zones: ['us-central1-a'],
    lifecycle: 'on-demand',
  });
  const offer = offers.find((o) => o.available && o.gpuCount === 0)!;
  const { instance } = await edge.provider.launch({
    offerings: [offer],
    userData: '#!/bin/bash\n',
    tags: { clusterId: 'test-cluster', edgeLocation: 'gcp-inst' },
  });
  await w.clients.custom.deleteClusterCustomObject({
    group: GROUP,
    version: VERSION,
    plural: 'edgelocations',
    name: 'gcp-inst',
  });
  await waitFor('blocked', eventsText, (t) =>
    /OffboardingBlocked: .*instances still run in gcp-inst/.test(t),
  );
  assert.ok(await getLocation(w.clients, 'gcp-inst'));
  await edge.provider.terminate('us-central1', instance.id);
  await waitFor(
    'gone',
    () => getLocation(w.clients, 'gcp-inst'),
    (o) => o === undefined,
    15_000,
  );
  assert.equal(w.clouds.gcp.inventory.count({ location: 'gcp-inst' }), 0);
});
