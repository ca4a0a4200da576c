// Credentials are opaque: they print as a redaction, serialise as one, and only `reveal()` gives the
// secret to the code that must sign requests with it.

const secretOf = new WeakMap<Credentials, Readonly<Record<string, string>>>();

export class Credentials {
  /** A non-secret name for the principal (access key id, service account email, user OCID). */
  readonly principal: string;

  constructor(principal: string, secret: Record<string, string>) {
    this.principal = principal;
    secretOf.set(this, Object.freeze({ ...secret }));
  }

  reveal(): Readonly<Record<string, string>> {
    return secretOf.get(this) ?? {};
  }

  toString(): string {
    return `Credentials(${this.principal}, [redacted])`;
  }

  toJSON(): string {
    return this.toString();
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** Replaces every secret value of the credentials (and anything shaped like a key) in a text. */
export function redact(text: string, credentials?: Credentials): string {
  let out = text;
  for (const v of Object.values(credentials?.reveal() ?? {})) {
    if (v.length >= 4) out = out.split(v).join('[redacted]');
  }
  return out
    .replace(/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, '[redacted]')
    .replace(/\b[A-Za-z0-9/+]{40}\b/g, '[redacted]');
}
