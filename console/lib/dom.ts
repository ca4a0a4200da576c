// A tiny DOM builder and the formatting every screen shares.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | EventListener | undefined>;

/** `h('div', { class: 'card' }, 'text', h('b', {}, 'bold'))` */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) setAttr(el, k, v);
  append(el, children);
  return el;
}

function setAttr(el: HTMLElement, k: string, v: Attrs[string]): void {
  if (v === undefined || v === false) return;
  if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
  else if (v === true) el.setAttribute(k, '');
  else el.setAttribute(k, String(v));
}

export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

export function money(n: number | null | undefined, digits = 3): string {
  return n === null || n === undefined ? '—' : `$${n.toFixed(digits)}`;
}

export function age(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h${Math.floor((seconds % 3600) / 60)}m`;
  return `${Math.floor(seconds / 86400)}d`;
}

export function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isFinite(d.getTime()) ? d.toLocaleString() : iso;
}

/** A coloured pill: `ok`, `warn`, `bad`, `muted` or `accent`. */
export function pill(text: string, tone: 'ok' | 'warn' | 'bad' | 'muted' | 'accent' = 'muted'): HTMLElement {
  return h('span', { class: `pill pill-${tone}` }, text);
}

export function header(title: string, subtitle: string, ...extra: Child[]): HTMLElement {
  return h('header', { class: 'screen-head' }, h('div', {}, h('h1', {}, title), h('p', { class: 'sub' }, subtitle)), ...extra);
}

export function card(title: string | null, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card' }, title ? h('h2', {}, title) : null, ...children);
}

export function empty(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

export function stat(label: string, value: string, note?: string): HTMLElement {
  return h('div', { class: 'stat' }, h('div', { class: 'stat-label' }, label), h('div', { class: 'stat-value' }, value), note ? h('div', { class: 'stat-note' }, note) : null);
}
