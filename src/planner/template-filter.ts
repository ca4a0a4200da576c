// Which offerings a NodeTemplate allows: architecture, families, cpu/memory/GPU bounds, zones.
import type { Offering } from '../catalog/types.ts';
import { templateBounds, type NodeTemplate, type TemplateBounds } from '../apis/index.ts';

const GIB = 2 ** 30;

export type OfferingFilter = (offering: Offering, edge: boolean) => boolean;

/** The template's offering rules, with its quantities parsed once. */
export function templateFilter(template: NodeTemplate): OfferingFilter {
  const c = template.spec.constraints;
  const bounds = templateBounds(template.spec);
  return (offering, edge) => {
    if (!c.architectures.includes(offering.arch)) return false;
    if (edge && offering.arch !== 'amd64') return false;
    if (c.azs.length > 0 && !c.azs.includes(offering.zone)) return false;
    return (
      familyAllowed(template, offering.instanceType) &&
      sizeAllowed(bounds, offering) &&
      gpuAllowed(template, offering)
    );
  };
}

/** A family matches a type that starts with it followed by a separator: m5 ⊃ m5.large, not m5d.large. */
export function inFamily(instanceType: string, family: string): boolean {
  const t = instanceType.toLowerCase();
  const f = family.toLowerCase();
  if (!t.startsWith(f)) return false;
  return t.length === f.length || '.-_$'.includes(t[f.length]);
}

function familyAllowed(template: NodeTemplate, instanceType: string): boolean {
  const { include, exclude } = template.spec.constraints.instanceFamilies;
  if (include.length > 0 && !include.some((f) => inFamily(instanceType, f))) return false;
  return !exclude.some((f) => inFamily(instanceType, f));
}

function sizeAllowed(b: TemplateBounds, offering: Offering): boolean {
  const memory = offering.memoryGiB * GIB;
  if (b.minCpu > 0 && offering.vcpus < b.minCpu) return false;
  if (b.maxCpu > 0 && offering.vcpus > b.maxCpu) return false;
  if (b.minMemoryBytes > 0 && memory < b.minMemoryBytes) return false;
  return !(b.maxMemoryBytes > 0 && memory > b.maxMemoryBytes);
}

function gpuAllowed(template: NodeTemplate, offering: Offering): boolean {
  const gpu = template.spec.constraints.gpu;
  const count = Math.floor(offering.gpuCount + 1e-9);
  const wantsGpu = gpu.names.length > 0 || gpu.minCount > 0;
  if (wantsGpu && count === 0) return false;
  if (gpu.names.length > 0 && !gpu.names.some((n) => n.toUpperCase() === offering.gpuName.toUpperCase()))
    return false;
  if (gpu.minCount > 0 && count < gpu.minCount) return false;
  return !(gpu.maxCount > 0 && count > gpu.maxCount);
}
