export type JsonObject = { [k: string]: unknown };

export interface PatchCause {
  field: string;
  message: string;
  reason?: string;
}

export class PatchError extends Error {
  constructor(
    message: string,
    public readonly code: 400 | 409 | 415 | 422,
    public readonly causes?: PatchCause[],
  ) {
    super(message);
    this.name = 'PatchError';
  }
}
