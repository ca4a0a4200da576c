// The onboarding steps in order. Each calls an idempotent cloud step, then records what it found or
// made; a crash between the two is harmless because the next pass repeats the (look-up-first) call.
// The secrets steps handle (the identity key; the tunnel certificate's key, which goes to the edge cluster)
// are stored in their Secret before the status says so.
import type { CloudObjectRef, StepResult } from '../../clouds/types.ts';
import { commit, note, nowIso, type Attempt } from './attempt.ts';
import { edgeClusterRequest } from './edge.ts';
import { readIdentityKey, writeIdentityKey, writeKubeconfig } from './secrets.ts';
import { withCondition, withResources, type ConditionType } from './status.ts';
import { tunnel } from './tunnel-step.ts';

export interface Step {
  name: string;
  condition: ConditionType;
  run(a: Attempt): Promise<void>;
}

/** Onboarding cannot go on until the user changes something: the location becomes Failed. */
export class OnboardingFailure extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'OnboardingFailure';
  }
}

function describe(r: StepResult<unknown>): string {
  const list = (refs: CloudObjectRef[]) => refs.map((o) => `${o.kind} ${o.name} (${o.id})`).join(', ');
  if (r.created.length === 0) return `all ${r.objects.length} objects already exist: ${list(r.objects)}`;
  return `created ${list(r.created)}`;
}

function setCondition(a: Attempt, type: ConditionType, reason: string, message: string): void {
  a.status = withCondition(a.status, { type, status: 'True', reason, message }, nowIso(a));
}

async function preflight(a: Attempt): Promise<void> {
  const r = await a.admin!.onboarding.preflight(a.target);
  if (!r.ok)
    throw new OnboardingFailure(
      'MissingPermissions',
      `the credentials lack ${r.missing.length} permissions: ${r.missing.join(', ')}`,
    );
  setCondition(
    a,
    'PermissionsOK',
    'Checked',
    `all ${r.checked.length} permissions onboarding needs are granted`,
  );
  if (a.status.state !== 'Ready') a.status = { ...a.status, state: 'Initializing' };
  await commit(a);
  await note(a, {
    type: 'Normal',
    reason: 'PermissionsOK',
    message: `preflight: all ${r.checked.length} permissions present`,
  });
}

async function network(a: Attempt): Promise<void> {
  const r = await a.admin!.onboarding.ensureNetwork(a.target);
  a.network = r.ids;
  a.networkName = r.objects.find((o) => o.id === r.ids.networkId)?.name;
  a.status = withResources(a.status, r.objects);
  if (a.status.conditions?.find((c) => c.type === 'NetworkReady')?.status !== 'True') {
    a.status = withCondition(
      a.status,
      {
        type: 'NetworkReady',
        status: 'False',
        reason: 'FirewallPending',
        message: 'network ready; firewall next',
      },
      nowIso(a),
    );
  }
  await commit(a);
  await note(a, { type: 'Normal', reason: 'NetworkCreated', message: `network: ${describe(r)}` });
}

async function firewall(a: Attempt): Promise<void> {
  const r = await a.admin!.onboarding.ensureFirewall(a.target, a.network!);
  a.firewall = r.ids;
  a.status = withResources(a.status, r.objects);
  const subnets = Object.keys(a.network!.subnetIds).length;
  setCondition(
    a,
    'NetworkReady',
    'Created',
    `network ${a.network!.networkId}, ${subnets} subnets, ${r.ids.firewallIds.length} firewall objects`,
  );
  await commit(a);
  await note(a, { type: 'Normal', reason: 'FirewallCreated', message: `firewall: ${describe(r)}` });
}

async function identity(a: Attempt): Promise<void> {
  const known = await readIdentityKey(a.ctx.clients.core, a.location.metadata.name);
  a.identityKey = known;
  const r = await a.admin!.onboarding.ensureIdentity(a.target, known?.keyId || undefined);
  if (r.ids.credentials) {
    a.identityKey = { keyId: r.ids.keyId, credentials: r.ids.credentials };
    await writeIdentityKey(a.ctx.clients.core, a.location.metadata.name, a.identityKey);
  }
  a.status = withResources(a.status, r.objects);
  setCondition(
    a,
    'IdentityReady',
    'Created',
    `identity ${r.ids.identityId} with ${r.ids.policyIds.length} policies; key ${r.ids.keyId} stored`,
  );
  await commit(a);
  await note(a, { type: 'Normal', reason: 'IdentityCreated', message: `identity: ${describe(r)}` });
}

async function edgeCluster(a: Attempt): Promise<void> {
  const info = await a.ctx.edgeClusters.ensure(edgeClusterRequest(a));
  a.edgeCluster = info;
  await writeKubeconfig(a.ctx.clients.core, a.location.metadata.name, info);
  setCondition(a, 'EdgeClusterReady', 'Running', `edge cluster answers at ${info.endpoint}`);
  a.status = {
    ...a.status,
    edgeClusterEndpoint: info.endpoint,
    resources: { ...(a.status.resources ?? {}), 'edge-cluster': info.endpoint },
  };
  await commit(a);
  await note(a, {
    type: 'Normal',
    reason: 'EdgeClusterReady',
    message: `edge cluster (K3s server) answers at ${info.endpoint}`,
  });
}

export const STEPS: Step[] = [
  { name: 'preflight', condition: 'PermissionsOK', run: preflight },
  { name: 'network', condition: 'NetworkReady', run: network },
  { name: 'firewall', condition: 'NetworkReady', run: firewall },
  { name: 'identity', condition: 'IdentityReady', run: identity },
  { name: 'edge-cluster', condition: 'EdgeClusterReady', run: edgeCluster },
  { name: 'tunnel', condition: 'TunnelReady', run: tunnel },
];
