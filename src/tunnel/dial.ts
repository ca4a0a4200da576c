// TCP to a service's real endpoints: tries them in turn from a rotating start, each with a timeout.
import net from 'node:net';
import type { Endpoint } from './resolver.ts';

function connectOne(ep: Endpoint, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: ep.host, port: ep.port, allowHalfOpen: true, noDelay: true });
    const timer = setTimeout(() => s.destroy(new Error(`connect to ${ep.host}:${ep.port} timed out`)), timeoutMs);
    s.once('connect', () => {
      clearTimeout(timer);
      s.removeListener('error', reject);
      resolve(s);
    });
    s.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

export class EndpointDialer {
  private next = 0;

  constructor(private readonly timeoutMs = 5000) {}

  async dial(endpoints: readonly Endpoint[]): Promise<net.Socket> {
    if (endpoints.length === 0) throw new Error('no endpoints');
    const start = this.next++ % endpoints.length;
    let last: unknown;
    for (let i = 0; i < endpoints.length; i++) {
      try {
        return await connectOne(endpoints[(start + i) % endpoints.length], this.timeoutMs);
      } catch (err) {
        last = err;
      }
    }
    throw last instanceof Error ? last : new Error(String(last));
  }
}
