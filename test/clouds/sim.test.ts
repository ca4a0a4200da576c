import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AllOfferingsUnavailableError,
  CapacityError,
  ThrottlingError,
  TransientError,
} from '../../src/clouds/types.ts';
import type { LaunchRequest, OfferingKey } from '../../src/clouds/types.ts';
import { encodeUserData } from '../../src/clouds/join.ts';
import type { CloudName } from '../../src/catalog/types.ts';
import { joinContract, simCloud } from './helpers.ts';

const M5A: OfferingKey = {
  region: 'us-east-1',
  zone: 'us-east-1a',
  instanceType: 'm5.large',
  lifecycle: 'on-demand',
};
const M5B: OfferingKey = { ...M5A, zone: 'us-east-1b' };
const TAGS = { clusterId: 'c1', nodeClaim: 'claim-1' };

function request(offerings: OfferingKey[], nodeName = 'omni-node-1'): LaunchRequest {
  return { offerings, userData: encodeUserData(joinContract({ nodeName })), tags: TAGS };
}

async function scenario(seed: number) {
  const { sim, clock } = simCloud('aws', { seed, spotInterruptionsPerHour: 2 });
  const out: unknown[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await sim.launch(request([{ ...M5A, lifecycle: 'spot' }], `n${i}`));
    out.push(r.instance.id, r.instance.privateIp);
  }
  clock.advance(3_600_000 * 3);
  out.push(await sim.pollInterruptions({ clusterId: 'c1' }));
  out.push((await sim.listOfferings({ region: 'us-east-1', lifecycle: 'spot' })).map((o) => o.pricePerHour));
  return out;
}

