// The 'tunnel' onboarding step: the location's client certificate for the hub-and-spoke tunnel, issued by
// omni's CA into its edge cluster (Secret castai-omni/omni-spoke-tls). It also runs for Ready locations on
// every resync, which is what rotates the certificate before it expires.
import type { CoreV1Api } from '@kubernetes/client-node';
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
import { forgiveRecreatedLocation } from './tunnel-revocations.ts';

/** The edge cluster's API, from this pass's edge-cluster step or else from the stored kubeconfig. */
async function edgeCoreOf(a: Attempt): Promise<CoreV1Api> {
  const name = a.location.metadata.name;
  const yaml = a.edgeCluster?.kubeconfigYaml ?? (await readKubeconfig(a.ctx.clients.core, name));
  if (!yaml)
    throw new TunnelIdentityError(
      `Secret ${NAMESPACE}/${kubeconfigSecretName(name)} (the edge cluster's kubeconfig) is missing`,
    );
  return makeClients(loadKubeConfig({ yaml })).core;
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
  await forgiveRecreatedLocation(a.ctx.clients.core, name);
  const outcome = await ensureSpokeTls(await edgeCoreOf(a), name, ca, tunnelIssueOptions(a.ctx));
  const message = `tunnel certificate ${describeCert(outcome.cert)}`;
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
