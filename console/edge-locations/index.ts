// Edge locations: onboarding steps and health of each, and a form to add one.
import type { EdgeLocationView } from '../../src/server/api-types.ts';
import { getJson, sendJson } from '../lib/api.ts';
import { card, empty, h, header, money, pill } from '../lib/dom.ts';
import { clearErrors, field, input, list, select, showError, value } from '../lib/form.ts';
import type { Screen } from '../lib/screen.ts';
import { CLOUD_COLOURS } from '../lib/chart.ts';

function stepIcon(status: string): HTMLElement {
  if (status === 'True') return h('span', { class: 'step-icon ok', 'aria-label': 'done' }, '✓');
  if (status === 'False') return h('span', { class: 'step-icon bad', 'aria-label': 'failed' }, '✕');
  return h('span', { class: 'step-icon wait', 'aria-label': 'waiting' }, '…');
}

function stateTone(state: string): 'ok' | 'warn' | 'bad' | 'muted' {
  return state === 'Ready' ? 'ok' : state === 'Failed' ? 'bad' : state === 'Offboarding' ? 'muted' : 'warn';
}

function locationCard(l: EdgeLocationView): HTMLElement {
  return h(
    'article',
    { class: 'edge', 'data-testid': 'edge-location', 'data-name': l.name, style: `--cloud:${CLOUD_COLOURS[l.cloud] ?? '#8792a2'}` },
    h('div', { class: 'location-head' }, h('div', {}, h('h3', {}, l.name), h('div', { class: 'muted' }, `${l.cloud} · ${l.region}${l.zones.length ? ` · ${l.zones.join(', ')}` : ''}`)), pill(l.state, stateTone(l.state))),
    h(
      'ol',
      { class: 'steps' },
      ...l.conditions.map((c) => h('li', { class: `step step-${c.status.toLowerCase()}` }, stepIcon(c.status), h('div', {}, h('div', { class: 'step-title' }, c.type), h('div', { class: 'muted small' }, [c.reason, c.message].filter(Boolean).join(' — ') || '—')))),
    ),
    h('div', { class: 'edge-foot muted' }, `${l.nodes} nodes · ${l.pods} pods · ${money(l.costPerHour)}/h`, l.edgeClusterEndpoint ? h('span', { class: 'mono' }, ` · ${l.edgeClusterEndpoint}`) : null),
  );
}

function createForm(onCreated: () => void): HTMLFormElement {
  const form = h(
    'form',
    { class: 'form', 'data-testid': 'edge-location-form' },
    h('div', { class: 'form-grid' },
      field('Name', 'metadata.name', input('name', { placeholder: 'gcp-us-central1', required: 'true' })),
      field('Cloud', 'spec.cloud', select('cloud', ['gcp', 'aws', 'oci'])),
      field('Region', 'spec.region', input('region', { placeholder: 'us-central1' })),
      field('Zones', 'spec.zones', input('zones', { placeholder: 'us-central1-a, us-central1-b' }), 'comma-separated; empty = all zones of the region'),
      field('Credentials Secret', 'spec.credentialsSecretRef', input('secret', { placeholder: 'edge-gcp-us-central1' }), 'a Secret in castai-omni'),
    ),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'primary' }, 'Add edge location'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const zones = list(value(form, 'zones'));
    const secret = value(form, 'secret');
    const body = {
      metadata: { name: value(form, 'name') },
      spec: { cloud: value(form, 'cloud'), region: value(form, 'region'), ...(zones.length ? { zones } : {}), ...(secret ? { credentialsSecretRef: { name: secret } } : {}) },
    };
    sendJson('POST', '/api/v1/edge-locations', body).then(() => {
      form.reset();
      onCreated();
    }, (err: unknown) => showError(form, err));
  });
  return form;
}

function listPart(items: EdgeLocationView[]): HTMLElement {
  return h('div', { 'data-part': 'list' }, items.length === 0 ? card(null, empty('No edge locations yet.')) : h('div', { class: 'edges' }, ...items.map(locationCard)));
}

/** Redraws only the list when the screen is already up, so a half-filled form keeps its focus. */
async function render(root: HTMLElement): Promise<void> {
  const { items } = await getJson<{ items: EdgeLocationView[] }>('/api/v1/edge-locations');
  const shown = root.querySelector('[data-part="list"]');
  if (shown && root.querySelector('[data-testid="edge-location-form"]')) return void shown.replaceWith(listPart(items));
  root.replaceChildren(
    header('Edge locations', 'Cloud regions where omni may make edge nodes, and how far each is in onboarding.'),
    listPart(items),
    card('Add an edge location', h('p', { class: 'muted' }, 'Networking left empty is created at onboarding. The region and zones are checked against the catalog.'), createForm(() => void render(root))),
  );
}

export const edgeLocations: Screen = { id: 'edge-locations', title: 'Edge locations', refreshOn: ['edgelocations', 'nodes'], render };
