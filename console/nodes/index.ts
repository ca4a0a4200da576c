// Nodes: physical and virtual, where they run, how they are bought, what they cost, how old they are.
import type { NodeView } from '../../src/server/api-types.ts';
import { getJson } from '../lib/api.ts';
import { age, card, empty, h, header, money, pill } from '../lib/dom.ts';
import type { Screen } from '../lib/screen.ts';
import { table } from '../lib/table.ts';

function priceCell(n: NodeView): Node {
  const note = n.priceSource === 'nodeclaim' ? 'offering price recorded on its NodeClaim' : n.priceSource === 'catalog' ? 'catalog price' : 'price unknown';
  return h('span', { title: note }, money(n.pricePerHour), n.priceSource === 'catalog' ? h('span', { class: 'muted' }, ' ·c') : null);
}

async function render(root: HTMLElement): Promise<void> {
  const { items } = await getJson<{ items: NodeView[] }>('/api/v1/nodes');
  const virtual = items.filter((n) => n.virtual).length;
  root.replaceChildren(
    header('Nodes', `${items.length} nodes · ${items.length - virtual} physical · ${virtual} virtual (edge nodes behind them)`),
    card(
      null,
      items.length === 0
        ? empty('No nodes.')
        : table(
            [
              { title: 'Name', cell: (n) => h('span', { class: 'mono' }, n.name) },
              { title: 'Kind', cell: (n) => (n.virtual ? pill('virtual', 'accent') : pill('physical', 'muted')) },
              { title: 'Location', cell: (n) => n.location },
              { title: 'Cloud · zone', cell: (n) => `${n.cloud || '?'} · ${n.zone || n.region || '—'}` },
              { title: 'Instance type', cell: (n) => h('span', { class: 'mono' }, n.instanceType || '—') },
              { title: 'Lifecycle', cell: (n) => (n.lifecycle === 'spot' ? pill('spot', 'warn') : pill('on-demand', 'muted')) },
              { title: 'Template', cell: (n) => n.nodeTemplate ?? '—' },
              { title: 'Ready', cell: (n) => (n.ready ? pill('Ready', 'ok') : pill('NotReady', 'bad')) },
              { title: 'Pods', cell: (n) => n.pods, numeric: true },
              { title: 'Price/h', cell: priceCell, numeric: true },
              { title: 'Age', cell: (n) => age(n.ageSeconds), numeric: true },
            ],
            items,
            { testId: 'nodes-table', rowId: (n) => n.name },
          ),
      h('p', { class: 'footnote' }, 'Prices are the offering price recorded on the node’s NodeClaim; ·c marks nodes priced from the catalog.'),
    ),
  );
}

export const nodes: Screen = { id: 'nodes', title: 'Nodes', refreshOn: ['nodes', 'pods', 'nodeclaims'], render };
