import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../src/clouds/clock.ts';
import { sdkConnector, simConnector } from '../../src/clouds/connector.ts';
import { Credentials } from '../../src/clouds/credentials.ts';
import { createSimClouds } from '../../src/clouds/sim/index.ts';
import { AuthenticationError, InvalidRequestError, TransientError } from '../../src/clouds/types.ts';
import type { OfferingKey } from '../../src/clouds/types.ts';
import { encodeUserData } from '../../src/clouds/join.ts';
import { testCatalog } from './fake-catalog.ts';
import { joinContract, simCloud } from './helpers.ts';

describe('cloud connector', () => {
  it('simulated: root and issued credentials connect, wrong ones are an AuthenticationError without the secret', async () => {
    const clouds = createSimClouds({ catalog: testCatalog(), clock: new ManualClock() });
    const connector = simConnector(clouds);
    const root = await connector.connect({
      cloud: 'gcp',
      region: 'us-central1',
      credentials: clouds.gcp.rootCredentials,
    });
    const t = { name: 'g', clusterId: 'c1', region: 'us-central1', zones: ['us-central1-a'] };
    const id = await root.onboarding.ensureIdentity(t);
    const creds = id.ids.credentials;
    assert.ok(creds);
    assert.equal(
      await connector.connect({ cloud: 'gcp', region: 'us-central1', credentials: creds }),
      clouds.gcp,
    );
    const wrong = new Credentials('AKIAWRONG', { secretAccessKey: 'not-a-real-secret-value' });
    const err = await connector
      .connect({ cloud: 'aws', region: 'us-east-1', credentials: wrong })
      .catch((e: unknown) => e);
    assert.ok(err instanceof AuthenticationError);
    assert.doesNotMatch(err.message, /not-a-real-secret-value/);
    assert.equal(String(wrong), 'Credentials(AKIAWRONG, [redacted])');
    assert.equal(JSON.stringify({ wrong }), '{"wrong":"Credentials(AKIAWRONG, [redacted])"}');
  });

  it('sdk: GCP and OCI need a scope; azure has no adapter', async () => {
    const connector = sdkConnector({ catalog: testCatalog(), clock: new ManualClock() });
    const credentials = new Credentials('x', {});
    await assert.rejects(
      connector.connect({ cloud: 'gcp', region: 'us-central1', credentials }),
      InvalidRequestError,
    );
    await assert.rejects(
      connector.connect({ cloud: 'oci', region: 'us-ashburn-1', credentials }),
      InvalidRequestError,
    );
    await assert.rejects(
      connector.connect({ cloud: 'azure', region: 'eastus', credentials }),
      /no SDK adapter/,
    );
  });
});

describe('simulated cloud extras', () => {
  it('Spot notices can be subscribed to', async () => {
    const { sim } = simCloud('aws');
    const seen: string[] = [];
    const off = sim.onInterruption((n) => seen.push(`${n.instanceId}:${n.terminateAt - n.noticeTime}`));
    const spot: OfferingKey = {
      region: 'us-east-1',
      zone: 'us-east-1a',
      instanceType: 'm5.large',
      lifecycle: 'spot',
    };
    const r = await sim.launch({
      offerings: [spot],
      userData: encodeUserData(joinContract()),
      tags: { clusterId: 'c1' },
    });
    sim.interrupt(r.instance.id);
    sim.interrupt(r.instance.id);
    off();
    assert.deepEqual(seen, [`${r.instance.id}:120000`]);
  });

  it('a teardown that fails half-way finishes on the next run with zero objects', async () => {
    const { sim } = simCloud('oci');
    const t = { name: 'o', clusterId: 'c1', region: 'us-ashburn-1', zones: ['US-ASHBURN-AD-1'] };
    const net = await sim.onboarding.ensureNetwork(t);
    await sim.onboarding.ensureFirewall(t, net.ids);
    await sim.onboarding.ensureIdentity(t);
    sim.injectFault({ op: 'delete', error: 'transient', times: 1, match: { kind: 'route-table' } });
    await assert.rejects(sim.onboarding.teardown(t), TransientError);
    assert.ok(sim.inventory.count() > 0);
    await sim.onboarding.teardown(t);
    assert.equal(sim.inventory.count(), 0);
  });
});
