import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createCa, issueEdgeCert, RevocationList, certInfo } from '../../src/tunnel/pki/index.ts';
import { Spoke } from '../../src/tunnel/spoke.ts';
import { readAll, sha256, payload, sleep, waitFor } from './helpers.ts';
import { POLICY, SVC, pki, roundTrip, spokeOptions, world, type World } from './fixture.ts';

let w: World;
before(async () => {
  w = await world();
});
after(async () => {
  await w.close();
});

async function refusedSpoke(tls: { certPem: string; keyPem: string }, location: 'edge-a' | 'edge-b' = 'edge-a'): Promise<void> {
  const before = await w.hub.metrics.handshakeFailures.get();
  const count = (v: typeof before): number => v.values.reduce((a, b) => a + b.value, 0);
  const s = new Spoke(spokeOptions(location, w.hub.port, { tls: { ...tls, caPem: pki().ca.certPem }, backoff: { initialMs: 50, maxMs: 100 } }));
  await s.start();
  await assert.rejects(s.ready(600));
  assert.equal(s.connected, false);
  assert.ok(count(await w.hub.metrics.handshakeFailures.get()) > count(before), 'hub counted the refusal');
  await s.close();
}

test('a certificate from another CA is refused', async () => {
  const rogueCa = createCa('rogue');
  await refusedSpoke(issueEdgeCert(rogueCa, 'edge-a'));
});

test('a certificate for a location the hub does not know is refused', async () => {
  await refusedSpoke(issueEdgeCert(pki().ca, 'edge-zzz'));
});

test('revocation closes the live connection and refuses the certificate at the next handshake', async () => {
  const { ca } = pki();
  const extra = issueEdgeCert(ca, 'edge-b');
  const s = new Spoke(spokeOptions('edge-b', w.hub.port, { tls: { ...extra, caPem: ca.certPem } }));
  await s.start();
  await s.ready();
  const serial = certInfo(extra.certPem).serial;
  w.hub.setRevocations(new RevocationList([{ serial, revokedAt: new Date().toISOString() }]));
  await waitFor(() => !s.connected, 2000, 'revoked connection to close');
  await sleep(150);
  assert.equal(s.connected, false, 'reconnect with the revoked certificate is refused');
  await s.close();
  // The other edge-b connection (different certificate) is untouched.
  assert.equal(w.spokeB.connected, true);
  assert.equal((await roundTrip(w.portB(SVC.mainEcho), 'still here')).toString(), 'still here');
  w.hub.setRevocations(new RevocationList());
});

test('rotation: a new certificate takes over without dropping a stream in flight', async () => {
  const { ca } = pki();
  const stream = await w.spokeA.openStream(SVC.mainHash);
  const first = payload(2 * 1024 * 1024, 11);
  const reply = readAll(stream);
  stream.write(first.subarray(0, 1024 * 1024));
  await w.spokeA.reloadCredentials({ ...issueEdgeCert(ca, 'edge-a'), caPem: ca.certPem });
  // Old serial revoked after rotation: the draining connection may finish, new streams use the new cert.
  stream.end(first.subarray(1024 * 1024));
  assert.equal((await reply).toString(), sha256(first));
  assert.equal((await roundTrip(w.portA(SVC.mainEcho), 'rotated')).toString(), 'rotated');
  const old = certInfo(pki().edgeA.certPem).serial;
  w.hub.setRevocations(new RevocationList([{ serial: old, revokedAt: new Date().toISOString() }]));
  await sleep(50);
  assert.equal(w.spokeA.connected, true, 'the rotated connection survives revoking the old certificate');
  assert.equal((await roundTrip(w.portA(SVC.edgeBEcho), 'after revoke')).toString(), 'after revoke');
});

test('a location dropped from the policy is disconnected and stays out', async () => {
  const { ca } = pki();
  const s = new Spoke(spokeOptions('edge-b', w.hub.port, { tls: { ...issueEdgeCert(ca, 'edge-b'), caPem: ca.certPem } }));
  await s.start();
  await s.ready();
  w.hub.setPolicy({ locations: { 'edge-a': POLICY.locations['edge-a'] } });
  await waitFor(() => !s.connected && !w.spokeB.connected, 2000, 'edge-b connections to close');
  await sleep(150);
  assert.equal(s.connected, false);
  w.hub.setPolicy(POLICY);
  await s.ready(5000);
  await w.spokeB.ready(5000);
  await s.close();
});
