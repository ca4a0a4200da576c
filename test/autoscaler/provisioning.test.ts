import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startAutoscaler, type Autoscaler, type NodeClaimObject } from '../../src/controllers/autoscaler/index.ts';
import { systemClock } from '../../src/kube/index.ts';
import { eventually } from '../../kube-sim/test/helpers.ts';
import { silentLog, startMainWorld, type MainWorld } from '../support/main-world.ts';

const TEMPLATE = {
  apiVersion: 'omni.cast.ai/v1alpha1',
  kind: 'NodeTemplate',
  metadata: { name: 'default' },
  spec: { constraints: { onDemand: true, spot: false, instanceFamilies: { include: ['m5', 'c5', 'r5'] } } },
};

function deployment(name: string, replicas: number, cpu: string) {
  return {
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'app:1', resources: { requests: { cpu, memory: '1Gi' } } }] } },
    },
  };
}

describe('autoscaler in the embedded world', () => {
  let w: MainWorld;
  let a: Autoscaler;
  before(async () => {
    w = await startMainWorld({ nodes: 1 });
    await w.clients.custom.createClusterCustomObject({ group: 'omni.cast.ai', version: 'v1alpha1', plural: 'nodetemplates', body: TEMPLATE });
    a = await startAutoscaler({
      clients: w.clients,
      catalog: w.catalog,
      locations: w.locations,
      clusterId: 'test-cluster',
      main: { cloud: 'aws', region: 'us-east-1' },
      clock: systemClock,
      log: silentLog,
      options: { manual: true, emptyGraceSeconds: 1 },
    });
  });
  after(async () => {
    await a.stop();
    await w.stop();
  });

  const claims = async () => ((await w.clients.custom.listClusterCustomObject({ group: 'omni.cast.ai', version: 'v1alpha1', plural: 'nodeclaims' })) as { items: NodeClaimObject[] }).items;
  const runningPods = async (app: string) => (await w.clients.core.listNamespacedPod({ namespace: 'default', labelSelector: `app=${app}` })).items.filter((p) => p.status?.phase === 'Running');

  it('turns Unschedulable pods into the cheapest nodes, which register and run them', async () => {
    await w.clients.apps.createNamespacedDeployment({ namespace: 'default', body: deployment('web', 6, '1500m') });
    await eventually(() => a.view.pods.list().filter((p) => p.status?.conditions?.some((c) => c.reason === 'Unschedulable')).length >= 3);
    const pass = await a.reconcileOnce();
    assert.ok(pass.launched.length >= 1, JSON.stringify(pass.plan.unschedulable));
    const made = await claims();
    assert.ok(made.length >= pass.launched.length);
    for (const c of made) {
      assert.equal(c.spec.location, 'main');
      assert.match(c.spec.instanceType, /^(m5|c5|r5)/);
      assert.ok(c.status?.instanceId);
      assert.ok(c.metadata?.annotations?.['omni.cast.ai/decision']);
    }
    await w.tick();
    const allReady = async () => (await claims()).every((c) => c.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'));
    await eventually(async () => {
      await a.reconcileOnce();
      await w.tick();
      return (await runningPods('web')).length === 6 && (await allReady());
    }, 20_000, 200);
    const ready = await claims();
    const node = await w.clients.core.readNode({ name: ready[0].metadata!.name! });
    assert.equal(node.metadata?.labels?.['omni.cast.ai/lifecycle'], 'on-demand');
    assert.equal(node.metadata?.labels?.['scheduling.cast.ai/node-template'], 'default');
  });

  it('does not make a second node for pods that fit on nodes already being made', async () => {
    const before = (await claims()).length;
    await a.reconcileOnce();
    assert.equal((await claims()).length, before);
  });

  it('removes nodes that became empty and leaves no instance behind', async () => {
    await w.clients.apps.patchNamespacedDeploymentScale({ name: 'web', namespace: 'default', body: [{ op: 'replace', path: '/spec/replicas', value: 0 }] });
    await eventually(async () => (await w.clients.core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=web' })).items.length === 0, 20_000);
    await eventually(async () => {
      await a.reconcileOnce();
      await w.tick();
      return (await claims()).length === 0;
    }, 20_000, 200);
    const live = await w.clouds.aws.listInstances({ clusterId: 'test-cluster' });
    assert.deepEqual(live.filter((i) => i.state !== 'terminated').map((i) => i.id), []);
  });

  it('marks an offering without capacity unavailable, plans again, and explains pods that cannot be placed', async () => {
    await w.clients.custom.createClusterCustomObject({
      group: 'omni.cast.ai',
      version: 'v1alpha1',
      plural: 'nodetemplates',
      body: { apiVersion: 'omni.cast.ai/v1alpha1', kind: 'NodeTemplate', metadata: { name: 'a100' }, spec: { constraints: { gpu: { names: ['A100'], minCount: 1 } } } },
    });
    await w.clients.core.createNamespacedPod({
      namespace: 'default',
      body: {
        metadata: { name: 'trainer' },
        spec: { nodeSelector: { 'scheduling.cast.ai/node-template': 'a100' }, containers: [{ name: 'c', image: 'x', resources: { requests: { 'nvidia.com/gpu': '1' }, limits: { 'nvidia.com/gpu': '1' } } }] },
      },
    });
    await eventually(() => a.view.pods.get('trainer', 'default')?.status?.conditions?.some((c) => c.reason === 'Unschedulable'));
    const first = await a.reconcileOnce();
    assert.ok(first.capacityErrors >= 1, 'aws us-east-1 has no A100 capacity in the simulation');
    assert.ok(a.metrics.registry.getSingleMetric('omni_autoscaler_capacity_errors_total'));
    let last = first;
    for (let i = 0; i < 5 && last.plan.unschedulable.length === 0; i++) last = await a.reconcileOnce();
    const reason = last.plan.unschedulable.find((u) => u.pod === 'default/trainer');
    assert.ok(reason, JSON.stringify(last.plan));
    assert.match(reason.reason, /capacity|unavailable/i);
    await eventually(async () => {
      const evs = await w.clients.core.listNamespacedEvent({ namespace: 'default', fieldSelector: 'involvedObject.name=trainer' });
      return evs.items.some((e) => e.reason === 'NotProvisioned');
    });
    assert.equal((await claims()).filter((c) => c.spec.nodeTemplate === 'a100').length, 0);
  });

  it('scales a CPU Deployment 0→200→0: nodes appear, then all go away after the grace period, no instance left', { timeout: 180_000 }, async () => {
    await w.clients.apps.createNamespacedDeployment({ namespace: 'default', body: deployment('wide', 0, '250m') });
    await w.clients.apps.patchNamespacedDeploymentScale({ name: 'wide', namespace: 'default', body: [{ op: 'replace', path: '/spec/replicas', value: 200 }] });
    const wide = async () => (await w.clients.core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=wide' })).items;
    await eventually(async () => {
      await a.reconcileOnce();
      await w.tick();
      const pods = await wide();
      return pods.length === 200 && pods.every((p) => p.status?.phase === 'Running');
    }, 120_000, 250);
    const made = (await claims()).filter((c) => c.spec.nodeTemplate === 'default');
    assert.ok(made.length > 0 && made.every((c) => /^(m5|c5|r5)/.test(c.spec.instanceType)));
    await w.clients.apps.patchNamespacedDeploymentScale({ name: 'wide', namespace: 'default', body: [{ op: 'replace', path: '/spec/replicas', value: 0 }] });
    await eventually(async () => {
      await a.reconcileOnce();
      await w.tick();
      return (await wide()).length === 0 && (await claims()).filter((c) => c.spec.nodeTemplate === 'default').length === 0;
    }, 120_000, 250);
    const live = (await w.clouds.aws.listInstances({ clusterId: 'test-cluster' })).filter((i) => i.state !== 'terminated' && i.tags.nodeTemplate === 'default');
    assert.deepEqual(live.map((i) => i.id), []);
  });
});
