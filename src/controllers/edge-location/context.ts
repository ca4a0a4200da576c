// What every part of the controller shares: its dependencies, events, and the memory of this process.
import type { Catalog } from '../../catalog/types.ts';
import type { Clock, EventRecorder, EventType, KubeClients, Logger } from '../../kube/index.ts';
import { redact, type Credentials } from '../../clouds/credentials.ts';
import type { CloudProviders, EdgeClusterProvisioner, EdgeReadyListener } from './ports.ts';
import type { EdgeLocationObject } from './store.ts';

export interface EdgeLocationControllerOptions {
  /** First retry delay after a retryable error (doubles up to maxRetryDelayMs). Default 2 s. */
  retryDelayMs: number;
  maxRetryDelayMs: number;
  /** How often a Failed location (same generation) is tried again, e.g. after permissions were granted. Default 5 min. */
  failedRetryMs: number;
  /** How often every location is looked at again even without a change. Default 60 s. */
  resyncMs: number;
  /**
   * Lifetime of the tunnel's hub and edge certificates in days; undefined: the pki defaults (90 and 30).
   * They are re-issued once a third of it is left, so resyncMs must be well below that third.
   */
  tunnelCertValidityDays?: number;
  /** `host:port` edge spokes dial; undefined: the omni-hub Service's load-balancer address. */
  hubAddress?: string;
  /** Image of the spoke gateway deployed into edge clusters (default: omni's image). */
  gatewayImage?: string;
  /** Where spoke gateways run: deployed into each edge cluster (default) or run by someone else (embedded world). */
  spokeGateways?: 'deploy' | 'external';
}

export const DEFAULT_OPTIONS: EdgeLocationControllerOptions = {
  retryDelayMs: 2_000,
  maxRetryDelayMs: 60_000,
  failedRetryMs: 300_000,
  resyncMs: 60_000,
};

export interface EdgeLocationControllerDeps {
  clients: KubeClients;
  providers: CloudProviders;
  edgeClusters: EdgeClusterProvisioner;
  listeners: EdgeReadyListener[];
  clock: Clock;
  log: Logger;
  /** omni's id for the main cluster, tagged on every cloud object. */
  clusterId: string;
  catalog: Catalog;
  options?: Partial<EdgeLocationControllerOptions>;
}

export interface Ctx extends Omit<EdgeLocationControllerDeps, 'options'> {
  options: EdgeLocationControllerOptions;
  events: EventRecorder;
  /** `uid/generation` of the locations this process has brought to Ready and announced. */
  announced: Map<string, string>;
  /** Locations this process has announced as removed (offboarding). */
  removed: Set<string>;
  /** The spoke objects this process last applied to each location's edge cluster (skips re-applying). */
  spokesApplied: Map<string, string>;
  /** When this process last failed a location (ms). */
  failedAt: Map<string, number>;
}

/** Redacts anything credential-shaped before text reaches an event, a log line or a status. */
export function scrub(text: string, credentials: (Credentials | undefined)[] = []): string {
  return credentials.reduce((t, c) => redact(t, c), redact(text));
}

export interface EventNote {
  type: EventType;
  reason: string;
  message: string;
  /** Credentials in play: their secret values are scrubbed from the message too. */
  secrets?: (Credentials | undefined)[];
}

export async function recordEvent(ctx: Ctx, obj: EdgeLocationObject, e: EventNote): Promise<void> {
  const message = scrub(e.message, e.secrets);
  ctx.log.info({ edgeLocation: obj.metadata?.name, reason: e.reason }, message);
  await ctx.events.record(
    { ...obj, apiVersion: obj.apiVersion ?? 'omni.cast.ai/v1alpha1', kind: obj.kind ?? 'EdgeLocation' },
    e.type,
    e.reason,
    message,
  );
}
