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
