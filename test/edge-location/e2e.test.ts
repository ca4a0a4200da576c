// End to end in the embedded world: three edge locations (aws with kubectl, gcp with the CLI, oci
// with the client) become Ready, and deleting them leaves no cloud object and no edge cluster.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { GROUP, VERSION } from '../../src/apis/index.ts';
import { omni } from './cli-harness.ts';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeUserData } from '../../src/clouds/join.ts';
import { MutableLocationRegistry } from '../../src/controllers/autoscaler/targets.ts';
import { registryListener } from '../../src/controllers/edge-location/index.ts';
import { loadKubeConfig, makeClients } from '../../src/kube/index.ts';
import {
  CLUSTER_ID,
  createLocation,
  getLocation,
  kubectl,
  startWorld,
  waitFor,
  waitForState,
  type Obj,
  type World,
} from './world.ts';

let w: World;

before(async () => {
  w = await startWorld();
  w.start();
});

after(async () => {
  await w?.stop();
});

const EXPECTED: Record<string, Record<string, number>> = {
  // The snapshot lists no zones for us-east-1, so no subnets are made there.
  aws: {
    vpc: 1,
    'internet-gateway': 1,
    'route-table': 1,
    'security-group': 1,
    'iam-user': 1,
    'iam-user-policy': 1,
    'access-key': 1,
  },
  gcp: {
    network: 1,
    subnetwork: 1,
    firewall: 2,
    'service-account': 1,
    'role-binding': 2,
    'service-account-key': 1,
  },
  oci: {
    vcn: 1,
    subnet: 1,
    'internet-gateway': 1,
    'route-table': 1,
    'security-list': 1,
    user: 1,
    group: 1,
    'group-membership': 1,
    policy: 1,
    'api-key': 1,
  },
};

const LOCATIONS = [
  { name: 'aws-use1', cloud: 'aws' as const, region: 'us-east-1' },
  { name: 'gcp-usc1', cloud: 'gcp' as const, region: 'us-central1' },
  { name: 'oci-iad', cloud: 'oci' as const, region: 'us-ashburn-1' },
];

async function expectReady(l: (typeof LOCATIONS)[number]): Promise<void> {
  const o = await waitForState(w.clients, l.name, 'Ready', 20_000);
  const { status = {}, metadata = {} } = o;
  assert.deepEqual(
    status.conditions?.map((c) => c.status),
    ['True', 'True', 'True', 'True', 'True'],
  );
  assert.deepEqual(w.clouds[l.cloud].inventory.countByKind(l.name), EXPECTED[l.cloud], l.name);
  // every object's id is recorded in status.resources
  const recorded = Object.values(status.resources ?? {});
  for (const obj of w.clouds[l.cloud].inventory.list({ location: l.name }))
    assert.ok(recorded.includes(obj.id), `${obj.kind} ${obj.id} recorded`);
  assert.deepEqual(metadata.finalizers, ['omni.cast.ai/edge-location']);
  const edge = w.ready.get(l.name);
  assert.deepEqual(
    [edge?.cloud, edge?.join.endpoint],
    [l.cloud, status.edgeClusterEndpoint],
    `${l.name} announced`,
  );
}

