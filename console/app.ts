// The console shell: hash routes to screens, the nav, and live redraws from server-sent events.
import { cost } from './cost/index.ts';
import { decisions } from './decisions/index.ts';
import { edgeLocations } from './edge-locations/index.ts';
import { evictor } from './evictor/index.ts';
import { ApiError } from './lib/api.ts';
import { h } from './lib/dom.ts';
import type { Screen } from './lib/screen.ts';
import { nodeTemplates } from './node-templates/index.ts';
import { nodes } from './nodes/index.ts';
import { overview } from './overview/index.ts';
import { pending } from './pending/index.ts';
import { prices } from './prices/index.ts';
import { tunnel } from './tunnel/index.ts';

const SCREENS: Screen[] = [overview, nodes, pending, decisions, edgeLocations, nodeTemplates, prices, cost, evictor, tunnel];

const root = document.getElementById('screen') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;
const live = document.getElementById('live') as HTMLElement;

function current(): Screen {
  const id = location.hash.replace(/^#\/?/, '') || 'overview';
  return SCREENS.find((s) => s.id === id) ?? overview;
}

function drawNav(active: Screen): void {
  nav.replaceChildren(...SCREENS.map((s) => h('li', {}, h('a', { href: `#/${s.id}`, class: s === active ? 'active' : undefined, 'aria-current': s === active ? 'page' : undefined }, s.title))));
}

let drawing = Promise.resolve();

function draw(screen: Screen): void {
  drawing = drawing.then(async () => {
    try {
      await screen.render(root);
      root.dataset.screen = screen.id;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return location.reload();
      root.replaceChildren(h('div', { class: 'card' }, h('p', { class: 'form-error' }, `Could not load ${screen.title}: ${err instanceof Error ? err.message : String(err)}`)));
    }
  });
}

function show(): void {
  const screen = current();
  drawNav(screen);
  document.title = `${screen.title} · omni`;
  root.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  draw(screen);
}

function liveUpdates(): void {
  const es = new EventSource('/api/v1/events/stream');
  es.addEventListener('open', () => (live.textContent = '● live'));
  es.addEventListener('error', () => (live.textContent = '○ reconnecting'));
  const redraw = (kinds: string[]): void => {
    const screen = current();
    if (kinds.some((k) => screen.refreshOn.includes(k))) draw(screen);
  };
  es.addEventListener('change', (e) => redraw((JSON.parse((e as MessageEvent<string>).data) as { kinds: string[] }).kinds));
  es.addEventListener('cost', () => redraw(['cost']));
}

window.addEventListener('hashchange', show);
show();
liveUpdates();
