// Overview: the main cluster and every edge location on one screen, with nodes, pods and hourly cost.
import type { LocationSummary, OverviewView } from '../../src/server/api-types.ts';
import { getJson } from '../lib/api.ts';
import { card, h, header, money, pill, stat } from '../lib/dom.ts';
import type { Screen } from '../lib/screen.ts';
import { CLOUD_COLOURS } from '../lib/chart.ts';

function stateTone(state: string): 'ok' | 'warn' | 'bad' | 'muted' {
  if (state === 'Ready') return 'ok';
  if (state === 'Failed') return 'bad';
  return state === 'Offboarding' ? 'muted' : 'warn';
}

function locationCard(l: LocationSummary, main: boolean): HTMLElement {
  return h(
    'article',
    { class: `location ${main ? 'location-main' : ''}`, 'data-location': l.name, style: `--cloud:${CLOUD_COLOURS[l.cloud] ?? '#8792a2'}` },
    h('div', { class: 'location-head' }, h('div', {}, h('h3', {}, main ? 'Main cluster' : l.name), h('div', { class: 'muted' }, `${l.cloud || '?'} · ${l.region || 'region unknown'}`)), pill(l.state, stateTone(l.state))),
    h(
      'dl',
      { class: 'location-facts' },
      h('dt', {}, 'Nodes'),
      h('dd', {}, String(l.nodes), l.virtualNodes > 0 ? h('span', { class: 'muted' }, ` (${l.virtualNodes} virtual)`) : null),
      h('dt', {}, 'Pods'),
      h('dd', {}, String(l.pods)),
      h('dt', {}, 'Cost'),
      h('dd', {}, `${money(l.costPerHour)}/h`),
    ),
  );
}

async function render(root: HTMLElement): Promise<void> {
  const o = await getJson<OverviewView>('/api/v1/overview');
  const savings = o.totals.mainRegionOnlyCostPerHour - o.totals.costPerHour;
  root.replaceChildren(
    header('Overview', 'Your main cluster and its edge locations, with what runs where and what it costs.'),
    h(
      'div',
      { class: 'stats' },
      stat('Cost now', `${money(o.totals.costPerHour)}/h`),
      stat('Main region only', `${money(o.totals.mainRegionOnlyCostPerHour)}/h`, 'the same nodes, all in the main region'),
      stat('Saving', `${money(savings)}/h`, o.totals.mainRegionOnlyCostPerHour > 0 ? `${((savings / o.totals.mainRegionOnlyCostPerHour) * 100).toFixed(1)}%` : undefined),
      stat('Nodes', String(o.totals.nodes)),
      stat('Pods', String(o.totals.pods)),
      stat('Pending pods', String(o.totals.pendingPods)),
    ),
    card(
      'Locations',
      h('div', { class: 'locations', 'data-testid': 'locations' }, locationCard(o.main, true), ...o.edgeLocations.map((l) => locationCard(l, false))),
      o.edgeLocations.length === 0 ? h('p', { class: 'muted' }, 'No edge locations yet — add one on the Edge locations screen.') : null,
    ),
  );
}

export const overview: Screen = { id: 'overview', title: 'Overview', refreshOn: ['nodes', 'pods', 'edgelocations', 'nodeclaims'], render };
