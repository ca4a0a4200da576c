import type { CustomObjectsApi, KubernetesObject } from '@kubernetes/client-node';
import type { Lifecycle, CloudName } from '../../catalog/types.ts';
import { NODE_CLAIM_FINALIZER } from '../../apis/index.ts';

export const GROUP = 'omni.cast.ai';
export const VERSION = 'v1alpha1';
export const NODE_CLAIM_LABEL = 'omni.cast.ai/node-claim';
export const PLANNED_PODS_ANNOTATION = 'omni.cast.ai/planned-pods';
export const DECISION_ANNOTATION = 'omni.cast.ai/decision';

export interface ClaimCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface Decision {
  time: string;
  pods: string[];
  chosen: { location: string; cloud: CloudName; region: string; zone: string; instanceType: string; lifecycle: Lifecycle; pricePerHour: number };
  reason: string;
  compatibleOfferings: number;
  nextCheapest?: { location: string; zone: string; instanceType: string; lifecycle: Lifecycle; pricePerHour: number };
  mainRegionOnlyPricePerHour?: number;
}

export interface NodeClaimObject extends KubernetesObject {
  spec: {
    nodeTemplate: string;
    location: string;
    cloud: CloudName;
    region: string;
    zone: string;
    instanceType: string;
    lifecycle: Lifecycle;
    pricePerHour: number;
  };
  status?: { instanceId?: string; providerID?: string; nodeName?: string; conditions?: ClaimCondition[] };
}

export function conditionTrue(claim: NodeClaimObject, type: string): boolean {
  return (claim.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

export function plannedPods(claim: NodeClaimObject): string[] {
  try {
    const v = JSON.parse(claim.metadata?.annotations?.[PLANNED_PODS_ANNOTATION] ?? '[]') as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

export function withCondition(conditions: ClaimCondition[] | undefined, c: ClaimCondition, now: string): ClaimCondition[] {
  const rest = (conditions ?? []).filter((x) => x.type !== c.type);
  const old = (conditions ?? []).find((x) => x.type === c.type);
  const lastTransitionTime = old && old.status === c.status ? old.lastTransitionTime : now;
  return [...rest, { ...c, lastTransitionTime }];
}

/** Thin typed access to NodeClaims through the custom objects API. */
export class ClaimStore {
  constructor(private readonly custom: CustomObjectsApi) {}

  async create(name: string, spec: NodeClaimObject['spec'], annotations: Record<string, string>, labels: Record<string, string>): Promise<NodeClaimObject> {
    const body = {
      apiVersion: `${GROUP}/${VERSION}`,
      kind: 'NodeClaim',
      metadata: { name, finalizers: [NODE_CLAIM_FINALIZER], annotations, labels },
      spec,
    };
    return (await this.custom.createClusterCustomObject({ group: GROUP, version: VERSION, plural: 'nodeclaims', body })) as NodeClaimObject;
  }

  async get(name: string): Promise<NodeClaimObject> {
    return (await this.custom.getClusterCustomObject({ group: GROUP, version: VERSION, plural: 'nodeclaims', name })) as NodeClaimObject;
  }

  async list(): Promise<NodeClaimObject[]> {
    const res = (await this.custom.listClusterCustomObject({ group: GROUP, version: VERSION, plural: 'nodeclaims' })) as { items: NodeClaimObject[] };
    return res.items;
  }

  async setStatus(claim: NodeClaimObject, status: NonNullable<NodeClaimObject['status']>): Promise<NodeClaimObject> {
    const body = { ...claim, status };
    return (await this.custom.replaceClusterCustomObjectStatus({ group: GROUP, version: VERSION, plural: 'nodeclaims', name: claim.metadata!.name!, body })) as NodeClaimObject;
  }

  async delete(name: string): Promise<void> {
    await this.custom.deleteClusterCustomObject({ group: GROUP, version: VERSION, plural: 'nodeclaims', name });
  }

  async removeFinalizer(claim: NodeClaimObject): Promise<void> {
    const finalizers = (claim.metadata?.finalizers ?? []).filter((f) => f !== NODE_CLAIM_FINALIZER);
    await this.custom.replaceClusterCustomObject({
      group: GROUP,
      version: VERSION,
      plural: 'nodeclaims',
      name: claim.metadata!.name!,
      body: { ...claim, metadata: { ...claim.metadata, finalizers } },
    });
  }
}
