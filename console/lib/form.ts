// Form plumbing: labelled inputs tied to API field paths, and the API's 422 field messages shown under them.
import type { FieldError } from '../../src/server/api-types.ts';
import { ApiError } from './api.ts';
import { h } from './dom.ts';

/** A labelled control; `field` is the API field path its errors arrive under (prefix match). */
export function field(label: string, path: string, control: HTMLElement, hint?: string): HTMLElement {
  return h(
    'label',
    { class: 'field', 'data-field': path },
    h('span', { class: 'field-label' }, label),
    control,
    hint ? h('span', { class: 'field-hint' }, hint) : null,
    h('span', { class: 'field-error', 'data-testid': `error-${path}`, role: 'alert' }),
  );
}

export function input(name: string, attrs: Record<string, string> = {}): HTMLInputElement {
  return h('input', { name, ...attrs });
}

export function select(name: string, options: string[], selected?: string): HTMLSelectElement {
  return h('select', { name }, ...options.map((o) => h('option', { value: o, selected: o === selected }, o)));
}

export function checkbox(name: string, checked: boolean, label: string): HTMLElement {
  return h('label', { class: 'check' }, h('input', { type: 'checkbox', name, checked }), label);
}

export function clearErrors(form: HTMLElement): void {
  form.querySelectorAll('.field-error, .form-error').forEach((e) => (e.textContent = ''));
  form.querySelectorAll('.field.has-error').forEach((e) => e.classList.remove('has-error'));
}

/** The field element whose path is the longest prefix of `path`. */
function fieldFor(form: HTMLElement, path: string): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  for (const el of form.querySelectorAll<HTMLElement>('[data-field]')) {
    const p = el.dataset.field ?? '';
    const matches = path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`);
    if (matches && (!best || p.length > (best.dataset.field ?? '').length)) best = el;
  }
  return best;
}

function showFieldErrors(form: HTMLElement, fields: FieldError[]): string[] {
  const unplaced: string[] = [];
  for (const f of fields) {
    const el = fieldFor(form, f.field);
    const slot = el?.querySelector('.field-error');
    if (!el || !slot) {
      unplaced.push(f.field ? `${f.field}: ${f.message}` : f.message);
      continue;
    }
    el.classList.add('has-error');
    slot.textContent = slot.textContent ? `${slot.textContent}; ${f.message}` : f.message;
  }
  return unplaced;
}

/** Shows an API error on the form: field messages under their fields, the rest in the form's error box. */
export function showError(form: HTMLElement, err: unknown): void {
  const box = form.querySelector('.form-error');
  if (err instanceof ApiError && err.body?.fields) {
    const rest = showFieldErrors(form, err.body.fields);
    if (box) box.textContent = rest.length > 0 ? rest.join('\n') : 'Fix the fields marked below.';
    return;
  }
  if (box) box.textContent = err instanceof Error ? err.message : String(err);
}

export function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function value(form: HTMLFormElement, name: string): string {
  const el = form.elements.namedItem(name);
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.value.trim() : '';
}

export function checked(form: HTMLFormElement, name: string): boolean {
  const el = form.elements.namedItem(name);
  return el instanceof HTMLInputElement && el.checked;
}

/** A number field: the number, or the raw text when it is not one (so the API reports it). */
export function numberOr(form: HTMLFormElement, name: string): number | string | undefined {
  const v = value(form, name);
  if (v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
}
