// Cost over time: what the cluster costs per hour, against the same nodes all in the main region.
import type { CostView } from '../../src/server/api-types.ts';
import { getJson } from '../lib/api.ts';
import { lineChart } from '../lib/chart.ts';
import { card, empty, h, header, money, stat } from '../lib/dom.ts';
import type { Screen } from '../lib/screen.ts';

async function render(root: HTMLElement): Promise<void> {
  const v = await getJson<CostView>('/api/v1/cost');
  const points = v.samples.length > 1 ? v.samples : [...v.samples, v.current];
  const series = [
    { name: 'omni', colour: '#2f7d6d', points: points.map((s) => ({ t: Date.parse(s.time), v: s.costPerHour })) },
    { name: 'main region only', colour: '#9aa5b1', dashed: true, points: points.map((s) => ({ t: Date.parse(s.time), v: s.mainRegionOnlyCostPerHour })) },
  ];
  root.replaceChildren(
    header('Cost', `Hourly cost, sampled every ${v.intervalSeconds}s while this console runs.`),
    h('div', { class: 'stats' }, stat('Cost now', `${money(v.current.costPerHour)}/h`), stat('Main region only', `${money(v.current.mainRegionOnlyCostPerHour)}/h`), stat('Saving', `${money(v.savingsPerHour)}/h`, `${v.savingsPercent}%`), stat('Saving per month', money(v.savingsPerHour * 730, 0), 'at this rate, 730 h')),
    card(
      'Cost per hour over time',
      points.length < 2 ? empty('Collecting samples…') : h('div', { 'data-testid': 'cost-chart' }, lineChart(series, (x) => `$${x.toFixed(2)}`, 'Cost per hour over time')),
      h('div', { class: 'legend' }, h('span', {}, h('i', { style: 'background:#2f7d6d' }), 'with omni'), h('span', {}, h('i', { style: 'background:#9aa5b1' }), 'main region only'), h('span', {}, h('i', { class: 'savings-swatch' }), 'saving')),
      h('p', { class: 'footnote' }, 'Main region only: each edge node priced as the cheapest main-region offering with at least its vCPUs, memory and GPUs (or the price its decision record states).'),
    ),
  );
}

export const cost: Screen = { id: 'cost', title: 'Cost', refreshOn: ['cost'], render };
