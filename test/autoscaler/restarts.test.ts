import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startAutoscaler, type Autoscaler, type AutoscalerOptions, type NodeClaimObject } from '../../src/controllers/autoscaler/index.ts';
import { systemClock } from '../../src/kube/index.ts';
import { eventually } from '../../kube-sim/test/helpers.ts';
import { silentLog, startMainWorld } from '../support/main-world.ts';

/** A small seeded generator so the kill moments repeat run to run. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

test('killing the controller at random moments during scale-ups leaves no duplicate node and no leaked instance', { timeout: 240_000 }, async () => {
  const w = await startMainWorld({ nodes: 0 });
  const options: AutoscalerOptions = { tickSeconds: 0.1, batchSeconds: 0.1, emptyGraceSeconds: 3600, gcEverySeconds: 0.5, gcMinAgeSeconds: 1, launchTimeoutSeconds: 1 };
  const start = () => startAutoscaler({ clients: w.clients, catalog: w.catalog, locations: w.locations, clusterId: 'crash', main: { cloud: 'aws', region: 'us-east-1' }, clock: systemClock, log: silentLog, options });
  const random = seeded(42);
  await w.clients.custom.createClusterCustomObject({ group: 'omni.cast.ai', version: 'v1alpha1', plural: 'nodetemplates', body: { apiVersion: 'omni.cast.ai/v1alpha1', kind: 'NodeTemplate', metadata: { name: 'default' }, spec: { constraints: { instanceFamilies: { include: ['c5'] } } } } });
  await w.clients.apps.createNamespacedDeployment({
    namespace: 'default',
    body: { metadata: { name: 'grow' }, spec: { replicas: 0, selector: { matchLabels: { app: 'grow' } }, template: { metadata: { labels: { app: 'grow' } }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '1500m', memory: '1Gi' } } }] } } } },
  });
  const scaleUps = 50;
  let a: Autoscaler | undefined;
  for (let i = 1; i <= scaleUps; i++) {
    await w.clients.apps.patchNamespacedDeploymentScale({ name: 'grow', namespace: 'default', body: [{ op: 'replace', path: '/spec/replicas', value: i }] });
    a = await start();
    await new Promise((r) => setTimeout(r, random() * 400));
    await a.stop();
    await w.tick();
  }
  a = await start();
  const claims = async () => ((await w.clients.custom.listClusterCustomObject({ group: 'omni.cast.ai', version: 'v1alpha1', plural: 'nodeclaims' })) as { items: NodeClaimObject[] }).items;
  await eventually(async () => {
    await w.tick();
    const pods = (await w.clients.core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=grow' })).items;
    return pods.length === scaleUps && pods.every((p) => p.status?.phase === 'Running');
  }, 120_000, 250);
  // Let garbage collection see every claim and instance settle.
  await eventually(async () => {
    await w.tick();
    const live = (await w.clouds.aws.listInstances({ clusterId: 'crash' })).filter((x) => x.state !== 'terminated');
    const names = new Set((await claims()).map((c) => c.metadata!.name!));
    return live.every((x) => x.tags.nodeClaim && names.has(x.tags.nodeClaim)) && live.length === names.size;
  }, 60_000, 250);
  await a.stop();
  const live = (await w.clouds.aws.listInstances({ clusterId: 'crash' })).filter((x) => x.state !== 'terminated');
  const perClaim = new Map<string, number>();
  for (const x of live) perClaim.set(x.tags.nodeClaim!, (perClaim.get(x.tags.nodeClaim!) ?? 0) + 1);
  assert.ok([...perClaim.values()].every((n) => n === 1), 'one instance per NodeClaim');
  const nodes = (await w.clients.core.listNode()).items.filter((n) => n.metadata?.labels?.['omni.cast.ai/node-claim']);
  assert.equal(nodes.length, live.length, 'one node per instance');
  // c5.large holds one 1500m pod: anything beyond one node per pod would be a duplicate.
  assert.ok(nodes.length <= scaleUps, `${nodes.length} nodes for ${scaleUps} pods`);
  await w.stop();
});