test('three edge locations (kubectl, CLI, client) all become Ready with one of every cloud object', async () => {
  const manifest = JSON.stringify({
    apiVersion: `${GROUP}/${VERSION}`,
    kind: 'EdgeLocation',
    metadata: { name: 'aws-use1' },
    spec: { cloud: 'aws', region: 'us-east-1' },
  });
  await kubectl(w, ['apply', '-f', '-'], manifest);
  const cli = omni(w, [
    'edge-location',
    'create',
    'gcp-usc1',
    '--cloud',
    'gcp',
    '--region',
    'us-central1',
    '--zones',
    'us-central1-a,us-central1-b',
    '--wait',
  ]);
  await createLocation(w.clients, 'oci-iad', {
    cloud: 'oci',
    region: 'us-ashburn-1',
    zones: ['US-ASHBURN-AD-1'],
  });
  const res = await cli;
  assert.equal(res.code, 0, res.err + res.out);
  for (const step of ['PermissionsOK', 'NetworkReady', 'IdentityReady', 'EdgeClusterReady'])
    assert.match(res.out, new RegExp(`✓ ${step}`));
  assert.match(res.out, /EdgeLocation gcp-usc1 is Ready/);
  for (const l of LOCATIONS) await expectReady(l);
  assert.equal(w.edgeClusters.running().size, 3);
  const gcp = w.ready.get('gcp-usc1')!;
  assert.deepEqual(gcp.zones, ['us-central1-a', 'us-central1-b']);
  assert.equal(gcp.placement.networkName, 'castai-omni-gcp-usc1');
  assert.deepEqual(Object.keys(gcp.placement.subnetIds ?? {}).sort(), ['us-central1-a', 'us-central1-b']);
});

test('the edge cluster answers with the kubeconfig stored in castai-omni, and its join token works', async () => {
  const secret = await w.clients.core.readNamespacedSecret({
    name: 'edge-location-gcp-usc1-kubeconfig',
    namespace: 'castai-omni',
  });
  const yaml = Buffer.from(secret.data!.kubeconfig, 'base64').toString('utf8');
  const file = join(tmpdir(), `edge-kubeconfig-${process.pid}`);
  writeFileSync(file, yaml, { mode: 0o600 });
  const out = await kubectl(w, ['--kubeconfig', file, 'get', 'namespaces', '-o', 'name']);
  assert.match(out, /namespace\/default/);
  const edge = w.ready.get('gcp-usc1')!;
  await edge.deleteNode('no-such-node'); // idempotent
  // A ReadyEdge is what the autoscaler's registry takes.
  const registry = new MutableLocationRegistry({ ...edge, name: 'main' });
  const listener = registryListener(registry);
  listener.onReady(edge);
  assert.equal(registry.edge('gcp-usc1')?.join.endpoint, edge.join.endpoint);
  listener.onRemoved('gcp-usc1');
  assert.equal(registry.edge('gcp-usc1'), undefined);
  const creds = await w.clients.core.readNamespacedSecret({
    name: 'edge-location-gcp-usc1-credentials',
    namespace: 'castai-omni',
  });
  assert.ok(creds.data?.keyId, 'identity key stored');
  assert.equal(creds.metadata?.labels?.['omni.cast.ai/edge-location'], 'gcp-usc1');
});

test('the EdgeNodeConfiguration is owned by its location and edits are put back', async () => {
  const get = async () =>
    (await w.clients.custom.getClusterCustomObject({
      group: GROUP,
      version: VERSION,
      plural: 'edgenodeconfigurations',
      name: 'oci-iad',
    })) as Obj & { spec: { image: string; bootDiskSizeGiB: number } };
  const cfg = await get();
  assert.equal(cfg.metadata?.ownerReferences?.[0]?.kind, 'EdgeLocation');
  assert.equal(cfg.metadata?.ownerReferences?.[0]?.name, 'oci-iad');
  const original = cfg.spec.image;
  await w.clients.custom.replaceClusterCustomObject({
    group: GROUP,
    version: VERSION,
    plural: 'edgenodeconfigurations',
    name: 'oci-iad',
    body: { ...cfg, spec: { ...cfg.spec, image: 'my-own-image', bootDiskSizeGiB: 500 } },
  });
  const restored = await waitFor(
    'edit put back',
    get,
    (c) => c.spec.image === original && c.spec.bootDiskSizeGiB === 100,
  );
  assert.equal(restored.spec.image, original);
});

