// How long-running commands wait: for SIGINT or SIGTERM, or for the process to end on its own.

export function waitForSignal(): Promise<void> {
  return new Promise((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
}

/** Undefined on a signal; the reason when `ended` comes first (a replica that lost its Lease). */
export function signalOrEnd(ended: Promise<string> | undefined): Promise<string | undefined> {
  return Promise.race([waitForSignal().then(() => undefined), ended ?? new Promise<never>(() => {})]);
}
