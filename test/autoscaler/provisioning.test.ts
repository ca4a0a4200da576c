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
});
