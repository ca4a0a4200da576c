// `omni controller --leader-elect` as installed (two replicas): the second replica starts no controller
// until the first hands the Lease over. The real composition root, on kube-sim, with a simulated main cloud.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startKubeSim, type KubeSim } from '../../kube-sim/src/index.ts';
import { loadEmbeddedCatalog } from '../../src/catalog/index.ts';
import { createSimClouds } from '../../src/clouds/sim/index.ts';
import { loadKubeConfig, makeClients, makeLogger, systemClock } from '../../src/kube/index.ts';
import { runControllers, type ControllerOptions } from '../../src/world/real-cluster.ts';

let sim: KubeSim;
let options: (identity: string) => ControllerOptions;

before(async () => {
  sim = await startKubeSim();
  const kc = loadKubeConfig({ yaml: sim.kubeconfigYaml });
  await makeClients(kc).core.createNamespace({ body: { metadata: { name: 'castai-omni' } } });
  const catalog = await loadEmbeddedCatalog();
  const clouds = createSimClouds({ catalog, clock: systemClock });
  options = (identity) => ({
    kc,
    main: { cloud: 'aws', region: 'us-east-1' },
    clusterId: 'replicas-test',
    join: { endpoint: 'https://127.0.0.1:6443', caData: '', token: '' },
    leaderElection: { namespace: 'castai-omni', name: 'omni-controller', identity },
    mainCloud: clouds.aws,
    metricsPort: 0,
    healthPort: 0,
    log: makeLogger('controller-replicas-test', 'silent'),
  });
});

after(async () => {
  await sim.stop();
});

test('the second replica starts its controllers only once the first hands the Lease over', async () => {
  const a = await runControllers(options('replica-a'));
  const lease = await makeClients(options('x').kc).coordination.readNamespacedLease({
    name: 'omni-controller',
    namespace: 'castai-omni',
  });
  assert.equal(lease.spec?.holderIdentity, 'replica-a');
  const got: { b?: Awaited<ReturnType<typeof runControllers>> } = {};
  const b = runControllers(options('replica-b')).then((r) => (got.b = r));
  await new Promise((r) => setTimeout(r, 2500));
  assert.equal(got.b, undefined, 'replica-b stands by');
  await a.stop();
  const started = Date.now();
  const rb = await b;
  assert.ok(Date.now() - started < 10_000, 'handed over, not expired');
  const now = await makeClients(options('x').kc).coordination.readNamespacedLease({
    name: 'omni-controller',
    namespace: 'castai-omni',
  });
  assert.equal(now.spec?.holderIdentity, 'replica-b');
  assert.ok(rb.ended, 'replica-b is told if it loses the Lease');
  await rb.stop();
});