describe('simulated cloud', () => {
  it('is deterministic for a seed and differs across seeds', async () => {
    assert.deepEqual(await scenario(7), await scenario(7));
    assert.notDeepEqual(await scenario(7), await scenario(8));
  });

  it('lists offerings from the catalog with prices and availability, GPUs scarce in us-east-1', async () => {
    const { sim } = simCloud('aws');
    const offerings = await sim.listOfferings({ region: 'us-east-1' });
    assert.equal(offerings.length, 6);
    const a100 = offerings.filter((o) => o.instanceType === 'p4d.24xlarge');
    assert.deepEqual(
      a100.map((o) => o.available),
      [false, false],
    );
    assert.ok(offerings.filter((o) => o.gpuCount === 0).every((o) => o.available));
    const west = await sim.listOfferings({ region: 'us-west-2', instanceTypes: ['p4d.24xlarge'] });
    assert.ok(west.every((o) => o.available));
  });

  it('spreads region-only catalog rows over the zones (OCI availability domains)', async () => {
    const { sim } = simCloud('oci');
    const zones = (await sim.listOfferings({ region: 'us-ashburn-1', lifecycle: 'on-demand' })).map(
      (o) => o.zone,
    );
    assert.deepEqual([...new Set(zones)].sort(), ['US-ASHBURN-AD-1', 'US-ASHBURN-AD-2']);
  });

  it('falls back down the ranked list on capacity errors and reports them', async () => {
    const { sim } = simCloud('aws');
    sim.setCapacity({ region: 'us-east-1', zone: 'us-east-1a', instanceType: 'm5.large', capacity: 1 });
    const first = await sim.launch(request([M5A, M5B]));
    assert.deepEqual(first.offering, M5A);
    assert.equal(first.capacityErrors.length, 0);
    const second = await sim.launch(request([M5A, M5B], 'n2'));
    assert.deepEqual(second.offering, M5B);
    assert.equal(second.capacityErrors.length, 1);
    assert.equal(second.capacityErrors[0].code, 'InsufficientInstanceCapacity');
    assert.deepEqual(second.capacityErrors[0].offering, M5A);
    assert.equal(
      (
        await sim.listOfferings({
          region: 'us-east-1',
          zones: ['us-east-1a'],
          instanceTypes: ['m5.large'],
          lifecycle: 'on-demand',
        })
      )[0].available,
      false,
    );
  });

  it('frees capacity on terminate', async () => {
    const { sim } = simCloud('aws');
    sim.setCapacity({ instanceType: 'm5.large', capacity: 1 });
    const r = await sim.launch(request([M5A]));
    await assert.rejects(sim.launch(request([M5A], 'n2')), AllOfferingsUnavailableError);
    await sim.terminate('us-east-1', r.instance.id);
    await sim.terminate('us-east-1', r.instance.id); // idempotent
    await sim.launch(request([M5A], 'n3'));
  });

  it('throws AllOfferingsUnavailableError with every attempt when nothing has capacity', async () => {
    const { sim } = simCloud('aws');
    const a100: OfferingKey = {
      region: 'us-east-1',
      zone: 'us-east-1a',
      instanceType: 'p4d.24xlarge',
      lifecycle: 'spot',
    };
    const err = await sim
      .launch(request([a100, { ...a100, lifecycle: 'on-demand' }]))
      .catch((e: unknown) => e);
    assert.ok(err instanceof AllOfferingsUnavailableError);
    assert.equal(err.attempts.length, 2);
  });

  it('injects capacity errors for the next N launches of an offering', async () => {
    const { sim } = simCloud('gcp');
    const a: OfferingKey = {
      region: 'us-central1',
      zone: 'us-central1-a',
      instanceType: 'n2-standard-2',
      lifecycle: 'spot',
    };
    const b: OfferingKey = { ...a, zone: 'us-central1-b' };
    sim.injectFault({ op: 'launch', error: 'capacity', times: 2, match: { zone: 'us-central1-a' } });
    assert.deepEqual((await sim.launch(request([a, b]))).offering, b);
    const r = await sim.launch(request([a, b], 'n2'));
    assert.equal(r.capacityErrors[0].code, 'ZONE_RESOURCE_POOL_EXHAUSTED');
    assert.deepEqual((await sim.launch(request([a, b], 'n3'))).offering, a);
  });

  it('injects throttling and transient errors without falling back', async () => {
    const { sim } = simCloud('aws');
    sim.injectFault({ op: 'launch', error: 'throttling', times: 1 });
    await assert.rejects(
      sim.launch(request([M5A, M5B])),
      (e) => e instanceof ThrottlingError && e.code === 'RequestLimitExceeded',
    );
    sim.injectFault({ op: 'listInstances', error: 'transient', times: 1 });
    await assert.rejects(sim.listInstances({ clusterId: 'c1' }), TransientError);
    assert.equal((await sim.listInstances({ clusterId: 'c1' })).length, 0);
    const ok = await sim.launch(request([M5A]));
    assert.equal(ok.capacityErrors.length, 0);
  });

  it("OCI capacity errors carry the cloud's code", async () => {
    const { sim } = simCloud('oci');
    sim.setCapacity({ instanceType: 'VM.GPU.A10.1', capacity: 0 });
    const k: OfferingKey = {
      region: 'us-ashburn-1',
      zone: 'US-ASHBURN-AD-1',
      instanceType: 'VM.GPU.A10.1',
      lifecycle: 'on-demand',
    };
    const err = await sim.launch(request([k])).catch((e: unknown) => e);
    assert.ok(err instanceof AllOfferingsUnavailableError);
    assert.ok(err.attempts[0] instanceof CapacityError);
    assert.equal(err.attempts[0].code, 'InternalError');
  });

  it('lists only omni instances by tag for garbage collection', async () => {
    const { sim } = simCloud('aws');
    await sim.launch({
      ...request([M5A]),
      tags: { clusterId: 'c1', nodeClaim: 'a', edgeLocation: 'aws-east' },
    });
    await sim.launch({ ...request([M5A], 'n2'), tags: { clusterId: 'c1', nodeClaim: 'b' } });
    await sim.launch({ ...request([M5A], 'n3'), tags: { clusterId: 'other', nodeClaim: 'c' } });
    assert.equal((await sim.listInstances({ clusterId: 'c1' })).length, 2);
    assert.deepEqual(
      (await sim.listInstances({ clusterId: 'c1', edgeLocation: 'aws-east' })).map((i) => i.tags.nodeClaim),
      ['a'],
    );
    assert.deepEqual(
      (await sim.listInstances({ clusterId: 'c1', nodeClaim: 'b' })).map((i) => i.tags.nodeClaim),
      ['b'],
    );
  });

  const NOTICE: [CloudName, string, string, number][] = [
    ['aws', 'us-east-1', 'us-east-1a', 120_000],
    ['gcp', 'us-central1', 'us-central1-a', 30_000],
    ['oci', 'us-ashburn-1', 'US-ASHBURN-AD-1', 30_000],
    ['azure', 'eastus', 'eastus-1', 30_000],
  ];
  for (const [cloud, region, zone, noticeMs] of NOTICE) {
    it(`gives ${cloud} Spot instances a ${noticeMs / 1000} s interruption notice, then reclaims them`, async () => {
      const { sim, clock, registrar } = simCloud(cloud);
      const type = (await sim.listOfferings({ region, zones: [zone], lifecycle: 'spot' }))[0].instanceType;
      const r = await sim.launch(request([{ region, zone, instanceType: type, lifecycle: 'spot' }]));
      clock.advance(10_000);
      await sim.tick();
      assert.ok(registrar.nodes.has('omni-node-1'));
      const notice = sim.interrupt(r.instance.id);
      assert.equal(notice.terminateAt - notice.noticeTime, noticeMs);
      assert.deepEqual(await sim.pollInterruptions({ clusterId: 'c1' }), [notice]);
      clock.advance(noticeMs - 1);
      assert.equal((await sim.listInstances({ clusterId: 'c1' })).length, 1);
      clock.advance(1);
      assert.equal((await sim.listInstances({ clusterId: 'c1' })).length, 0);
      assert.deepEqual(await sim.pollInterruptions({ clusterId: 'c1' }), []);
      assert.ok(!registrar.nodes.has('omni-node-1'));
    });
  }

  it('interrupts Spot instances at random at the configured rate (seeded)', async () => {
    const { sim, clock } = simCloud('aws', { spotInterruptionsPerHour: 1 });
    for (let i = 0; i < 20; i++) await sim.launch(request([{ ...M5A, lifecycle: 'spot' }], `n${i}`));
    clock.advance(3_600_000);
    const notices = await sim.pollInterruptions({ clusterId: 'c1' });
    assert.ok(notices.length > 5 && notices.length < 20, `${notices.length} notices`);
  });

  it('drifts Spot prices (not above On-Demand) but keeps OCI preemptible at its fixed price', async () => {
    const { sim, clock } = simCloud('aws', { priceDriftIntervalMs: 600_000 });
    const spot = async () =>
      (
        await sim.listOfferings({
          region: 'us-east-1',
          zones: ['us-east-1a'],
          instanceTypes: ['m5.large'],
          lifecycle: 'spot',
        })
      )[0].pricePerHour;
    const p0 = await spot();
    const seen = new Set<number>([p0]);
    for (let i = 0; i < 5; i++) {
      clock.advance(600_000);
      seen.add(await spot());
    }
    assert.equal(p0, 0.035);
    assert.ok(seen.size > 3);
    assert.ok([...seen].every((p) => p <= 0.096 && p > 0.02));
    const oci = simCloud('oci');
    oci.clock.advance(10 * 3_600_000);
    const o = await oci.sim.listOfferings({
      region: 'us-ashburn-1',
      instanceTypes: ['VM.Standard.E4.Flex.2'],
      lifecycle: 'spot',
    });
    assert.equal(o[0].pricePerHour, 0.037);
  });

  it('waits API latency through the injected sleep', async () => {
    const waits: number[] = [];
    const { sim } = simCloud('aws', { latencyMs: 250, sleep: async (ms) => void waits.push(ms) });
    await sim.listOfferings({ region: 'us-east-1' });
    await sim.listInstances({ clusterId: 'c1' });
    assert.deepEqual(waits, [250, 250]);
  });
});

