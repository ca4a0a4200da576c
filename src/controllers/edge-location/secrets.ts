// The location's Secrets in castai-omni: the onboarding credentials it references, the key of the
// identity omni made for it, and its edge cluster's kubeconfig. Secret values never leave this file
// except inside a Credentials object (which prints redacted).
import type { CoreV1Api, V1Secret } from '@kubernetes/client-node';
import { Credentials } from '../../clouds/credentials.ts';
import { isConflict, isNotFound } from '../../kube/index.ts';
import {
  LOCATION_LABEL,
  MANAGED_BY,
  MANAGED_BY_LABEL,
  NAMESPACE,
  credentialsSecretName,
  kubeconfigSecretName,
} from './constants.ts';
import type { BootstrapStore } from './k3s-server.ts';
import type { EdgeClusterInfo } from './ports.ts';

/** The Secret a location references is missing: fixable by the user, so onboarding waits. */
export class SecretNotFoundError extends Error {
  constructor(readonly secret: string) {
    super(`Secret ${NAMESPACE}/${secret} does not exist`);
    this.name = 'SecretNotFoundError';
  }
}

export function decode(data: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]),
  );
}

export function encode(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('base64')]),
  );
}

export async function readSecret(core: CoreV1Api, name: string): Promise<V1Secret | undefined> {
  try {
    return await core.readNamespacedSecret({ name, namespace: NAMESPACE });
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/**
 * Credentials from a Secret: the key `principal` names the principal (access key id, service account
 * email, user OCID); every other key is a secret value.
 */
export function credentialsFromSecret(secret: V1Secret): Credentials {
  const { principal, keyId: _keyId, ...rest } = decode(secret.data);
  return new Credentials(principal ?? secret.metadata?.name ?? 'unknown', rest);
}

export async function readReferencedCredentials(core: CoreV1Api, secretName: string): Promise<Credentials> {
  const secret = await readSecret(core, secretName);
  if (!secret) throw new SecretNotFoundError(secretName);
  return credentialsFromSecret(secret);
}

export interface StoredKey {
  keyId: string;
  credentials: Credentials;
}

export async function readIdentityKey(core: CoreV1Api, location: string): Promise<StoredKey | undefined> {
  const secret = await readSecret(core, credentialsSecretName(location));
  if (!secret) return undefined;
  const keyId = decode(secret.data).keyId ?? '';
  return { keyId, credentials: credentialsFromSecret(secret) };
}

function ownedSecret(location: string, name: string, values: Record<string, string>): V1Secret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name,
      namespace: NAMESPACE,
      labels: { [LOCATION_LABEL]: location, [MANAGED_BY_LABEL]: MANAGED_BY },
    },
    type: 'Opaque',
    data: encode(values),
  };
}

/** Creates the Secret, or replaces it when it exists. */
export async function upsert(core: CoreV1Api, body: V1Secret): Promise<void> {
  const name = body.metadata?.name ?? '';
  try {
    await core.createNamespacedSecret({ namespace: NAMESPACE, body });
  } catch (err) {
    if (!isConflict(err)) throw err;
    await core.replaceNamespacedSecret({ name, namespace: NAMESPACE, body });
  }
}

export async function writeIdentityKey(core: CoreV1Api, location: string, key: StoredKey): Promise<void> {
  const values = { ...key.credentials.reveal(), principal: key.credentials.principal, keyId: key.keyId };
  await upsert(core, ownedSecret(location, credentialsSecretName(location), values));
}

/** The edge cluster's kubeconfig as onboarding stored it; undefined when there is none. */
export async function readKubeconfig(core: CoreV1Api, location: string): Promise<string | undefined> {
  return decode((await readSecret(core, kubeconfigSecretName(location)))?.data).kubeconfig;
}

export async function writeKubeconfig(
  core: CoreV1Api,
  location: string,
  info: EdgeClusterInfo,
): Promise<void> {
  await upsert(
    core,
    ownedSecret(location, kubeconfigSecretName(location), {
      kubeconfig: info.kubeconfigYaml,
      endpoint: info.endpoint,
    }),
  );
}

/** Deletes the Secrets omni made for the location (by label; never the user's referenced Secret). */
export async function deleteLocationSecrets(core: CoreV1Api, location: string): Promise<void> {
  const labelSelector = `${LOCATION_LABEL}=${location},${MANAGED_BY_LABEL}=${MANAGED_BY}`;
  const list = await core.listNamespacedSecret({ namespace: NAMESPACE, labelSelector });
  for (const s of list.items) {
    try {
      await core.deleteNamespacedSecret({ name: s.metadata?.name ?? '', namespace: NAMESPACE });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

/** Where the real K3s provisioner keeps a location's CA, join and admin tokens: a Secret in castai-omni. */
export function secretBootstrapStore(core: CoreV1Api): BootstrapStore {
  const name = (location: string) => `edge-location-${location}-k3s-bootstrap`;
  return {
    async get(location) {
      const v = decode((await readSecret(core, name(location)))?.data);
      return v.joinToken
        ? { joinToken: v.joinToken, adminToken: v.adminToken, caCertPem: v.caCertPem, caKeyPem: v.caKeyPem }
        : undefined;
    },
    async put(location, b) {
      await upsert(core, ownedSecret(location, name(location), { ...b }));
    },
  };
}

export async function ensureNamespace(core: CoreV1Api): Promise<void> {
  try {
    await core.createNamespace({ body: { metadata: { name: NAMESPACE } } });
  } catch (err) {
    if (!isConflict(err)) throw err;
  }
}
