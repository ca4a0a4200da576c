// Node templates: what the autoscaler may make, and a form to create or edit one.
import type { EdgeLocationView, NodeTemplateView } from '../../src/server/api-types.ts';
import { getJson, sendJson } from '../lib/api.ts';
import { card, empty, h, header, pill } from '../lib/dom.ts';
import { clearErrors, showError } from '../lib/form.ts';
import type { Screen } from '../lib/screen.ts';
import { table } from '../lib/table.ts';
import { fillTemplate, templateBody, templateFields } from './template-form.ts';

interface Spec {
  mainRegion?: boolean;
  edgeLocations?: string[];
  constraints?: { spot?: boolean; onDemand?: boolean; architectures?: string[]; gpu?: { names?: string[]; minCount?: number } };
  weight?: number;
}

function where(s: Spec): string {
  return [s.mainRegion !== false ? 'main region' : null, ...(s.edgeLocations ?? [])].filter(Boolean).join(', ');
}

function gpus(s: Spec): string {
  const g = s.constraints?.gpu;
  if (!g || (!g.names?.length && !g.minCount)) return '—';
  return `${g.names?.length ? g.names.join('/') : 'any'}${g.minCount ? ` ≥${g.minCount}` : ''}`;
}

interface State {
  editing: string | null;
}

function templatesTable(items: NodeTemplateView[], onEdit: (t: NodeTemplateView) => void): HTMLElement {
  return table(
    [
      { title: 'Name', cell: (t) => h('span', { class: 'mono' }, t.name) },
      { title: 'Where', cell: (t) => where(t.spec as Spec) },
      { title: 'Lifecycle', cell: (t) => [(t.spec as Spec).constraints?.spot ? 'spot' : null, (t.spec as Spec).constraints?.onDemand !== false ? 'on-demand' : null].filter(Boolean).join(' + ') },
      { title: 'Arch', cell: (t) => ((t.spec as Spec).constraints?.architectures ?? ['amd64']).join(', ') },
      { title: 'GPUs', cell: (t) => gpus(t.spec as Spec) },
      { title: 'Weight', cell: (t) => (t.spec as Spec).weight ?? 0, numeric: true },
      { title: '', cell: (t) => h('button', { class: 'link', type: 'button', onclick: () => onEdit(t) }, 'Edit') },
    ],
    items,
    { testId: 'templates-table', rowId: (t) => t.name },
  );
}

function listPart(items: NodeTemplateView[], onEdit: (t: NodeTemplateView) => void): HTMLElement {
  return h('div', { 'data-part': 'list' }, card(null, items.length === 0 ? empty('No node templates yet.') : templatesTable(items, onEdit)));
}

function buildForm(edgeNames: string[], state: State, done: () => void): HTMLFormElement {
  const title = h('h2', { class: 'form-title' }, 'New node template');
  const form = h('form', { class: 'form', 'data-testid': 'template-form' }, title, templateFields(edgeNames), h('p', { class: 'form-error', role: 'alert', 'data-testid': 'form-error' }), h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save template'), h('button', { type: 'reset', class: 'link' }, 'Clear')));
  form.addEventListener('reset', () => {
    state.editing = null;
    title.textContent = 'New node template';
    clearErrors(form);
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const body = templateBody(form);
    const save = state.editing ? sendJson('PUT', `/api/v1/node-templates/${encodeURIComponent(state.editing)}`, body) : sendJson('POST', '/api/v1/node-templates', body);
    save.then(() => {
      form.reset();
      done();
    }, (err: unknown) => showError(form, err));
  });
  return form;
}

function startEdit(form: HTMLFormElement, state: State, t: NodeTemplateView): void {
  state.editing = t.name;
  clearErrors(form);
  fillTemplate(form, t);
  const title = form.querySelector('.form-title');
  if (title) title.textContent = `Edit ${t.name}`;
  form.scrollIntoView({ behavior: 'smooth' });
}

function makeRender(): (root: HTMLElement) => Promise<void> {
  const state: State = { editing: null };
  let form: HTMLFormElement | undefined;
  const render = async (root: HTMLElement): Promise<void> => {
    const [{ items }, edges] = await Promise.all([getJson<{ items: NodeTemplateView[] }>('/api/v1/node-templates'), getJson<{ items: EdgeLocationView[] }>('/api/v1/edge-locations')]);
    const shown = root.querySelector('[data-part="list"]');
    if (form && root.contains(form) && shown) {
      const f = form;
      return void shown.replaceWith(listPart(items, (t) => startEdit(f, state, t)));
    }
    const f = buildForm(edges.items.map((e) => e.name), state, () => void render(root));
    form = f;
    root.replaceChildren(
      header('Node templates', 'What the autoscaler may make, and where. Validated the same way as the NodeTemplate CRD.'),
      listPart(items, (t) => startEdit(f, state, t)),
      card(null, f, h('p', { class: 'footnote' }, 'Fields left empty take the CRD’s defaults. ', pill('tip', 'accent'), ' Edge locations allow only amd64.')),
    );
  };
  return render;
}

export const nodeTemplates: Screen = { id: 'node-templates', title: 'Node templates', refreshOn: ['nodetemplates'], render: makeRender() };