test('an edge node launched with the identity and join data of the location registers in its edge cluster', async () => {
  const edge = w.ready.get('gcp-usc1')!;
  const offers = await edge.provider.listOfferings({
    region: edge.region,
    zones: edge.zones,
    lifecycle: 'on-demand',
  });
  // OCI Flex shapes (VM.Standard.E4.Flex$_2_8) make an invalid instance-type label in the sim's Node today.
  const plain = (o: (typeof offers)[number]) =>
    o.available && o.gpuCount === 0 && o.arch === 'amd64' && /^[\w.-]+$/.test(o.instanceType);
  const offer = offers.filter(plain).sort((a, b) => a.pricePerHour - b.pricePerHour)[0];
  const userData = encodeUserData({
    role: 'agent',
    clusterEndpoint: edge.join.endpoint,
    caData: edge.join.caData,
    bootstrapToken: edge.join.token,
    nodeName: 'gcp-usc1-node-1',
    labels: {},
    taints: [],
    installGpuDriver: false,
  });
  const { instance } = await edge.provider.launch({
    offerings: [offer],
    userData,
    tags: { clusterId: CLUSTER_ID, edgeLocation: 'gcp-usc1', nodeClaim: 'nc-1' },
    placement: edge.placement,
  });
  await w.clouds.gcp.tick();
  assert.equal(w.clouds.gcp.bootErrorOf(instance.id), undefined);
  const edgeClients = makeClients(loadKubeConfig({ yaml: edge.kubeconfigYaml }));
  const node = await edgeClients.core.readNode({ name: 'gcp-usc1-node-1' });
  assert.equal(node.metadata?.labels?.['omni.cast.ai/edge-location-name'] ?? 'gcp-usc1', 'gcp-usc1');
  await edge.provider.terminate(edge.region, instance.id);
  await edge.deleteNode('gcp-usc1-node-1');
  await assert.rejects(edgeClients.core.readNode({ name: 'gcp-usc1-node-1' }));
});

test('list and get show the locations', async () => {
  const list = await omni(w, ['edge-location', 'list']);
  assert.equal(list.code, 0);
  for (const l of LOCATIONS)
    assert.match(list.out, new RegExp(`${l.name}\\s+${l.cloud}\\s+${l.region}.*Ready\\s+5/5`));
  const get = await omni(w, ['edge-location', 'get', 'oci-iad']);
  assert.match(get.out, /State:\s+Ready/);
  assert.match(get.out, /vcn\/castai-omni-oci-iad/);
  const json = await omni(w, ['edge-location', 'get', 'oci-iad', '-o', 'json']);
  assert.equal(JSON.parse(json.out).status.state, 'Ready');
});

test('delete tears down the edge cluster, every cloud object and the Secrets of the locations', async () => {
  const cli = await omni(w, ['edge-location', 'delete', 'gcp-usc1', '--wait']);
  assert.equal(cli.code, 0, cli.out + cli.err);
  assert.match(cli.out, /deleted/);
  await kubectl(w, ['delete', 'edgelocation', 'aws-use1', '--wait=false']);
  await w.clients.custom.deleteClusterCustomObject({
    group: GROUP,
    version: VERSION,
    plural: 'edgelocations',
    name: 'oci-iad',
  });
  for (const l of LOCATIONS) {
    await waitFor(
      `${l.name} gone`,
      () => getLocation(w.clients, l.name),
      (o) => o === undefined,
      20_000,
    );
    assert.equal(
      w.clouds[l.cloud].inventory.count({ location: l.name }),
      0,
      `${l.name} leaves no cloud object`,
    );
    assert.ok(w.removed.includes(l.name));
  }
  assert.equal(w.edgeClusters.running().size, 0);
  const secrets = await w.clients.core.listNamespacedSecret({ namespace: 'castai-omni' });
  // The tunnel's CA and hub certificate belong to no location: they stay.
  assert.deepEqual(secrets.items.map((s) => s.metadata?.name).sort(), ['omni-hub-tls', 'omni-tunnel-ca']);
  const configs = (await w.clients.custom.listClusterCustomObject({
    group: GROUP,
    version: VERSION,
    plural: 'edgenodeconfigurations',
  })) as { items: unknown[] };
  assert.equal(configs.items.length, 0);
});
