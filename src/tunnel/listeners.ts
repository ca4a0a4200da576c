// Keeping a gateway's local listeners (one TCP server per service) in line with what its config asks for.
import type net from 'node:net';
import type { Logger } from './log.ts';

export function boundPorts(servers: ReadonlyMap<string, net.Server>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [service, srv] of servers) {
    const a = srv.address();
    if (a && typeof a === 'object') out[service] = a.port;
  }
  return out;
}

/**
 * Closes listeners no longer wanted (or wanted on another port) and opens the missing ones. A port that
 * cannot be bound is logged and skipped so one bad entry does not take the others down.
 */
export async function reconcileListeners(
  servers: Map<string, net.Server>,
  wanted: Readonly<Record<string, number>>,
  open: (service: string, port: number) => Promise<number>,
  log: Logger,
): Promise<void> {
  const have = boundPorts(servers);
  for (const [service, srv] of [...servers]) {
    if (wanted[service] === have[service]) continue;
    srv.close();
    servers.delete(service);
  }
  for (const [service, port] of Object.entries(wanted)) {
    if (servers.has(service)) continue;
    await open(service, port).catch((err: unknown) =>
      log.error({ service, port, err: (err as Error).message }, 'cannot listen'),
    );
  }
}
