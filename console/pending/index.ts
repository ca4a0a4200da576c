// Pending pods: what waits for a node, and what the scheduler said about it.
import type { PendingPodView } from '../../src/server/api-types.ts';
import { getJson } from '../lib/api.ts';
import { age, card, empty, h, header, pill } from '../lib/dom.ts';
import type { Screen } from '../lib/screen.ts';
import { table } from '../lib/table.ts';

function requests(p: PendingPodView): string {
  return [p.requests.cpu && `cpu ${p.requests.cpu}`, p.requests.memory && `mem ${p.requests.memory}`, p.requests.gpu > 0 && `gpu ${p.requests.gpu}`].filter(Boolean).join(' · ') || '—';
}

async function render(root: HTMLElement): Promise<void> {
  const { items } = await getJson<{ items: PendingPodView[] }>('/api/v1/pending-pods');
  root.replaceChildren(
    header('Pending pods', 'Pods without a node. omni’s autoscaler makes nodes for the ones the scheduler marks Unschedulable.'),
    card(
      null,
      items.length === 0
        ? empty('Nothing is pending — every pod has a node.')
        : table(
            [
              { title: 'Pod', cell: (p) => h('span', { class: 'mono' }, `${p.namespace}/${p.name}`) },
              { title: 'Reason', cell: (p) => (p.reason ? pill(p.reason, p.reason === 'Unschedulable' ? 'warn' : 'muted') : '—') },
              { title: 'Scheduler says', cell: (p) => h('span', { class: 'message' }, p.message) },
              { title: 'Requests', cell: requests },
              { title: 'Age', cell: (p) => age(p.ageSeconds), numeric: true },
            ],
            items,
            { testId: 'pending-table' },
          ),
    ),
  );
}

export const pending: Screen = { id: 'pending', title: 'Pending pods', refreshOn: ['pods'], render };
