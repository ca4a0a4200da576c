// Tunnel traffic per edge location, scraped from the tunnel's Prometheus registry (when one is given).
import type { Registry } from 'prom-client';
import type { Clock } from '../../kube/index.ts';
import type { TunnelLocationView, TunnelView } from '../api-types.ts';

interface MetricValue {
  value: number;
  labels: Record<string, string | number>;
}

function emptyLocation(location: string): TunnelLocationView {
  return { location, bytesIn: 0, bytesOut: 0, bytesInPerSecond: 0, bytesOutPerSecond: 0, openStreams: 0, sessions: 0, streamsByRoute: {}, connectErrors: 0 };
}

type Fold = (view: TunnelLocationView, v: MetricValue) => void;

const FOLDS: Record<string, Fold> = {
  omni_tunnel_bytes_total: (view, v) => {
    if (v.labels.direction === 'in') view.bytesIn += v.value;
    else view.bytesOut += v.value;
  },
  omni_tunnel_open_streams: (view, v) => void (view.openStreams += v.value),
  omni_tunnel_sessions: (view, v) => void (view.sessions += v.value),
  omni_tunnel_connect_errors_total: (view, v) => void (view.connectErrors += v.value),
  omni_tunnel_streams_total: (view, v) => {
    const route = String(v.labels.route ?? 'unknown');
    view.streamsByRoute[route] = (view.streamsByRoute[route] ?? 0) + v.value;
  },
};

function apply(view: TunnelLocationView, metric: string, v: MetricValue): void {
  FOLDS[metric]?.(view, v);
}

/** Reads the registry on each call; rates are over the time since the previous call. */
export class TunnelScraper {
  private last: { at: number; bytes: Map<string, [number, number]> } | undefined;

  constructor(
    private readonly registry: Registry | undefined,
    private readonly clock: Clock,
  ) {}

  async view(): Promise<TunnelView> {
    if (!this.registry) return { available: false, locations: [] };
    const metrics = (await this.registry.getMetricsAsJSON()) as { name: string; values: MetricValue[] }[];
    const byLocation = new Map<string, TunnelLocationView>();
    for (const m of metrics) {
      if (!m.name.startsWith('omni_tunnel_')) continue;
      for (const v of m.values) {
        const location = String(v.labels.location ?? 'unknown');
        if (!byLocation.has(location)) byLocation.set(location, emptyLocation(location));
        apply(byLocation.get(location)!, m.name, v);
      }
    }
    const locations = [...byLocation.values()].sort((a, b) => a.location.localeCompare(b.location));
    this.addRates(locations);
    return { available: true, locations };
  }

  private addRates(locations: TunnelLocationView[]): void {
    const now = this.clock.now();
    const prev = this.last;
    const seconds = prev ? (now - prev.at) / 1000 : 0;
    for (const l of locations) {
      const before = prev?.bytes.get(l.location);
      if (before && seconds > 0) {
        l.bytesInPerSecond = Math.max(0, (l.bytesIn - before[0]) / seconds);
        l.bytesOutPerSecond = Math.max(0, (l.bytesOut - before[1]) / seconds);
      }
    }
    this.last = { at: now, bytes: new Map(locations.map((l) => [l.location, [l.bytesIn, l.bytesOut]])) };
  }
}
