// Decisions: every node the autoscaler made, why that place, and what it was compared with.
import type { DecisionOffering, DecisionView, DecisionsView, EventView } from '../../src/server/api-types.ts';
import { getJson } from '../lib/api.ts';
import { card, empty, h, header, money, pill, when } from '../lib/dom.ts';
import type { Screen } from '../lib/screen.ts';
import { table } from '../lib/table.ts';

function place(o: DecisionOffering): string {
  const where = o.location === 'main' ? 'main region' : o.location;
  const region = [o.cloud, o.zone || o.region].filter(Boolean).join(' ');
  return `${where}${region ? ` (${region})` : ''}`;
}

function compared(d: DecisionView): HTMLElement {
  const rows = [{ ...d.chosen, rejected: 'chosen' }, ...d.alternatives];
  return table(
    [
      { title: 'Where', cell: (o) => place(o) },
      { title: 'Instance type', cell: (o) => h('span', { class: 'mono' }, o.instanceType) },
      { title: 'Lifecycle', cell: (o) => o.lifecycle },
      { title: 'Price/h', cell: (o) => money(o.pricePerHour, 4), numeric: true },
      { title: '', cell: (o) => (o.rejected === 'chosen' ? pill('chosen', 'ok') : h('span', { class: 'muted' }, o.rejected ?? '')) },
    ],
    rows,
  );
}

function decisionCard(d: DecisionView): HTMLElement {
  const c = d.chosen;
  return h(
    'article',
    { class: 'decision', 'data-testid': 'decision', 'data-nodeclaim': d.nodeClaim },
    h(
      'div',
      { class: 'decision-head' },
      h('div', {}, h('h3', {}, `${c.instanceType} · ${c.lifecycle} · ${place(c)}`), h('div', { class: 'muted' }, `NodeClaim ${d.nodeClaim}${d.nodeName ? ` → node ${d.nodeName}` : ''} · template ${d.nodeTemplate || '—'} · ${when(d.time)}`)),
      h('div', { class: 'price-tag' }, `${money(c.pricePerHour, 4)}/h`),
    ),
    h('p', { class: 'reason', 'data-testid': 'decision-reason' }, d.reason),
    d.pods.length > 0 ? h('p', { class: 'muted' }, `For ${d.pods.length} pod${d.pods.length > 1 ? 's' : ''}: `, h('span', { class: 'mono' }, d.pods.join(', '))) : null,
    d.compatibleOfferings !== undefined ? h('p', { class: 'muted' }, `${d.compatibleOfferings} offerings could hold these pods; the cheapest was taken.`) : null,
    d.alternatives.length > 0 ? h('details', { open: true }, h('summary', {}, 'What was compared'), compared(d)) : null,
  );
}

function eventsTable(events: EventView[]): HTMLElement {
  return table(
    [
      { title: 'When', cell: (e) => when(e.time) },
      { title: 'Reason', cell: (e) => pill(e.reason, e.type === 'Warning' ? 'warn' : 'muted') },
      { title: 'Object', cell: (e) => h('span', { class: 'mono' }, e.object) },
      { title: 'Message', cell: (e) => h('span', { class: 'message' }, e.message) },
      { title: 'Count', cell: (e) => e.count, numeric: true },
    ],
    events,
    { testId: 'autoscaler-events' },
  );
}

async function render(root: HTMLElement): Promise<void> {
  const v = await getJson<DecisionsView>('/api/v1/decisions');
  root.replaceChildren(
    header('Decisions', 'Each node omni made: what it compared, and why this place.'),
    v.decisions.length === 0 ? card(null, empty('No decisions yet. They appear when pods cannot be scheduled and omni makes a node.')) : h('div', { class: 'decisions' }, ...v.decisions.map(decisionCard)),
    card('Autoscaler events', v.events.length === 0 ? empty('No autoscaler events.') : eventsTable(v.events)),
  );
}

export const decisions: Screen = { id: 'decisions', title: 'Decisions', refreshOn: ['nodeclaims', 'events'], render };
