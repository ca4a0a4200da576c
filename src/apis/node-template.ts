// NodeTemplate: what the autoscaler may make, and where.
import { z } from 'zod';
import { bytes, cpuMillis } from './quantity.ts';
import { conditionSchema, kindSchema, quantitySchema, taintSchema } from './meta.ts';
import { parseWith } from './errors.ts';

export const NODE_TEMPLATE_KIND = 'NodeTemplate';

const ARCH_ALIASES = { amd64: 'amd64', x86_64: 'amd64', arm64: 'arm64', aarch64: 'arm64' } as const;

const architectureSchema = z
  .enum(['amd64', 'arm64', 'x86_64', 'aarch64'], {
    error: 'must be amd64 or arm64 (x86_64, aarch64 accepted)',
  })
  .transform((a) => ARCH_ALIASES[a]);

const familiesSchema = z.strictObject({
  include: z.array(z.string().min(1)).default([]),
  exclude: z.array(z.string().min(1)).default([]),
});

const gpuSchema = z.strictObject({
  names: z.array(z.string().min(1)).default([]),
  minCount: z.number().int().min(0).default(0),
  maxCount: z.number().int().min(0).default(0),
});

const constraintsSchema = z.strictObject({
  spot: z.boolean().default(false),
  onDemand: z.boolean().default(true),
  useSpotFallbacks: z.boolean().default(false),
  fallbackRestoreRateSeconds: z.number().int().min(0).default(1800),
  architectures: z.array(architectureSchema).min(1, 'must name at least one architecture').default(['amd64']),
  instanceFamilies: familiesSchema.prefault({}),
  azs: z.array(z.string().min(1)).default([]),
  minCpu: z.number().min(0).default(0),
  maxCpu: z.number().min(0).default(0),
  minMemory: quantitySchema.default('0'),
  maxMemory: quantitySchema.default('0'),
  gpu: gpuSchema.prefault({}),
});

const limitsSchema = z.strictObject({
  cpu: quantitySchema.default('0'),
  memory: quantitySchema.default('0'),
  gpu: z.number().int().min(0).default(0),
});

export const nodeTemplateSpecSchema = z
  .strictObject({
    mainRegion: z.boolean().default(true),
    edgeLocations: z.array(z.string().min(1)).default([]),
    constraints: constraintsSchema.prefault({}),
    labels: z.record(z.string(), z.string()).default({}),
    taints: z.array(taintSchema).default([]),
    limits: limitsSchema.prefault({}),
    weight: z.number().int().min(0).default(0),
  })
  .superRefine(checkSpec);

export const nodeTemplateStatusSchema = z.strictObject({
  conditions: z.array(conditionSchema).optional(),
  nodes: z.number().int().min(0).optional(),
  cpu: z.string().optional(),
  memory: z.string().optional(),
  gpu: z.number().optional(),
});

export const nodeTemplateSchema = kindSchema(
  NODE_TEMPLATE_KIND,
  nodeTemplateSpecSchema.prefault({}),
  nodeTemplateStatusSchema,
);

export type NodeTemplate = z.output<typeof nodeTemplateSchema>;
export type NodeTemplateSpec = z.output<typeof nodeTemplateSpecSchema>;
export type NodeTemplateInput = z.input<typeof nodeTemplateSchema>;

/** Parses and defaults a NodeTemplate; throws ValidationError naming the object and field. */
export function parseNodeTemplate(input: unknown): NodeTemplate {
  return parseWith(NODE_TEMPLATE_KIND, nodeTemplateSchema, input);
}

type SpecOutput = {
  mainRegion: boolean;
  edgeLocations: string[];
  constraints: z.output<typeof constraintsSchema>;
};

function checkSpec(spec: SpecOutput, ctx: z.RefinementCtx): void {
  const c = spec.constraints;
  if (spec.edgeLocations.length > 0 && c.architectures.some((a) => a !== 'amd64')) {
    ctx.addIssue({
      code: 'custom',
      path: ['constraints', 'architectures'],
      message: 'only amd64 is allowed with edgeLocations (edge nodes are x86_64 only)',
    });
  }
  if (!spec.mainRegion && spec.edgeLocations.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['mainRegion'],
      message: 'is false and edgeLocations is empty: the template allows no location',
    });
  }
  if (!c.spot && !c.onDemand) {
    ctx.addIssue({
      code: 'custom',
      path: ['constraints'],
      message: 'spot and onDemand are both false: the template allows no lifecycle',
    });
  }
  checkBounds(c, ctx);
}

function checkBounds(c: z.output<typeof constraintsSchema>, ctx: z.RefinementCtx): void {
  const minMax = (min: number, max: number, field: string, shown: [string, string]): void => {
    if (max > 0 && min > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['constraints', `min${field}`],
        message: `${shown[0]} is greater than max${field} ${shown[1]}`,
      });
    }
  };
  minMax(c.minCpu, c.maxCpu, 'Cpu', [String(c.minCpu), String(c.maxCpu)]);
  const minMemory = safeBytes(c.minMemory);
  const maxMemory = safeBytes(c.maxMemory);
  if (minMemory !== null && maxMemory !== null) {
    minMax(minMemory, maxMemory, 'Memory', [String(c.minMemory), String(c.maxMemory)]);
  }
  if (c.gpu.maxCount > 0 && c.gpu.minCount > c.gpu.maxCount) {
    ctx.addIssue({
      code: 'custom',
      path: ['constraints', 'gpu', 'minCount'],
      message: 'is greater than gpu.maxCount',
    });
  }
}

function safeBytes(q: string | number): number | null {
  try {
    return bytes(q);
  } catch {
    return null;
  }
}

/** Numeric view of a template's resource fields (cores, bytes), for the planner. */
export interface TemplateBounds {
  minCpu: number;
  maxCpu: number;
  minMemoryBytes: number;
  maxMemoryBytes: number;
  limitCpuMillis: number;
  limitMemoryBytes: number;
  limitGpu: number;
}

export function templateBounds(spec: NodeTemplateSpec): TemplateBounds {
  const c = spec.constraints;
  return {
    minCpu: c.minCpu,
    maxCpu: c.maxCpu,
    minMemoryBytes: bytes(c.minMemory),
    maxMemoryBytes: bytes(c.maxMemory),
    limitCpuMillis: cpuMillis(spec.limits.cpu),
    limitMemoryBytes: bytes(spec.limits.memory),
    limitGpu: spec.limits.gpu,
  };
}
