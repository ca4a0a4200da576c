// The real NodeRegistrar over @kubernetes/client-node against kube-sim over HTTPS: a simulated
// instance boots from its user data and its Node appears in (and leaves) the cluster it names.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startKubeSim } from '../../kube-sim/src/index.ts';
import type { KubeSim } from '../../kube-sim/src/index.ts';
import { encodeUserData } from '../../src/clouds/join.ts';
import { KubeNodeRegistrar } from '../../src/clouds/registrar.ts';
import { joinContract, simCloud } from './helpers.ts';

describe('KubeNodeRegistrar against kube-sim', () => {
  let cluster: KubeSim;
  let core: CoreV1Api;

  before(async () => {
    cluster = await startKubeSim({ name: 'edge' });
    const kc = new KubeConfig();
    kc.loadFromString(cluster.kubeconfigYaml);
    core = kc.makeApiClient(CoreV1Api);
  });

  after(async () => {
    await cluster.stop();
  });

  it('registers a booted GPU instance as a Node with GPU capacity, then removes it on terminate', async () => {
    const { sim, clock } = simCloud('aws', { registrar: new KubeNodeRegistrar() });
    const join = joinContract({
      clusterEndpoint: cluster.url,
      caData: Buffer.from(cluster.caPem).toString('base64'),
      bootstrapToken: cluster.token,
      nodeName: 'edge-gpu-1',
      installGpuDriver: true,
      taints: [{ key: 'virtual-node.omni.cast.ai/not-allowed', value: 'true', effect: 'NoExecute' }],
    });
    const r = await sim.launch({
      offerings: [{ region: 'us-west-2', zone: 'us-west-2a', instanceType: 'g5.xlarge', lifecycle: 'spot' }],
      userData: encodeUserData(join),
      tags: { clusterId: 'c1', nodeClaim: 'edge-gpu-1', edgeLocation: 'aws-west' },
    });
    clock.advance(10_000);
    await sim.tick();
    assert.equal(sim.bootErrorOf(r.instance.id), undefined);
    const node = await core.readNode({ name: 'edge-gpu-1' });
    const { metadata = {}, spec = {}, status = {} } = node;
    const labels = metadata.labels ?? {};
    assert.deepEqual(metadata.annotations, { 'kube-sim.omni.cast.ai/simulated': 'true' });
    assert.deepEqual(
      [labels['nvidia.com/gpu.product'], labels['omni.cast.ai/edge-location-name']],
      ['A10G', 'aws-west'],
    );
    assert.equal(spec.providerID, `castai-omni://aws-west/${r.instance.id}`);
    assert.equal(status.capacity?.['nvidia.com/gpu'], '1');
    assert.deepEqual(JSON.parse(JSON.stringify(spec.taints)), [
      { key: 'virtual-node.omni.cast.ai/not-allowed', value: 'true', effect: 'NoExecute' },
    ]);

    await sim.terminate('us-west-2', r.instance.id);
    await assert.rejects(
      core.readNode({ name: 'edge-gpu-1' }),
      (e: unknown) => (e as { code?: number }).code === 404,
    );
  });

  it('a wrong bootstrap token leaves the instance unregistered with the reason, and no token in it', async () => {
    const { sim, clock } = simCloud('aws', { registrar: new KubeNodeRegistrar() });
    const join = joinContract({
      clusterEndpoint: cluster.url,
      caData: Buffer.from(cluster.caPem).toString('base64'),
      bootstrapToken: 'wrong-token-123',
      nodeName: 'edge-2',
    });
    const r = await sim.launch({
      offerings: [
        { region: 'us-east-1', zone: 'us-east-1a', instanceType: 'm5.large', lifecycle: 'on-demand' },
      ],
      userData: encodeUserData(join),
      tags: { clusterId: 'c1' },
    });
    clock.advance(10_000);
    await sim.tick();
    assert.match(sim.bootErrorOf(r.instance.id) ?? '', /registration failed/);
    assert.doesNotMatch(sim.bootErrorOf(r.instance.id) ?? '', /wrong-token-123/);
    await assert.rejects(core.readNode({ name: 'edge-2' }));
  });
});
