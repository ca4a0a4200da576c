// The simulated clouds over the catalog omni ships (regional AWS/Azure rows, OCI flex shapes).

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadEmbeddedCatalog } from '../../src/catalog/index.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { ManualClock } from '../../src/clouds/clock.ts';
import { encodeUserData } from '../../src/clouds/join.ts';
import { ociShape } from '../../src/clouds/oci/compute.ts';
import { RecordingNodeRegistrar } from '../../src/clouds/registrar.ts';
import { createSimClouds } from '../../src/clouds/sim/index.ts';
import { joinContract } from './helpers.ts';

describe('simulated clouds over the embedded catalog', () => {
  let catalog: Catalog;
  before(async () => {
    catalog = await loadEmbeddedCatalog();
  });

  it('aws us-east-1 has zones, CPU capacity, and no A100/H100 capacity by default', async () => {
    const clouds = createSimClouds({ catalog, clock: new ManualClock(), seed: 3 });
    const offerings = await clouds.aws.listOfferings({ region: 'us-east-1', lifecycle: 'on-demand' });
    assert.deepEqual([...new Set(offerings.map((o) => o.zone))].sort(), [
      'us-east-1a',
      'us-east-1b',
      'us-east-1c',
    ]);
    const a100 = offerings.filter((o) => o.gpuName === 'A100' || o.gpuName === 'H100');
    assert.ok(a100.length > 0);
    assert.ok(a100.every((o) => !o.available));
    const m5 = offerings.find((o) => o.instanceType === 'm5.large' && o.zone === 'us-east-1a');
    assert.equal(m5?.available, true);
  });

  it('gcp us-central1 H100 is scarce, and a GPU node boots elsewhere with its GPU registered', async () => {
    const clock = new ManualClock();
    const registrar = new RecordingNodeRegistrar();
    const clouds = createSimClouds({ catalog, clock, seed: 3, registrar, bootDelayMs: 1000 });
    const h100 = (await clouds.gcp.listOfferings({ region: 'us-central1' })).filter(
      (o) => o.gpuName === 'H100',
    );
    assert.ok(h100.length > 0 && h100.every((o) => !o.available));
    const l4 = (await clouds.gcp.listOfferings({ region: 'us-central1', lifecycle: 'spot' })).find(
      (o) => o.gpuName === 'L4' && o.available,
    );
    assert.ok(l4, 'an available L4 offering');
    const r = await clouds.gcp.launch({
      offerings: [...h100.slice(0, 1), l4],
      userData: encodeUserData(joinContract({ nodeName: 'gpu-1', installGpuDriver: true })),
      tags: { clusterId: 'c1' },
    });
    assert.equal(r.capacityErrors.length, 1);
    clock.advance(1000);
    await clouds.gcp.tick();
    assert.equal(registrar.nodes.get('gpu-1')?.metadata?.labels?.['nvidia.com/gpu.product'], 'L4');
  });

  it('onboards an aws region whose zones the catalog does not list', async () => {
    const clouds = createSimClouds({ catalog, clock: new ManualClock() });
    const t = { name: 'aws-east', clusterId: 'c1', region: 'us-east-1', zones: ['us-east-1a', 'us-east-1b'] };
    const net = await clouds.aws.onboarding.ensureNetwork(t);
    assert.equal(Object.keys(net.ids.subnetIds).length, 2);
  });

  it('reads OCI flexible shape names from the catalog into shape + config', () => {
    const o = catalog
      .query({ cloud: 'oci', region: 'us-ashburn-1' })
      .find((x) => x.instanceType.includes('.Flex$_'));
    assert.ok(o);
    const s = ociShape(o);
    assert.match(s.shape, /\.Flex$/);
    assert.deepEqual(s.shapeConfig, { ocpus: Math.max(1, o.vcpus / 2), memoryInGBs: o.memoryGiB });
    assert.deepEqual(ociShape({ instanceType: 'VM.Standard.E4.Flex$_4_16', vcpus: 4, memoryGiB: 16 }), {
      shape: 'VM.Standard.E4.Flex',
      shapeConfig: { ocpus: 2, memoryInGBs: 16 },
    });
  });
});
