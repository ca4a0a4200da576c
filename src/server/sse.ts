// Server-sent events: `change` (which caches changed, debounced) and `cost` (each new sample); heartbeats.
import type { ServerResponse } from 'node:http';

export class EventStream {
  private readonly clients = new Set<ServerResponse>();
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly debounceMs = 250) {
    this.heartbeat = setInterval(() => this.write(': keepalive\n\n'), 15_000);
    this.heartbeat.unref();
  }

  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  /** Notes a change of `kind`; one `change` event carries every kind changed within the debounce window. */
  changed(kind: string): void {
    this.pending.add(kind);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const kinds = [...this.pending].sort();
      this.pending = new Set();
      this.send('change', { kinds });
    }, this.debounceMs);
  }

  send(event: string, data: unknown): void {
    this.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  close(): void {
    clearInterval(this.heartbeat);
    if (this.timer) clearTimeout(this.timer);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}
