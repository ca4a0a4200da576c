// Stopping the controller waits for the pass in flight, so nothing it does lands after the caller has
// torn the world down (a leaked edge cluster kept a test process alive for good).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EdgeClusterProvisioner } from '../../src/controllers/edge-location/index.ts';
import { embeddedEdgeClusters } from '../../src/world/edge-clusters.ts';
import { createLocation, startWorld, waitFor, type World } from './world.ts';

let w: World;

before(async () => {
  w = await startWorld();
});

after(async () => {
  await w?.stop();
});

function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}

test('stop() returns only after the pass in flight is done', async () => {
  const entered = gate();
  const release = gate();
  const slowClusters: EdgeClusterProvisioner = {
    async ensure(req) {
      entered.open();
      await release.wait;
      return w.edgeClusters.ensure(req);
    },
    teardown: (req) => w.edgeClusters.teardown(req),
  };
  const controller = w.start({ edgeClusters: slowClusters });
  await createLocation(w.clients, 'gcp-stop', {
    cloud: 'gcp',
    region: 'us-central1',
    zones: ['us-central1-a'],
  });
  await entered.wait;
  let stopped = false;
  const stopping = controller.stop().then(() => (stopped = true));
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(stopped, false, 'stop waits for the pass making the edge cluster');
  release.open();
  await stopping;
  await waitFor(
    'edge cluster made by the finished pass',
    async () => w.edgeClusters.running().size,
    (n) => n === 1,
  );
});

test('embedded edge clusters refuse to start once stopped', async () => {
  const clusters = embeddedEdgeClusters();
  await clusters.stopAll();
  const req = { location: { metadata: { name: 'late' } } } as Parameters<EdgeClusterProvisioner['ensure']>[0];
  await assert.rejects(clusters.ensure(req), /edge clusters are stopped; not starting edge-late/);
  assert.equal(clusters.running().size, 0);
});
