import type { V1Secret } from '@kubernetes/client-node';
import { statusOf, type KubeClients } from '../../../kube/index.ts';
import { TOKEN_SECRET_PREFIX } from '../constants.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');
export const TOKEN_EXPIRES_ANNOTATION = 'omni.cast.ai/token-expires';

/**
 * A token for a main ServiceAccount, as Secret data for the edge: a TokenRequest when the API serves
 * one, else the ServiceAccount's legacy token Secret; ca.crt and namespace as a projected token has.
 */
export async function mainToken(main: KubeClients, namespace: string, serviceAccount: string, secrets: V1Secret[]): Promise<{ data: Record<string, string>; expires?: number }> {
  const ca = main.kc.getCurrentCluster()?.caData ?? '';
  const data: Record<string, string> = { namespace: b64(namespace), 'ca.crt': ca };
  const requested = await tokenRequest(main, namespace, serviceAccount);
  if (requested) return { data: { ...data, token: b64(requested.token) }, expires: requested.expires };
  const legacy = secrets.find((s) => isLegacyToken(s, namespace, serviceAccount))?.data?.token;
  return { data: legacy ? { ...data, token: legacy } : data };
}

/** A TokenRequest, or undefined when the API server does not serve them (kube-sim). */
async function tokenRequest(main: KubeClients, namespace: string, serviceAccount: string): Promise<{ token: string; expires?: number } | undefined> {
  try {
    const tr = await main.core.createNamespacedServiceAccountToken({ name: serviceAccount, namespace, body: { spec: { audiences: [], expirationSeconds: 3600 } } });
    const status = tr.status ?? { token: '', expirationTimestamp: undefined };
    return status.token ? { token: status.token, expires: status.expirationTimestamp ? new Date(status.expirationTimestamp).getTime() : undefined } : undefined;
  } catch (err) {
    const code = statusOf(err);
    if (code !== 404 && code !== 405) throw err;
    return undefined;
  }
}

function isLegacyToken(s: V1Secret, namespace: string, serviceAccount: string): boolean {
  return s.type === 'kubernetes.io/service-account-token' && s.metadata?.namespace === namespace && s.metadata.annotations?.['kubernetes.io/service-account.name'] === serviceAccount;
}

export function tokenSecretName(serviceAccount: string): string {
  return `${TOKEN_SECRET_PREFIX}${serviceAccount}`;
}
