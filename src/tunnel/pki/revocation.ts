// The revocation list the hub checks at every handshake and whenever the list changes: single
// certificates by serial, or every certificate of an edge location issued up to a moment (location deleted).
import { z } from 'zod';
import { normaliseSerial, type CertInfo } from './inspect.ts';

const entrySchema = z.object({
  serial: z.string().optional(),
  location: z.string().optional(),
  /** ISO time; for location entries, certificates that became valid after it are not revoked. */
  revokedAt: z.string(),
  reason: z.string().optional(),
});
const listSchema = z.object({ revoked: z.array(entrySchema) });

export type RevocationEntry = z.infer<typeof entrySchema>;

export class RevocationList {
  private readonly serials = new Set<string>();
  private readonly locations = new Map<string, number>();

  constructor(readonly entries: readonly RevocationEntry[] = []) {
    for (const e of entries) {
      if (e.serial) this.serials.add(normaliseSerial(e.serial));
      if (e.location)
        this.locations.set(
          e.location,
          Math.max(this.locations.get(e.location) ?? 0, Date.parse(e.revokedAt)),
        );
    }
  }

  static parse(json: string): RevocationList {
    return new RevocationList(listSchema.parse(JSON.parse(json)).revoked);
  }

  /** The latest moment up to which a whole-location entry revokes the location's certificates. */
  locationCut(location: string): number | undefined {
    return this.locations.get(location);
  }

  isRevoked(cert: Pick<CertInfo, 'serial' | 'location' | 'notBefore'>): boolean {
    if (this.serials.has(normaliseSerial(cert.serial))) return true;
    if (!cert.location) return false;
    const cut = this.locations.get(cert.location);
    // notBefore is backdated by the issuer's skew allowance; a cert issued after the cut is fresh.
    return cut !== undefined && cert.notBefore <= cut;
  }

  with(entry: RevocationEntry): RevocationList {
    return new RevocationList([...this.entries, entry]);
  }

  toJSON(): { revoked: RevocationEntry[] } {
    return { revoked: [...this.entries] };
  }
}
