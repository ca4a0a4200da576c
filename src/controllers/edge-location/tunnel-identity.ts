// The tunnel's certificates, made and kept by the controller: omni's CA (made once, never overwritten,
// since every issued certificate hangs on it), the hub's server certificate in the main cluster, and
// each edge location's client certificate in its own edge cluster (its private key lives only there).
import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { CoreV1Api, V1Secret } from '@kubernetes/client-node';
import { isConflict, type Clock } from '../../kube/index.ts';
import {
  certInfo,
  createCa,
  issueEdgeCert,
  issueHubCert,
  rotationDue,
  type CertBundle,
  type CertInfo,
  type RevocationList,
} from '../../tunnel/pki/index.ts';
import {
  HUB_DNS_NAMES,
  HUB_TLS_SECRET,
  LOCATION_LABEL,
  MANAGED_BY,
  MANAGED_BY_LABEL,
  NAMESPACE,
  SPOKE_TLS_SECRET,
  TUNNEL_CA_SECRET,
} from './constants.ts';
import type { Ctx } from './context.ts';
import { decode, encode, ensureNamespace, readSecret, upsert } from './secrets.ts';

/** The tunnel's PKI objects are unusable and omni must not replace them: a person has to look. */
export class TunnelIdentityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TunnelIdentityError';
  }
}

export interface TunnelIssueOptions {
  clock: Clock;
  /** Lifetime of the hub and edge certificates; undefined: the pki defaults (90 and 30 days). */
  validityDays?: number;
}

const CA_CERT = 'ca.crt';
const CA_KEY = 'ca.key';
const TLS_CERT = 'tls.crt';
const TLS_KEY = 'tls.key';
const TLS_TYPE = 'kubernetes.io/tls';

export function tunnelIssueOptions(ctx: Ctx): TunnelIssueOptions {
  const days = ctx.options.tunnelCertValidityDays;
  return { clock: ctx.clock, ...(days ? { validityDays: days } : {}) };
}

function managedSecret(
  name: string,
  type: string,
  values: Record<string, string>,
  location?: string,
): V1Secret {
  const labels = { [MANAGED_BY_LABEL]: MANAGED_BY, ...(location ? { [LOCATION_LABEL]: location } : {}) };
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: NAMESPACE, labels },
    type,
    data: encode(values),
  };
}

function caUnusable(key: string, why: string): TunnelIdentityError {
  return new TunnelIdentityError(
    `Secret ${NAMESPACE}/${TUNNEL_CA_SECRET}: key ${key} ${why}. omni will not replace it, because a new CA ` +
      'invalidates every tunnel certificate issued so far: repair it, or delete it to start a new CA',
  );
}

