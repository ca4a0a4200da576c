// The node template form: a few common fields, turned into a NodeTemplate and back.
import type { NodeTemplateView } from '../../src/server/api-types.ts';
import { h } from '../lib/dom.ts';
import { checkbox, checked, field, input, list, numberOr, select, value } from '../lib/form.ts';

interface Constraints {
  spot?: boolean;
  onDemand?: boolean;
  architectures?: string[];
  instanceFamilies?: { include?: string[] };
  minCpu?: number;
  maxCpu?: number;
  minMemory?: string | number;
  maxMemory?: string | number;
  gpu?: { names?: string[]; minCount?: number };
}

interface TemplateSpec {
  mainRegion?: boolean;
  edgeLocations?: string[];
  constraints?: Constraints;
  weight?: number;
}

export function templateFields(edgeLocations: string[]): HTMLElement {
  return h(
    'div',
    { class: 'form-grid' },
    field('Name', 'metadata.name', input('name', { placeholder: 'gpu-inference' })),
    field('Architecture', 'spec.constraints.architectures', select('arch', ['amd64', 'arm64']), 'edge locations allow amd64 only'),
    h('div', { class: 'field', 'data-field': 'spec.mainRegion' }, h('span', { class: 'field-label' }, 'Main region'), checkbox('mainRegion', true, 'nodes may go in the main cluster’s region'), h('span', { class: 'field-error', role: 'alert' })),
    field('Edge locations', 'spec.edgeLocations', input('edgeLocations', { placeholder: edgeLocations.join(', ') || 'none yet', list: 'edge-location-names' }), 'comma-separated EdgeLocation names'),
    h('datalist', { id: 'edge-location-names' }, ...edgeLocations.map((n) => h('option', { value: n }))),
    h('div', { class: 'field', 'data-field': 'spec.constraints' }, h('span', { class: 'field-label' }, 'Lifecycle'), h('div', { class: 'checks' }, checkbox('spot', false, 'Spot'), checkbox('onDemand', true, 'On-Demand')), h('span', { class: 'field-error', role: 'alert' })),
    field('Instance families', 'spec.constraints.instanceFamilies', input('families', { placeholder: 'g2, g6, VM.GPU.A10' }), 'comma-separated; empty = any'),
    field('Min vCPU', 'spec.constraints.minCpu', input('minCpu', { inputmode: 'decimal', placeholder: '0' })),
    field('Max vCPU', 'spec.constraints.maxCpu', input('maxCpu', { inputmode: 'decimal', placeholder: '0 = no bound' })),
    field('Min memory', 'spec.constraints.minMemory', input('minMemory', { placeholder: 'e.g. 16Gi' })),
    field('Max memory', 'spec.constraints.maxMemory', input('maxMemory', { placeholder: 'e.g. 128Gi' })),
    field('GPU names', 'spec.constraints.gpu.names', input('gpuNames', { placeholder: 'L4, A100' }), 'exact catalog names, any case'),
    field('Min GPUs', 'spec.constraints.gpu.minCount', input('gpuMin', { inputmode: 'numeric', placeholder: '0' })),
    field('Weight', 'spec.weight', input('weight', { inputmode: 'numeric', placeholder: '0' }), 'higher is tried first at equal price'),
  );
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
}

/** The request body for the form's current values; unset fields are left to the CRD's defaults. */
export function templateBody(form: HTMLFormElement): { metadata: { name: string }; spec: TemplateSpec } {
  const gpuNames = list(value(form, 'gpuNames'));
  const gpuMin = numberOr(form, 'gpuMin');
  const families = list(value(form, 'families'));
  const constraints: Constraints = defined({
    spot: checked(form, 'spot'),
    onDemand: checked(form, 'onDemand'),
    architectures: [value(form, 'arch')],
    instanceFamilies: families.length ? { include: families } : undefined,
    minCpu: numberOr(form, 'minCpu') as number | undefined,
    maxCpu: numberOr(form, 'maxCpu') as number | undefined,
    minMemory: value(form, 'minMemory') || undefined,
    maxMemory: value(form, 'maxMemory') || undefined,
    gpu: gpuNames.length || gpuMin !== undefined ? defined({ names: gpuNames, minCount: gpuMin as number | undefined }) : undefined,
  });
  const spec: TemplateSpec = defined({
    mainRegion: checked(form, 'mainRegion'),
    edgeLocations: list(value(form, 'edgeLocations')),
    constraints,
    weight: numberOr(form, 'weight') as number | undefined,
  });
  return { metadata: { name: value(form, 'name') }, spec };
}

function set(form: HTMLFormElement, name: string, v: string | number | boolean | undefined): void {
  const el = form.elements.namedItem(name);
  if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = Boolean(v);
  else if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) el.value = v === undefined ? '' : String(v);
}

function nonZero<T>(v: T | undefined): T | undefined {
  return v === 0 || v === '0' ? undefined : v;
}

function joined(v: string[] | undefined): string {
  return (v ?? []).join(', ');
}

/** Form values of a template's spec, by input name. */
function formValues(spec: TemplateSpec): Record<string, string | number | boolean | undefined> {
  const c = spec.constraints ?? {};
  return {
    arch: c.architectures?.[0] ?? 'amd64',
    mainRegion: spec.mainRegion ?? true,
    edgeLocations: joined(spec.edgeLocations),
    spot: c.spot ?? false,
    onDemand: c.onDemand ?? true,
    families: joined(c.instanceFamilies?.include),
    minCpu: nonZero(c.minCpu),
    maxCpu: nonZero(c.maxCpu),
    minMemory: nonZero(c.minMemory),
    maxMemory: nonZero(c.maxMemory),
    gpuNames: joined(c.gpu?.names),
    gpuMin: nonZero(c.gpu?.minCount),
    weight: nonZero(spec.weight),
  };
}

/** Fills the form from an existing template (for editing). */
export function fillTemplate(form: HTMLFormElement, t: NodeTemplateView): void {
  set(form, 'name', t.name);
  for (const [name, v] of Object.entries(formValues(t.spec as TemplateSpec))) set(form, name, v);
}
