// Reading what matters out of certificates: serial, lifetime, and the edge location a client cert names.
import { X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import { EDGE_URI_PREFIX } from './ca.ts';

export interface CertInfo {
  serial: string;
  notBefore: number;
  notAfter: number;
  location: string | null;
}

/** Normalised serial: upper-case hex without leading zeros (what Node reports for peers). */
export function normaliseSerial(serial: string): string {
  return serial.replace(/^0+/, '').toUpperCase() || '0';
}

function locationFromSan(san: string | undefined): string | null {
  if (!san) return null;
  for (const part of san.split(/,\s*/)) {
    if (part.startsWith(`URI:${EDGE_URI_PREFIX}`)) return part.slice(4 + EDGE_URI_PREFIX.length) || null;
  }
  return null;
}

export function certInfo(pem: string): CertInfo {
  const x = new X509Certificate(pem);
  return {
    serial: normaliseSerial(x.serialNumber),
    notBefore: Date.parse(x.validFrom),
    notAfter: Date.parse(x.validTo),
    location: locationFromSan(x.subjectAltName),
  };
}

/** The edge location a verified peer certificate belongs to, or null if it names none. */
export function peerIdentity(peer: PeerCertificate): CertInfo | null {
  if (!peer || !peer.serialNumber) return null;
  return {
    serial: normaliseSerial(peer.serialNumber),
    notBefore: Date.parse(peer.valid_from),
    notAfter: Date.parse(peer.valid_to),
    location: locationFromSan(peer.subjectaltname),
  };
}
