// Price explorer: the `omni prices` query, and the cheapest price per GPU-hour in each cloud region.
import type { PriceByLocation } from '../../src/server/api-types.ts';
import { ApiError, getJson } from '../lib/api.ts';
import { barChart, CLOUD_COLOURS } from '../lib/chart.ts';
import { card, empty, h, header, money } from '../lib/dom.ts';
import { field, input, select, value } from '../lib/form.ts';
import type { Screen } from '../lib/screen.ts';
import { table } from '../lib/table.ts';

interface PriceRow {
  cloud: string;
  region: string;
  zone: string;
  instanceType: string;
  vcpus: number;
  memoryGiB: number;
  gpuName: string;
  gpuCount: number;
  onDemandPricePerHour: number | null;
  spotPricePerHour: number | null;
  pricePerGpuHour: number | null;
}

const GPUS = ['A100', 'A100-80GB', 'H100', 'L4', 'L40S', 'A10', 'A10G', 'T4', 'V100'];
const PARAMS = ['gpu', 'lifecycle', 'cloud', 'minCpu', 'limit'];

function query(form: HTMLFormElement): string {
  const q = new URLSearchParams();
  for (const k of PARAMS) if (value(form, k)) q.set(k, value(form, k));
  return q.toString();
}

function chart(byLocation: PriceByLocation[]): HTMLElement {
  if (byLocation.length === 0) return empty('No GPU offerings match — pick a GPU to compare locations.');
  const bars = byLocation.map((b) => ({ label: `${b.cloud} ${b.region}`, note: `${b.gpuCount}× ${b.gpuName} ${b.instanceType}`, value: b.pricePerGpuHour, colour: CLOUD_COLOURS[b.cloud] ?? '#8792a2' }));
  return h('div', { 'data-testid': 'gpu-chart' }, barChart(bars, (v) => `$${v.toFixed(3)}`, 'Price per GPU-hour by location'), h('div', { class: 'legend' }, ...Object.entries(CLOUD_COLOURS).map(([c, col]) => h('span', {}, h('i', { style: `background:${col}` }), c))));
}

function rowsTable(rows: PriceRow[]): HTMLElement {
  return table(
    [
      { title: 'Cloud', cell: (r) => r.cloud },
      { title: 'Region · zone', cell: (r) => `${r.region}${r.zone ? ` · ${r.zone}` : ''}` },
      { title: 'Instance type', cell: (r) => h('span', { class: 'mono' }, r.instanceType) },
      { title: 'vCPU', cell: (r) => r.vcpus, numeric: true },
      { title: 'Memory', cell: (r) => `${r.memoryGiB} GiB`, numeric: true },
      { title: 'GPUs', cell: (r) => (r.gpuCount ? `${r.gpuCount}× ${r.gpuName}` : '—') },
      { title: 'On-Demand', cell: (r) => money(r.onDemandPricePerHour, 4), numeric: true },
      { title: 'Spot', cell: (r) => money(r.spotPricePerHour, 4), numeric: true },
      { title: '$/GPU-h', cell: (r) => money(r.pricePerGpuHour, 4), numeric: true },
    ],
    rows,
    { testId: 'prices-table' },
  );
}

async function load(form: HTMLFormElement, out: HTMLElement): Promise<void> {
  try {
    const v = await getJson<{ rows: PriceRow[]; byLocation: PriceByLocation[] }>(`/api/v1/prices?${query(form)}`);
    out.replaceChildren(card('Cheapest price per GPU-hour by location', chart(v.byLocation)), card(`${v.rows.length} offerings, cheapest first`, v.rows.length ? rowsTable(v.rows) : empty('No offerings match.')));
  } catch (err) {
    out.replaceChildren(card(null, h('p', { class: 'form-error' }, err instanceof ApiError ? err.message : String(err))));
  }
}

async function render(root: HTMLElement): Promise<void> {
  const out = h('div', {});
  const form = h(
    'form',
    { class: 'form filters', 'data-testid': 'prices-form' },
    h('div', { class: 'form-grid' },
      field('GPU', 'gpu', input('gpu', { list: 'gpu-names', placeholder: 'L4', value: 'L4' })),
      h('datalist', { id: 'gpu-names' }, ...GPUS.map((g) => h('option', { value: g }))),
      field('Lifecycle', 'lifecycle', select('lifecycle', ['', 'spot', 'on-demand'])),
      field('Cloud', 'cloud', select('cloud', ['', 'aws', 'gcp', 'oci', 'azure'])),
      field('Min vCPU', 'minCpu', input('minCpu', { inputmode: 'decimal' })),
      field('Show', 'limit', select('limit', ['25', '50', '100'], '25')),
    ),
    h('button', { type: 'submit', class: 'primary' }, 'Search'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void load(form, out);
  });
  root.replaceChildren(header('Prices', 'Instance types and hourly prices across clouds — the same query as omni prices.'), card(null, form), out);
  await load(form, out);
}

export const prices: Screen = { id: 'prices', title: 'Prices', refreshOn: [], render };
