// Prometheus metrics of the tunnel, labelled by edge location. Each gateway owns its registry.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MuxOptions } from './mux/index.ts';

export class TunnelMetrics {
  readonly registry = new Registry();
  readonly bytes = new Counter({
    name: 'omni_tunnel_bytes_total',
    help: 'Payload bytes carried by the tunnel, by edge location and direction (in = from the peer gateway).',
    labelNames: ['location', 'direction'] as const,
    registers: [this.registry],
  });
  readonly streamsOpen = new Gauge({
    name: 'omni_tunnel_open_streams',
    help: 'Streams open now.',
    labelNames: ['location'] as const,
    registers: [this.registry],
  });
  readonly streamsTotal = new Counter({
    name: 'omni_tunnel_streams_total',
    help: 'Streams opened, by route (edge-to-main, main-to-edge, edge-to-edge).',
    labelNames: ['location', 'route'] as const,
    registers: [this.registry],
  });
  readonly connectErrors = new Counter({
    name: 'omni_tunnel_connect_errors_total',
    help: 'Failed stream opens or gateway dials, by reason.',
    labelNames: ['location', 'reason'] as const,
    registers: [this.registry],
  });
  readonly handshakeFailures = new Counter({
    name: 'omni_tunnel_handshake_failures_total',
    help: 'Refused TLS handshakes (unknown CA, revoked, unknown location).',
    labelNames: ['location', 'reason'] as const,
    registers: [this.registry],
  });
  readonly sessions = new Gauge({
    name: 'omni_tunnel_sessions',
    help: 'Live spoke-hub connections.',
    labelNames: ['location'] as const,
    registers: [this.registry],
  });
  readonly connectLatency = new Histogram({
    name: 'omni_tunnel_stream_connect_seconds',
    help: 'Time to reach the endpoint behind a stream (TCP connect to the real endpoint).',
    labelNames: ['location'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly rtt = new Histogram({
    name: 'omni_tunnel_rtt_seconds',
    help: 'Keepalive round trip through the tunnel connection.',
    labelNames: ['location'] as const,
    buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  /** A byte counter for one location, for MuxOptions.onBytes. */
  byteCounter(location: string): (direction: 'in' | 'out', n: number) => void {
    const inC = this.bytes.labels(location, 'in');
    const outC = this.bytes.labels(location, 'out');
    return (direction, n) => (direction === 'in' ? inC.inc(n) : outC.inc(n));
  }

  /** Mux options with byte and round-trip hooks feeding this location's metrics. */
  muxHooks(location: string, base: MuxOptions = {}): MuxOptions {
    const rtt = this.rtt.labels(location);
    return { ...base, onBytes: this.byteCounter(location), onRtt: (ms) => rtt.observe(ms / 1000) };
  }

  /** Tracks one stream in the open-streams gauge until it closes. */
  trackStream(location: string, route: string, stream: { once(e: 'close', fn: () => void): unknown }): void {
    this.streamsTotal.labels(location, route).inc();
    const g = this.streamsOpen.labels(location);
    g.inc();
    stream.once('close', () => g.dec());
  }
}
