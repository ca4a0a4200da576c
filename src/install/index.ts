// `omni install` / `omni uninstall` without the CLI: prerequisites, then apply or remove the manifests.
import { homedir } from 'node:os';
import type { KubeClients } from '../kube/index.ts';
import { applyManifests, blockingObjects, deleteManifests, type ObjectResult } from './apply.ts';
import {
  checkAccess,
  checkClusterKind,
  checkCredentials,
  type CheckResult,
  type ClusterKind,
} from './checks.ts';
import { DEFAULT_IMAGE } from './constants.ts';
import { installManifests, type Manifest } from './manifests.ts';

export {
  installManifests,
  manifestFiles,
  spokeManifests,
  type Manifest,
  type SpokeDeployment,
} from './manifests.ts';
export { applyManifests } from './apply.ts';
export { renderBase, toYaml } from './render.ts';
export { detectClusterKind, credentialSource, type CheckResult, type ClusterKind } from './checks.ts';
export type { ObjectResult, Action } from './apply.ts';
export { NAMESPACE, DEFAULT_IMAGE } from './constants.ts';

export interface InstallOptions {
  clients: KubeClients;
  dryRun: boolean;
  image?: string;
  env?: Record<string, string | undefined>;
  home?: string;
}

export interface InstallReport {
  clusterKind: ClusterKind | null;
  /** `<cloud>/<region>` of the main cluster, given to the controller as OMNI_MAIN. */
  main: string | null;
  checks: CheckResult[];
  /** Empty when a check failed (nothing was applied). */
  objects: ObjectResult[];
  dryRun: boolean;
  ok: boolean;
  manifests: Manifest[];
}

export async function runChecks(
  o: InstallOptions,
): Promise<{ kind?: ClusterKind; main?: string; checks: CheckResult[] }> {
  const { kind, main, result } = await checkClusterKind(o.clients);
  const checks = [result, await checkAccess(o.clients)];
  if (kind) checks.push(checkCredentials(kind, o.env ?? process.env, o.home ?? homedir()));
  return { kind, main, checks };
}

/** Checks prerequisites; when all pass, applies the manifests (server-side apply, or dryRun=All). */
export async function install(o: InstallOptions): Promise<InstallReport> {
  const { kind, main, checks } = await runChecks(o);
  const manifests = installManifests(o.image ?? DEFAULT_IMAGE, main);
  const ok = checks.every((c) => c.ok);
  const objects = ok ? await applyManifests(o.clients.objects, manifests, o.dryRun) : [];
  return { clusterKind: kind ?? null, main: main ?? null, checks, objects, dryRun: o.dryRun, ok, manifests };
}

export class UninstallBlockedError extends Error {
  constructor(readonly blocking: { kind: string; names: string[] }[]) {
    super(
      `omni still manages ${blocking.map((b) => `${b.names.length} ${b.kind}${b.names.length > 1 ? 's' : ''} (${b.names.join(', ')})`).join(' and ')}. ` +
        'Delete them first and wait until they are gone, so omni can tear down their cloud resources: ' +
        'kubectl delete edgelocations --all; then run omni uninstall again.',
    );
    this.name = 'UninstallBlockedError';
  }
}

/** Removes everything install applied; refuses while EdgeLocations or NodeClaims exist. */
export async function uninstall(o: { clients: KubeClients; dryRun: boolean }): Promise<ObjectResult[]> {
  const blocking = await blockingObjects(o.clients);
  if (blocking.length > 0) throw new UninstallBlockedError(blocking);
  return deleteManifests(o.clients.objects, installManifests(), o.dryRun);
}