describe('simulated boot', () => {
  it('registers the node named in the user data after the boot delay', async () => {
    const { sim, clock, registrar } = simCloud('aws');
    const r = await sim.launch({
      offerings: [{ ...M5A, lifecycle: 'spot' }],
      userData: encodeUserData(
        joinContract({
          nodeName: 'edge-1',
          taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }],
        }),
      ),
      tags: { clusterId: 'c1', edgeLocation: 'aws-east' },
    });
    assert.equal(r.instance.state, 'pending');
    clock.advance(9_999);
    await sim.tick();
    assert.equal(registrar.nodes.size, 0);
    clock.advance(1);
    await sim.tick();
    const node = registrar.nodes.get('edge-1');
    assert.ok(node);
    const { metadata = {}, spec = {} } = node;
    const labels = metadata.labels ?? {};
    assert.equal(spec.providerID, `castai-omni://aws-east/${r.instance.id}`);
    assert.deepEqual(
      [
        labels['omni.cast.ai/lifecycle'],
        labels['scheduling.cast.ai/spot'],
        labels['scheduling.cast.ai/node-template'],
      ],
      ['spot', 'true', 'default'],
    );
    assert.equal(labels['omni.cast.ai/edge-location-name'], 'aws-east');
    assert.equal(labels['node.kubernetes.io/instance-type'], 'm5.large');
    assert.equal(labels['topology.kubernetes.io/zone'], 'us-east-1a');
    assert.deepEqual(metadata.annotations, { 'kube-sim.omni.cast.ai/simulated': 'true' });
    assert.deepEqual(spec.taints, [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }]);
    assert.equal((await sim.listInstances({ clusterId: 'c1' }))[0].state, 'running');
  });

  it('registers GPUs only when the user data installs the NVIDIA driver', async () => {
    const { sim, clock, registrar } = simCloud('aws');
    const gpu: OfferingKey = {
      region: 'us-west-2',
      zone: 'us-west-2a',
      instanceType: 'g5.xlarge',
      lifecycle: 'on-demand',
    };
    await sim.launch({
      offerings: [gpu],
      userData: encodeUserData(joinContract({ nodeName: 'with-driver', installGpuDriver: true })),
      tags: TAGS,
    });
    await sim.launch({
      offerings: [gpu],
      userData: encodeUserData(joinContract({ nodeName: 'no-driver' })),
      tags: TAGS,
    });
    clock.advance(10_000);
    await sim.tick();
    const gpuFacts = (name: string) => {
      const node = registrar.nodes.get(name) ?? {};
      return [node.status?.capacity?.['nvidia.com/gpu'], node.metadata?.labels?.['nvidia.com/gpu.product']];
    };
    assert.deepEqual(gpuFacts('with-driver'), ['1', 'A10G']);
    assert.deepEqual(gpuFacts('no-driver'), [undefined, undefined]);
  });

  it('an instance whose user data has no join contract runs but never registers', async () => {
    const { sim, clock, registrar } = simCloud('aws');
    const r = await sim.launch({ offerings: [M5A], userData: '#!/bin/bash\necho hi\n', tags: TAGS });
    clock.advance(10_000);
    await sim.tick();
    assert.equal(registrar.nodes.size, 0);
    assert.match(sim.bootErrorOf(r.instance.id) ?? '', /no omni join contract/);
  });

  it('retries registration while the cluster does not answer', async () => {
    let fail = true;
    const nodes: string[] = [];
    const registrar = {
      register: async (j: { nodeName: string }) => {
        if (fail) throw new Error('connect ECONNREFUSED');
        nodes.push(j.nodeName);
      },
      deregister: async () => undefined,
    };
    const { sim, clock } = simCloud('aws', { registrar });
    await sim.launch(request([M5A]));
    clock.advance(10_000);
    await sim.tick();
    assert.deepEqual(nodes, []);
    fail = false;
    await sim.tick();
    assert.deepEqual(nodes, ['omni-node-1']);
  });
});
