import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startAutoscaler, type Autoscaler, type NodeClaimObject } from '../../src/controllers/autoscaler/index.ts';
import { systemClock } from '../../src/kube/index.ts';
import { eventually } from '../../kube-sim/test/helpers.ts';
import { silentLog, startMainWorld, type MainWorld } from '../support/main-world.ts';

let w: MainWorld;
let a: Autoscaler;

before(async () => {
  w = await startMainWorld({ nodes: 0 });
  await w.clients.custom.createClusterCustomObject({
    group: 'omni.cast.ai',
    version: 'v1alpha1',
    plural: 'nodetemplates',
    body: { apiVersion: 'omni.cast.ai/v1alpha1', kind: 'NodeTemplate', metadata: { name: 'spot' }, spec: { constraints: { spot: true, onDemand: false, instanceFamilies: { include: ['m5', 'c5'] } } } },
  });
  a = await startAutoscaler({ clients: w.clients, catalog: w.catalog, locations: w.locations, clusterId: 'spot-test', main: { cloud: 'aws', region: 'us-east-1' }, clock: systemClock, log: silentLog, options: { manual: true, emptyGraceSeconds: 1 } });
});
after(async () => {
  await a.stop();
  await w.stop();
});

const claims = async () => ((await w.clients.custom.listClusterCustomObject({ group: 'omni.cast.ai', version: 'v1alpha1', plural: 'nodeclaims' })) as { items: NodeClaimObject[] }).items;
const running = async () => (await w.clients.core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=batch' })).items.filter((p) => p.status?.phase === 'Running' && p.spec?.nodeName);
const settle = async (until: () => Promise<boolean>) =>
  eventually(async () => {
    await a.reconcileOnce();
    await w.tick();
    return until();
  }, 30_000, 200);

test('a Spot interruption storm: every interrupted node is replaced and its pods run again', { timeout: 120_000 }, async () => {
  await w.clients.apps.createNamespacedDeployment({
    namespace: 'default',
    body: {
      metadata: { name: 'batch' },
      spec: { replicas: 4, selector: { matchLabels: { app: 'batch' } }, template: { metadata: { labels: { app: 'batch' } }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '1500m', memory: '1Gi' } } }] } } },
    },
  });
  await settle(async () => (await running()).length === 4);
  const before = await claims();
  assert.ok(before.length >= 1 && before.every((c) => c.spec.lifecycle === 'spot'));
  for (const c of before) w.clouds.aws.interrupt(c.status!.instanceId!);
  await settle(async () => {
    const now = await claims();
    const replaced = before.every((old) => !now.some((c) => c.metadata?.name === old.metadata?.name));
    return replaced && now.length >= 1 && (await running()).length === 4;
  });
  const pods = await running();
  const old = new Set(before.map((c) => c.metadata!.name!));
  assert.ok(pods.every((p) => !old.has(p.spec!.nodeName!)), 'no pod runs on an interrupted node');
  assert.ok(a.metrics.registry.getSingleMetric('omni_autoscaler_spot_interruptions_total'));
});
