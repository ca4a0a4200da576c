// The 'tunnel' onboarding step: the location's client certificate for the hub-and-spoke tunnel, issued by
// omni's CA into its edge cluster (Secret castai-omni/omni-spoke-tls), then the spoke gateway that uses it
// (once the hub's address is known). It also runs for Ready locations on every resync, which is what
// rotates the certificate before it expires and deploys the spoke once the hub gets its address.
import type { KubeConfig } from '@kubernetes/client-node';
import { loadKubeConfig, makeClients } from '../../kube/index.ts';
import type { CertInfo } from '../../tunnel/pki/index.ts';
import { commit, note, nowIso, type Attempt } from './attempt.ts';
import { kubeconfigSecretName, NAMESPACE, SPOKE_TLS_SECRET, TUNNEL_CERT_RESOURCE } from './constants.ts';
import { readKubeconfig } from './secrets.ts';
import { withCondition } from './status.ts';
import {
  ensureSpokeTls,
  ensureTunnelPki,
  tunnelIssueOptions,
  TunnelIdentityError,
  type LeafOutcome,
} from './tunnel-identity.ts';
import { readRevocations } from './tunnel-revocations.ts';
import { deploySpoke } from './spoke-gateway.ts';

/** The edge cluster's kubeconfig, from this pass's edge-cluster step or else from the stored one. */
async function edgeKubeConfigOf(a: Attempt): Promise<KubeConfig> {
  const name = a.location.metadata.name;
  const yaml = a.edgeCluster?.kubeconfigYaml ?? (await readKubeconfig(a.ctx.clients.core, name));
  if (!yaml)
    throw new TunnelIdentityError(
      `Secret ${NAMESPACE}/${kubeconfigSecretName(name)} (the edge cluster's kubeconfig) is missing`,
    );
  return loadKubeConfig({ yaml });
}

function describeCert(cert: CertInfo): string {
  return `serial ${cert.serial}, expires ${new Date(cert.notAfter).toISOString()}`;
}

async function recordIssue(a: Attempt, outcome: LeafOutcome): Promise<void> {
  if (!outcome.issued) return;
  const { replaced, reason } = outcome.issued;
  const where = `Secret ${NAMESPACE}/${SPOKE_TLS_SECRET} in the edge cluster`;
  await note(a, {
    type: 'Normal',
    reason: replaced ? 'CertificateRotated' : 'CertificateIssued',
    message: `tunnel certificate ${describeCert(outcome.cert)} written to ${where} (${reason})`,
  });
}

export async function tunnel(a: Attempt): Promise<void> {
  const name = a.location.metadata.name;
  const ca = await ensureTunnelPki(a.ctx);
  const revocations = await readRevocations(a.ctx.clients.core);
  const kc = await edgeKubeConfigOf(a);
  const opts = { ...tunnelIssueOptions(a.ctx), revocations };
  const outcome = await ensureSpokeTls(makeClients(kc).core, name, ca, opts);
  const spoke = await deploySpoke(a.ctx, { location: name, kc });
  const gateway = spoke.deployed
    ? `spoke gateway deployed (dials ${spoke.hub})`
    : `spoke gateway not deployed: ${spoke.why}`;
  const message = `tunnel certificate ${describeCert(outcome.cert)}; ${gateway}`;
  a.status = withCondition(
    a.status,
    { type: 'TunnelReady', status: 'True', reason: 'CertificateValid', message },
    nowIso(a),
  );
  a.status = {
    ...a.status,
    resources: { ...(a.status.resources ?? {}), [TUNNEL_CERT_RESOURCE]: outcome.cert.serial },
  };
  await commit(a);
  await recordIssue(a, outcome);
}
