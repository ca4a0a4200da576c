// The tunnel's revocation list in castai-omni/omni-tunnel-revocations (key revocations.json, the JSON of
// RevocationList): a deleted edge location is revoked as a whole, plus its last certificate by serial. The
// entries stay: a location created again under the same name gets certificates that start after the cut.
import type { CoreV1Api, V1ConfigMap } from '@kubernetes/client-node';
import { isConflict, isNotFound } from '../../kube/index.ts';
import { normaliseSerial, RevocationList, type RevocationEntry } from '../../tunnel/pki/index.ts';
import {
  MANAGED_BY,
  MANAGED_BY_LABEL,
  NAMESPACE,
  REVOCATIONS_CONFIGMAP,
  REVOCATIONS_KEY,
} from './constants.ts';
import { TunnelIdentityError } from './tunnel-identity.ts';

/** The reason on the entries omni writes when a location is deleted (and the only ones it removes). */
export const LOCATION_DELETED = 'edge location deleted';
const WRITE_ATTEMPTS = 3;

async function readConfigMap(core: CoreV1Api): Promise<V1ConfigMap | undefined> {
  try {
    return await core.readNamespacedConfigMap({ name: REVOCATIONS_CONFIGMAP, namespace: NAMESPACE });
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** The stored list (empty when there is none); throws naming the ConfigMap and key when it is corrupt. */
export async function readRevocations(core: CoreV1Api): Promise<RevocationList> {
  return revocationsOf(await readConfigMap(core));
}

/** The list a ConfigMap holds (empty when it has none); throws naming the ConfigMap and key when it is corrupt. */
export function revocationsOf(cm: V1ConfigMap | undefined): RevocationList {
  const json = cm?.data?.[REVOCATIONS_KEY];
  if (json === undefined) return new RevocationList();
  try {
    return RevocationList.parse(json);
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).slice(0, 300);
    throw new TunnelIdentityError(
      `ConfigMap ${NAMESPACE}/${REVOCATIONS_CONFIGMAP}: key ${REVOCATIONS_KEY} is not a revocation list (${why}). ` +
        'omni will not overwrite it, because that would drop revocations: repair it',
    );
  }
}

function withList(cm: V1ConfigMap | undefined, list: RevocationList): V1ConfigMap {
  const metadata = cm?.metadata ?? {
    name: REVOCATIONS_CONFIGMAP,
    namespace: NAMESPACE,
    labels: { [MANAGED_BY_LABEL]: MANAGED_BY },
  };
  const data = { ...(cm?.data ?? {}), [REVOCATIONS_KEY]: `${JSON.stringify(list.toJSON(), null, 2)}\n` };
  return { ...cm, apiVersion: 'v1', kind: 'ConfigMap', metadata, data };
}

/** Creates the ConfigMap, or replaces the version that was read (409 when another writer got there first). */
async function write(core: CoreV1Api, cm: V1ConfigMap | undefined, list: RevocationList): Promise<void> {
  const body = withList(cm, list);
  if (cm) await core.replaceNamespacedConfigMap({ name: REVOCATIONS_CONFIGMAP, namespace: NAMESPACE, body });
  else await core.createNamespacedConfigMap({ namespace: NAMESPACE, body });
}

/** Applies `change` to the stored list (undefined: nothing to change); true when it wrote. */
async function updateRevocations(
  core: CoreV1Api,
  change: (list: RevocationList) => RevocationList | undefined,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const cm = await readConfigMap(core);
    const next = change(revocationsOf(cm));
    if (!next) return false;
    try {
      await write(core, cm, next);
      return true;
    } catch (err) {
      if (!isConflict(err) || attempt >= WRITE_ATTEMPTS) throw err;
    }
  }
}

export interface LocationRevocation {
  location: string;
  /** The serial of the location's last certificate, when known. */
  serial?: string;
  /** ISO time of the deletion. */
  at: string;
}

function isWholeLocationDeletion(e: RevocationEntry, location: string): boolean {
  return e.location === location && !e.serial && e.reason === LOCATION_DELETED;
}

function hasSerial(list: RevocationList, serial: string): boolean {
  return list.entries.some((e) => e.serial !== undefined && normaliseSerial(e.serial) === serial);
}

function latest(times: string[]): string {
  return times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

// A serial entry carries no location: RevocationList treats any entry with a location as a whole-location cut.
// A name deleted before keeps one whole-location entry, moved to the latest deletion. The last serial already
// being listed next to that entry means this deletion was recorded by an earlier pass.
function revokedAs(list: RevocationList, r: LocationRevocation): RevocationList | undefined {
  const earlier = list.entries.filter((e) => isWholeLocationDeletion(e, r.location));
  const serial = r.serial && normaliseSerial(r.serial);
  if (earlier.length > 0 && serial && hasSerial(list, serial)) return undefined;
  const revokedAt = latest([r.at, ...earlier.map((e) => e.revokedAt)]);
  const entries = list.entries.filter((e) => !earlier.includes(e));
  entries.push({ location: r.location, revokedAt, reason: LOCATION_DELETED });
  if (serial && !hasSerial(list, serial))
    entries.push({ serial, revokedAt: r.at, reason: `${LOCATION_DELETED}: ${r.location}` });
  return new RevocationList(entries);
}

/** Revokes every certificate of a deleted location (idempotent); true when the list changed. */
export function revokeLocation(core: CoreV1Api, r: LocationRevocation): Promise<boolean> {
  return updateRevocations(core, (list) => revokedAs(list, r));
}
