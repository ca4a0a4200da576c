// When to renew an edge certificate: once a fraction of its lifetime is left (default one third).
import { systemClock, type Clock } from '../clock.ts';
import { issueEdgeCert, type CertBundle, type IssueOptions } from './ca.ts';
import { certInfo } from './inspect.ts';

export function rotationDue(certPem: string, clock: Clock = systemClock, remainingFraction = 1 / 3): boolean {
  const { notBefore, notAfter } = certInfo(certPem);
  const left = notAfter - clock.now();
  return left <= (notAfter - notBefore) * remainingFraction;
}

/** A fresh certificate for the same location if the current one is due, otherwise null. */
export function renewIfDue(ca: CertBundle, current: CertBundle, opts: IssueOptions = {}): CertBundle | null {
  const clock = opts.clock ?? systemClock;
  if (!rotationDue(current.certPem, clock)) return null;
  const { location } = certInfo(current.certPem);
  if (!location) throw new Error('certificate names no edge location');
  return issueEdgeCert(ca, location, opts);
}
