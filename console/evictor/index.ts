// Evictor: pods moved back from edge nodes to the main cluster, or packed onto fewer edge nodes.
import type { EventView } from '../../src/server/api-types.ts';
import { getJson } from '../lib/api.ts';
import { card, empty, h, header, pill, when } from '../lib/dom.ts';
import type { Screen } from '../lib/screen.ts';
import { table } from '../lib/table.ts';

async function render(root: HTMLElement): Promise<void> {
  const { items } = await getJson<{ items: EventView[] }>('/api/v1/evictor');
  root.replaceChildren(
    header('Evictor', 'Pods the evictor moved from edge nodes back to the main cluster, or packed onto fewer edge nodes.'),
    card(
      null,
      items.length === 0
        ? empty('The evictor has not moved anything yet.')
        : table(
            [
              { title: 'When', cell: (e) => when(e.time) },
              { title: 'Action', cell: (e) => pill(e.reason === 'EvictorWouldMove' ? 'would move (dry run)' : e.reason, e.reason === 'EvictorMoved' ? 'accent' : 'muted') },
              { title: 'Pod', cell: (e) => h('span', { class: 'mono' }, e.object.replace(/^Pod\//, '')) },
              { title: 'Why', cell: (e) => h('span', { class: 'message' }, e.message) },
            ],
            items,
            { testId: 'evictor-table' },
          ),
    ),
  );
}

export const evictor: Screen = { id: 'evictor', title: 'Evictor', refreshOn: ['events'], render };
