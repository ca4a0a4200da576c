import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import {
  RevocationList,
  certInfo,
  issueEdgeCert,
  renewIfDue,
  rotationDue,
} from '../../src/tunnel/pki/index.ts';
import { pki } from './fixture.ts';

const DAY = 86_400_000;

test('edge certificates name their location and chain to the omni CA', () => {
  const { ca, edgeA, hub } = pki();
  const info = certInfo(edgeA.certPem);
  assert.equal(info.location, 'edge-a');
  const x = new X509Certificate(edgeA.certPem);
  assert.ok(x.verify(new X509Certificate(ca.certPem).publicKey));
  assert.match(x.subjectAltName ?? '', /DNS:edge-a\.edge\.omni\.cast\.ai/);
  assert.equal(x.checkHost('edge-a.edge.omni.cast.ai'), 'edge-a.edge.omni.cast.ai');
  assert.equal(certInfo(hub.certPem).location, null);
  assert.equal(new X509Certificate(hub.certPem).checkIP('127.0.0.1'), '127.0.0.1');
  assert.throws(() => issueEdgeCert(ca, 'Bad_Name'));
});

test('rotation is due once a third of the lifetime is left; renewal keeps the location', () => {
  const { ca } = pki();
  const t0 = Date.UTC(2026, 0, 1);
  const cert = issueEdgeCert(ca, 'edge-r', { clock: { now: () => t0 }, validityDays: 30 });
  assert.equal(rotationDue(cert.certPem, { now: () => t0 + 10 * DAY }), false);
  assert.equal(rotationDue(cert.certPem, { now: () => t0 + 21 * DAY }), true);
  assert.equal(renewIfDue(ca, cert, { clock: { now: () => t0 + 10 * DAY } }), null);
  const fresh = renewIfDue(ca, cert, { clock: { now: () => t0 + 21 * DAY } });
  assert.ok(fresh);
  assert.equal(certInfo(fresh.certPem).location, 'edge-r');
  assert.notEqual(certInfo(fresh.certPem).serial, certInfo(cert.certPem).serial);
});

test('revocation by serial, and by location up to the moment it was deleted', () => {
  const { edgeA } = pki();
  const info = certInfo(edgeA.certPem);
  assert.equal(new RevocationList().isRevoked(info), false);
  assert.equal(
    new RevocationList([
      { serial: `00${info.serial.toLowerCase()}`, revokedAt: new Date().toISOString() },
    ]).isRevoked(info),
    true,
  );
  const byLocation = RevocationList.parse(
    JSON.stringify({
      revoked: [{ location: 'edge-a', revokedAt: new Date(info.notBefore + 1000).toISOString() }],
    }),
  );
  assert.equal(byLocation.isRevoked(info), true);
  assert.equal(
    byLocation.isRevoked({ ...info, serial: 'AB', notBefore: info.notBefore + 60_000 }),
    false,
    'a later certificate is fresh',
  );
  assert.equal(byLocation.isRevoked({ ...info, location: 'edge-b' }), false);
});

test('a certificate for a location revoked moments ago starts after the cut, so the revocation spares it', () => {
  const { ca } = pki();
  const t0 = Date.UTC(2026, 0, 1, 12, 0, 0, 400);
  const list = new RevocationList([{ location: 'edge-n', revokedAt: new Date(t0).toISOString() }]);
  const clock = { now: () => t0 + 30_000 };
  const backdated = certInfo(issueEdgeCert(ca, 'edge-n', { clock }).certPem);
  assert.equal(list.isRevoked(backdated), true, 'backdated for clock skew, it falls under the cut');
  const cut = list.locationCut('edge-n');
  assert.equal(cut, t0);
  const fresh = certInfo(issueEdgeCert(ca, 'edge-n', { clock, notBeforeAfter: cut }).certPem);
  assert.equal(list.isRevoked(fresh), false);
  assert.equal(fresh.notBefore, Date.UTC(2026, 0, 1, 12, 0, 1), 'the first whole second after the cut');
  const old = issueEdgeCert(ca, 'edge-n', { clock: { now: () => t0 + 3_600_000 }, notBeforeAfter: cut });
  const backdatedOnly = Date.UTC(2026, 0, 1, 12, 55, 0);
  assert.equal(certInfo(old.certPem).notBefore, backdatedOnly, 'a cut long past changes nothing');
});
