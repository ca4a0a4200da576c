// Tunnel: traffic between the hub gateway and each edge location's spoke.
import type { TunnelView } from '../../src/server/api-types.ts';
import { getJson } from '../lib/api.ts';
import { bytes, card, empty, header, pill } from '../lib/dom.ts';
import type { Screen } from '../lib/screen.ts';
import { table } from '../lib/table.ts';

async function render(root: HTMLElement): Promise<void> {
  const v = await getJson<TunnelView>('/api/v1/tunnel');
  const body = !v.available
    ? empty('Tunnel metrics are not available to this console (start it with the tunnel’s metrics registry, as omni demo does).')
    : v.locations.length === 0
      ? empty('No tunnel traffic yet.')
      : table(
          [
            { title: 'Edge location', cell: (l) => l.location },
            { title: 'Session', cell: (l) => (l.sessions > 0 ? pill('connected', 'ok') : pill('down', 'bad')) },
            { title: 'In (from edge)', cell: (l) => bytes(l.bytesIn), numeric: true },
            { title: 'Out (to edge)', cell: (l) => bytes(l.bytesOut), numeric: true },
            { title: 'In/s', cell: (l) => `${bytes(l.bytesInPerSecond)}/s`, numeric: true },
            { title: 'Out/s', cell: (l) => `${bytes(l.bytesOutPerSecond)}/s`, numeric: true },
            { title: 'Open streams', cell: (l) => l.openStreams, numeric: true },
            { title: 'Streams by route', cell: (l) => Object.entries(l.streamsByRoute).map(([r, n]) => `${r} ${n}`).join(' · ') || '—' },
            { title: 'Errors', cell: (l) => l.connectErrors, numeric: true },
          ],
          v.locations,
          { testId: 'tunnel-table' },
        );
  root.replaceChildren(header('Tunnel', 'Service traffic through the hub: main→edge, edge→main, and edge→edge via the main cluster.'), card(null, body));
}

export const tunnel: Screen = { id: 'tunnel', title: 'Tunnel', refreshOn: ['cost'], render };
