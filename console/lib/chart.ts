// Hand-drawn SVG charts: horizontal bars (price per GPU-hour by location) and lines over time (cost).

const SVG = 'http://www.w3.org/2000/svg';

export const CLOUD_COLOURS: Record<string, string> = {
  aws: '#d9822b',
  gcp: '#3f7fd6',
  oci: '#c4473a',
  azure: '#2b9bb8',
};

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export interface Bar {
  label: string;
  note: string;
  value: number;
  colour: string;
}

/** One bar per item, longest = largest value; labels left, values right. */
export function barChart(bars: Bar[], format: (v: number) => string, title: string): SVGSVGElement {
  const rowH = 26;
  const labelW = 200;
  const width = 760;
  const barW = width - labelW - 260;
  const height = bars.length * rowH + 10;
  const max = Math.max(...bars.map((b) => b.value), 1e-9);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title });
  bars.forEach((b, i) => {
    const y = 5 + i * rowH;
    const w = Math.max(2, (b.value / max) * barW);
    svg.append(
      s('text', { x: 0, y: y + 16, class: 'chart-label' }, b.label),
      s('rect', { x: labelW, y: y + 4, width: w, height: rowH - 10, rx: 3, fill: b.colour, opacity: 0.85 }),
      s('text', { x: labelW + w + 8, y: y + 16, class: 'chart-value' }, format(b.value)),
      s('text', { x: labelW + w + 62, y: y + 16, class: 'chart-note' }, b.note),
    );
  });
  return svg;
}

export interface Series {
  name: string;
  colour: string;
  points: { t: number; v: number }[];
  dashed?: boolean;
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return Math.ceil(v / p) * p;
}

/** Lines over time with a y axis from 0, the gap between the first two series shaded (the savings). */
export function lineChart(series: Series[], format: (v: number) => string, title: string): SVGSVGElement {
  const width = 760;
  const height = 260;
  const pad = { l: 64, r: 16, t: 12, b: 28 };
  const all = series.flatMap((x) => x.points);
  const t0 = Math.min(...all.map((p) => p.t));
  const t1 = Math.max(...all.map((p) => p.t), t0 + 1);
  const vMax = niceMax(Math.max(...all.map((p) => p.v), 0));
  const x = (t: number): number => pad.l + ((t - t0) / (t1 - t0)) * (width - pad.l - pad.r);
  const y = (v: number): number => height - pad.b - (v / vMax) * (height - pad.t - pad.b);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title });
  for (let i = 0; i <= 4; i++) {
    const v = (vMax * i) / 4;
    svg.append(s('line', { x1: pad.l, x2: width - pad.r, y1: y(v), y2: y(v), class: 'grid' }), s('text', { x: pad.l - 8, y: y(v) + 4, class: 'axis', 'text-anchor': 'end' }, format(v)));
  }
  svg.append(s('text', { x: pad.l, y: height - 8, class: 'axis' }, new Date(t0).toLocaleTimeString()), s('text', { x: width - pad.r, y: height - 8, class: 'axis', 'text-anchor': 'end' }, new Date(t1).toLocaleTimeString()));
  const [a, b] = series;
  if (a && b && a.points.length > 1) {
    const top = b.points.map((p) => `${x(p.t)},${y(p.v)}`);
    const bottom = [...a.points].reverse().map((p) => `${x(p.t)},${y(p.v)}`);
    svg.append(s('polygon', { points: [...top, ...bottom].join(' '), class: 'savings-area' }));
  }
  for (const line of series) {
    const d = line.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
    svg.append(s('path', { d, fill: 'none', stroke: line.colour, 'stroke-width': 2.2, 'stroke-dasharray': line.dashed ? '6 4' : 'none' }));
  }
  return svg;
}