function requiredPem<T>(values: Record<string, string>, key: string, parse: (pem: string) => T): T {
  const pem = values[key];
  if (!pem) throw caUnusable(key, 'is missing');
  try {
    return parse(pem);
  } catch (err) {
    throw caUnusable(key, `does not parse (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** The CA a Secret holds; throws naming the Secret and the key when it is missing or broken. */
export function caFromSecret(secret: V1Secret): CertBundle {
  const values = decode(secret.data);
  const cert = requiredPem(values, CA_CERT, (pem) => new X509Certificate(pem));
  const key = requiredPem(values, CA_KEY, (pem) => createPrivateKey(pem));
  if (!cert.ca) throw caUnusable(CA_CERT, 'is not a CA certificate');
  if (!cert.checkPrivateKey(key))
    throw caUnusable(CA_KEY, `is not the private key of the certificate in ${CA_CERT}`);
  return { certPem: values[CA_CERT], keyPem: values[CA_KEY] };
}

/** The CA from castai-omni/omni-tunnel-ca, made on first use; of two controllers racing, the first wins. */
export async function ensureTunnelCa(core: CoreV1Api, clock: Clock): Promise<CertBundle> {
  const existing = await readSecret(core, TUNNEL_CA_SECRET);
  if (existing) return caFromSecret(existing);
  const ca = createCa('omni tunnel CA', { clock });
  const body = managedSecret(TUNNEL_CA_SECRET, 'Opaque', { [CA_CERT]: ca.certPem, [CA_KEY]: ca.keyPem });
  try {
    await core.createNamespacedSecret({ namespace: NAMESPACE, body });
    return ca;
  } catch (err) {
    if (!isConflict(err)) throw err;
  }
  // Another controller made it first: its CA is the one.
  const winner = await readSecret(core, TUNNEL_CA_SECRET);
  if (winner) return caFromSecret(winner);
  throw new TunnelIdentityError(
    `Secret ${NAMESPACE}/${TUNNEL_CA_SECRET} was deleted while it was being made`,
  );
}

interface LeafWant {
  ca: CertBundle;
  clock: Clock;
  /** What is wrong with the names in the certificate, or undefined when they are right. */
  namesProblem(certPem: string): string | undefined;
  revocations?: RevocationList;
}

/** The certificate in a TLS Secret when its key matches it, otherwise why not. */
function readableLeaf(values: Record<string, string>): X509Certificate | string {
  if (!values[TLS_CERT] || !values[TLS_KEY]) return `${TLS_CERT} or ${TLS_KEY} is missing`;
  try {
    const cert = new X509Certificate(values[TLS_CERT]);
    return cert.checkPrivateKey(createPrivateKey(values[TLS_KEY]))
      ? cert
      : `${TLS_KEY} does not match ${TLS_CERT}`;
  } catch {
    return `${TLS_CERT} or ${TLS_KEY} does not parse`;
  }
}

/** Why a TLS Secret's certificate must be replaced; undefined when it is fine as it is. */
export function reissueReason(
  values: Record<string, string> | undefined,
  want: LeafWant,
): string | undefined {
  if (!values) return 'there was none';
  const cert = readableLeaf(values);
  if (typeof cert === 'string') return cert;
  if (!cert.verify(new X509Certificate(want.ca.certPem).publicKey)) return 'it was signed by another CA';
  if (values[CA_CERT] !== want.ca.certPem) return `${CA_CERT} is not the current CA`;
  if (want.revocations?.isRevoked(certInfo(values[TLS_CERT]))) return 'it was revoked';
  if (rotationDue(values[TLS_CERT], want.clock)) return 'a third of its lifetime or less was left';
  return want.namesProblem(values[TLS_CERT]);
}

/** Writes a kubernetes.io/tls Secret (the type of a Secret cannot change, so another type is deleted first). */
async function writeTlsSecret(
  core: CoreV1Api,
  existing: V1Secret | undefined,
  body: V1Secret,
): Promise<void> {
  if (existing && existing.type !== TLS_TYPE) {
    await core.deleteNamespacedSecret({ name: existing.metadata?.name ?? '', namespace: NAMESPACE });
  }
  await upsert(core, body);
}

function tlsValues(leaf: CertBundle, ca: CertBundle): Record<string, string> {
  return { [TLS_CERT]: leaf.certPem, [TLS_KEY]: leaf.keyPem, [CA_CERT]: ca.certPem };
}

function hubNamesProblem(certPem: string): string | undefined {
  const sans = (new X509Certificate(certPem).subjectAltName ?? '').split(/,\s*/);
  const missing = HUB_DNS_NAMES.filter((n) => !sans.includes(`DNS:${n}`));
  return missing.length > 0 ? `it lacked the DNS names ${missing.join(', ')}` : undefined;
}

/** A certificate the controller looked after: what it is now, and why it was (re)issued if it was. */
export interface LeafOutcome {
  cert: CertInfo;
  /** Undefined: the existing certificate was kept. */
  issued?: { replaced: boolean; reason: string };
}

/** castai-omni/omni-hub-tls: the hub's certificate, issued when missing, due, or from another CA. */
export async function ensureHubTls(
  core: CoreV1Api,
  ca: CertBundle,
  opts: TunnelIssueOptions,
): Promise<LeafOutcome> {
  const existing = await readSecret(core, HUB_TLS_SECRET);
  const values = existing && decode(existing.data);
  const reason = reissueReason(values, { ca, clock: opts.clock, namesProblem: hubNamesProblem });
  if (!reason) return { cert: certInfo(values![TLS_CERT]) };
  const hub = issueHubCert(ca, { dns: HUB_DNS_NAMES }, opts);
  await writeTlsSecret(core, existing, managedSecret(HUB_TLS_SECRET, TLS_TYPE, tlsValues(hub, ca)));
  return { cert: certInfo(hub.certPem), issued: { replaced: existing !== undefined, reason } };
}

/** The CA and the hub's certificate; called when the controller starts and by every tunnel step. */
export async function ensureTunnelPki(ctx: Ctx): Promise<CertBundle> {
  const opts = tunnelIssueOptions(ctx);
  const ca = await ensureTunnelCa(ctx.clients.core, opts.clock);
  const hub = await ensureHubTls(ctx.clients.core, ca, opts);
  if (hub.issued) {
    const { serial, notAfter } = hub.cert;
    ctx.log.info(
      { serial, notAfter: new Date(notAfter).toISOString() },
      `hub certificate issued: ${hub.issued.reason}`,
    );
  }
  return ca;
}

export interface SpokeIssueOptions extends TunnelIssueOptions {
  /** The hub's list: a revoked certificate is replaced, and a new one starts after the location's cut. */
  revocations: RevocationList;
}

/** castai-omni/omni-spoke-tls in the edge cluster: the location's client certificate, kept until due or revoked. */
export async function ensureSpokeTls(
  edgeCore: CoreV1Api,
  location: string,
  ca: CertBundle,
  opts: SpokeIssueOptions,
): Promise<LeafOutcome> {
  const existing = await readSecret(edgeCore, SPOKE_TLS_SECRET);
  const values = existing && decode(existing.data);
  const namesProblem = (pem: string) => {
    const named = certInfo(pem).location;
    return named === location ? undefined : `it named edge location ${named ?? '(none)'}`;
  };
  const { revocations, ...issue } = opts;
  const reason = reissueReason(values, { ca, clock: opts.clock, namesProblem, revocations });
  if (!reason) return { cert: certInfo(values![TLS_CERT]) };
  const edge = issueEdgeCert(ca, location, { ...issue, notBeforeAfter: revocations.locationCut(location) });
  await ensureNamespace(edgeCore);
  await writeTlsSecret(
    edgeCore,
    existing,
    managedSecret(SPOKE_TLS_SECRET, TLS_TYPE, tlsValues(edge, ca), location),
  );
  return { cert: certInfo(edge.certPem), issued: { replaced: existing !== undefined, reason } };
}
