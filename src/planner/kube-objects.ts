// Kubernetes manifests (Pod, workloads, DaemonSet, Node) → the planner's plain inputs.
import { z } from 'zod';
import { bytes, cpuMillis, parseQuantity, taintSchema } from '../apis/index.ts';
import type {
  DaemonSetSpec,
  ExistingNode,
  LabelSelector,
  NodeSelectorRequirement,
  PlannerPod,
  Resources,
  Toleration,
  ZoneSpread,
} from './types.ts';
import { add, zero } from './resources.ts';

const stringMap = z.record(z.string(), z.string());
const quantityMap = z.record(z.string(), z.union([z.string(), z.number()]));

const resourcesSchema = z.looseObject({ requests: quantityMap.optional(), limits: quantityMap.optional() });
const containerSchema = z.looseObject({ name: z.string().optional(), resources: resourcesSchema.optional() });

const expressionSchema = z.object({
  key: z.string(),
  operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']),
  values: z.array(z.string()).optional(),
});
const labelSelectorSchema = z.looseObject({
  matchLabels: stringMap.optional(),
  matchExpressions: z
    .array(
      z.object({
        key: z.string(),
        operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
        values: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});

const affinitySchema = z.looseObject({
  nodeAffinity: z
    .looseObject({
      requiredDuringSchedulingIgnoredDuringExecution: z
        .looseObject({
          nodeSelectorTerms: z.array(
            z.looseObject({ matchExpressions: z.array(expressionSchema).optional() }),
          ),
        })
        .optional(),
    })
    .optional(),
  podAntiAffinity: z
    .looseObject({
      requiredDuringSchedulingIgnoredDuringExecution: z
        .array(z.looseObject({ topologyKey: z.string(), labelSelector: labelSelectorSchema.optional() }))
        .optional(),
    })
    .optional(),
});

const tolerationSchema = z.looseObject({
  key: z.string().optional(),
  operator: z.enum(['Exists', 'Equal']).optional(),
  value: z.string().optional(),
  effect: z.enum(['', 'NoSchedule', 'PreferNoSchedule', 'NoExecute']).optional(),
});

export const podSpecSchema = z.looseObject({
  nodeName: z.string().optional(),
  containers: z.array(containerSchema).min(1, 'must list at least one container'),
  initContainers: z.array(containerSchema).optional(),
  nodeSelector: stringMap.optional(),
  affinity: affinitySchema.optional(),
  tolerations: z.array(tolerationSchema).optional(),
  volumes: z
    .array(
      z.looseObject({ persistentVolumeClaim: z.unknown().optional(), ephemeral: z.unknown().optional() }),
    )
    .optional(),
  topologySpreadConstraints: z
    .array(
      z.looseObject({
        maxSkew: z.number().int().min(1),
        topologyKey: z.string(),
        whenUnsatisfiable: z.string().optional(),
        labelSelector: labelSelectorSchema.optional(),
      }),
    )
    .optional(),
});
export type PodSpec = z.infer<typeof podSpecSchema>;

const metaSchema = z.looseObject({
  name: z.string().min(1),
  namespace: z.string().optional(),
  labels: stringMap.optional(),
});

export const podManifestSchema = z.looseObject({ metadata: metaSchema, spec: podSpecSchema });
export const podTemplateSchema = z.looseObject({
  metadata: z.looseObject({ labels: stringMap.optional() }).optional(),
  spec: podSpecSchema,
});
export const nodeManifestSchema = z.looseObject({
  metadata: metaSchema,
  spec: z.looseObject({ taints: z.array(taintSchema.loose()).optional() }).optional(),
  status: z.looseObject({ allocatable: quantityMap }),
});

function containerRequests(resources: z.infer<typeof resourcesSchema> | undefined): Resources {
  // Kubernetes defaults requests to limits when only limits are set.
  const all = { ...(resources?.limits ?? {}), ...(resources?.requests ?? {}) };
  return resourcesFromMap(all, 0);
}

/** cpu/memory/ephemeral-storage/nvidia.com/gpu (and pods) from a Kubernetes resource map. */
export function resourcesFromMap(map: Record<string, string | number>, pods: number): Resources {
  const get = (k: string): string | number => map[k] ?? 0;
  return {
    cpu: cpuMillis(get('cpu')),
    memory: bytes(get('memory')),
    ephemeral: bytes(get('ephemeral-storage')),
    gpu: Math.floor(parseQuantity(get('nvidia.com/gpu'))),
    pods,
  };
}

/** Effective pod request: max(sum of containers, largest init container), one pod slot. */
export function podRequests(spec: PodSpec): Resources {
  const main = spec.containers.reduce((sum, c) => add(sum, containerRequests(c.resources)), zero());
  const init = (spec.initContainers ?? []).map((c) => containerRequests(c.resources));
  const max = init.reduce(
    (m, r) => ({
      cpu: Math.max(m.cpu, r.cpu),
      memory: Math.max(m.memory, r.memory),
      ephemeral: Math.max(m.ephemeral, r.ephemeral),
      gpu: Math.max(m.gpu, r.gpu),
      pods: 0,
    }),
    main,
  );
  return { ...max, pods: 1 };
}

function affinityTerms(spec: PodSpec): NodeSelectorRequirement[][] {
  const terms =
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  return terms.map((t) =>
    (t.matchExpressions ?? []).map((e) => ({
      key: e.key,
      operator: e.operator,
      ...(e.values ? { values: e.values } : {}),
    })),
  );
}

function selector(s: z.infer<typeof labelSelectorSchema> | undefined): LabelSelector {
  return { matchLabels: s?.matchLabels ?? {}, matchExpressions: s?.matchExpressions ?? [] };
}

function antiAffinity(spec: PodSpec): LabelSelector[] {
  const terms = spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  return terms
    .filter((t) => t.topologyKey === 'kubernetes.io/hostname')
    .map((t) => selector(t.labelSelector));
}

function zoneSpread(spec: PodSpec): ZoneSpread[] {
  return (spec.topologySpreadConstraints ?? [])
    .filter(
      (c) =>
        c.topologyKey === 'topology.kubernetes.io/zone' &&
        (c.whenUnsatisfiable ?? 'DoNotSchedule') === 'DoNotSchedule',
    )
    .map((c) => ({ maxSkew: c.maxSkew, selector: selector(c.labelSelector) }));
}

function tolerations(spec: PodSpec): Toleration[] {
  return (spec.tolerations ?? []).map((t) => ({ ...t }) as Toleration);
}

export interface PodIdentity {
  namespace: string;
  name: string;
  labels: Record<string, string>;
}

/** The planner's view of a pod spec. */
export function plannerPod(id: PodIdentity, spec: PodSpec): PlannerPod {
  return {
    namespace: id.namespace,
    name: id.name,
    labels: { ...id.labels },
    requests: podRequests(spec),
    nodeSelector: { ...(spec.nodeSelector ?? {}) },
    affinityTerms: affinityTerms(spec),
    tolerations: tolerations(spec),
    usesPvc: (spec.volumes ?? []).some(
      (v) => v.persistentVolumeClaim !== undefined || v.ephemeral !== undefined,
    ),
    antiAffinity: antiAffinity(spec),
    zoneSpread: zoneSpread(spec),
  };
}

export function daemonSetSpec(id: PodIdentity, spec: PodSpec): DaemonSetSpec {
  return {
    namespace: id.namespace,
    name: id.name,
    requests: podRequests(spec),
    nodeSelector: { ...(spec.nodeSelector ?? {}) },
    affinityTerms: affinityTerms(spec),
    tolerations: tolerations(spec),
  };
}

export function existingNode(manifest: z.infer<typeof nodeManifestSchema>): ExistingNode {
  const allocatable = manifest.status.allocatable;
  return {
    name: manifest.metadata.name,
    labels: { ...(manifest.metadata.labels ?? {}) },
    taints: (manifest.spec?.taints ?? []).map((t) => ({
      key: t.key,
      effect: t.effect,
      ...(t.value !== undefined ? { value: t.value } : {}),
    })),
    allocatable: resourcesFromMap(allocatable, Math.floor(parseQuantity(allocatable.pods ?? 110))),
    pods: [],
  };
}

/** Deployment, StatefulSet, ReplicaSet, Job, DaemonSet: metadata and the pod template. */
export const workloadManifestSchema = z.looseObject({
  metadata: metaSchema,
  spec: z.looseObject({
    replicas: z.number().int().min(0).optional(),
    parallelism: z.number().int().min(0).optional(),
    template: podTemplateSchema,
  }),
});
