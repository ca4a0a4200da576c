// omni's own certificate authority: a CA, a server certificate for the hub and one client certificate per
// edge location. Keys come from node:crypto (native, fast); node-forge only builds and signs certificates.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { systemClock, type Clock } from '../clock.ts';

export interface CertBundle {
  certPem: string;
  keyPem: string;
}

export interface IssueOptions {
  clock?: Clock;
  validityDays?: number;
  /**
   * A moment the certificate must start after (epoch ms): the cut of a whole-location revocation, so that a
   * location created again is not caught by the cut its predecessor left (notBefore is otherwise backdated).
   */
  notBeforeAfter?: number;
}

/** Edge certificates name their location in CN, a DNS SAN and a SPIFFE-style URI SAN. */
export const EDGE_URI_PREFIX = 'spiffe://omni.cast.ai/edge-location/';
export const EDGE_DNS_SUFFIX = '.edge.omni.cast.ai';
const EDGE_OU = 'omni-edge-location';
const SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

function newKeys(): {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  keyPem: string;
} {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
    keyPem: privateKey,
  };
}

// X.509 times have whole seconds: the first one strictly after `ms` (or -Infinity when there is no floor).
function nextWholeSecond(ms: number | undefined): number {
  return ms === undefined ? -Infinity : (Math.floor(ms / 1000) + 1) * 1000;
}

function baseCert(
  publicKey: forge.pki.PublicKey,
  opts: IssueOptions,
  defaultDays: number,
): forge.pki.Certificate {
  const now = (opts.clock ?? systemClock).now();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // Positive 128-bit serial (leading byte below 0x80 so DER keeps it positive).
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  cert.validity.notBefore = new Date(Math.max(now - SKEW_MS, nextWholeSecond(opts.notBeforeAfter)));
  cert.validity.notAfter = new Date(now + (opts.validityDays ?? defaultDays) * DAY_MS);
  return cert;
}

function sign(cert: forge.pki.Certificate, key: forge.pki.PrivateKey): string {
  cert.sign(key as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

export function createCa(commonName = 'omni tunnel CA', opts: IssueOptions = {}): CertBundle {
  const keys = newKeys();
  const cert = baseCert(keys.publicKey, opts, 3650);
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'omni' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  return { certPem: sign(cert, keys.privateKey), keyPem: keys.keyPem };
}

interface LeafSpec {
  commonName: string;
  ou: string;
  altNames: Array<{ type: number; value?: string; ip?: string }>;
  server: boolean;
}

function issueLeaf(ca: CertBundle, spec: LeafSpec, opts: IssueOptions, defaultDays: number): CertBundle {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const keys = newKeys();
  const cert = baseCert(keys.publicKey, opts, defaultDays);
  cert.setSubject([
    { name: 'commonName', value: spec.commonName },
    { name: 'organizationName', value: 'omni' },
    { shortName: 'OU', value: spec.ou },
  ]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: spec.server, clientAuth: !spec.server },
    { name: 'subjectAltName', altNames: spec.altNames },
  ]);
  return { certPem: sign(cert, caKey), keyPem: keys.keyPem };
}

const DNS = 2;
const URI = 6;
const IP = 7;

/** The client certificate of one edge location (default lifetime 30 days). */
export function issueEdgeCert(ca: CertBundle, location: string, opts: IssueOptions = {}): CertBundle {
  if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(location))
    throw new Error(`invalid edge location name "${location}"`);
  const altNames = [
    { type: DNS, value: `${location}${EDGE_DNS_SUFFIX}` },
    { type: URI, value: `${EDGE_URI_PREFIX}${location}` },
  ];
  return issueLeaf(ca, { commonName: location, ou: EDGE_OU, altNames, server: false }, opts, 30);
}

/** The hub's server certificate, for the names and addresses spokes dial (default lifetime 90 days). */
export function issueHubCert(
  ca: CertBundle,
  names: { dns?: string[]; ips?: string[] },
  opts: IssueOptions = {},
): CertBundle {
  const dns = names.dns ?? [];
  const altNames = [
    ...dns.map((value) => ({ type: DNS, value })),
    ...(names.ips ?? []).map((ip) => ({ type: IP, ip })),
  ];
  return issueLeaf(
    ca,
    { commonName: dns[0] ?? 'omni-hub', ou: 'omni-hub', altNames, server: true },
    opts,
    90,
  );
}
