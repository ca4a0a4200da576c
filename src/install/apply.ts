// Server-side apply of the install manifests through client-node, and their removal.
import { PatchStrategy, loadYaml, type KubernetesObject, type KubernetesObjectApi } from '@kubernetes/client-node';
import { GROUP, VERSION } from '../apis/index.ts';
import { isNotFound, type KubeClients } from '../kube/index.ts';
import { FIELD_MANAGER, NAMESPACE } from './constants.ts';
import type { Manifest } from './manifests.ts';

export type Action = 'created' | 'configured' | 'unchanged' | 'deleted' | 'not found';

export interface ObjectResult {
  kind: string;
  name: string;
  namespace?: string;
  action: Action;
  /** Set when the server did not see the object (dry run into a namespace that does not exist yet). */
  note?: string;
}

/** client-node's typed models spell some fields their own way (x-kubernetes-*), so objects go through loadYaml. */
function toModel(m: Manifest): KubernetesObject {
  return loadYaml<KubernetesObject>(JSON.stringify(m));
}

async function resourceVersion(api: KubernetesObjectApi, m: Manifest): Promise<string | undefined | null> {
  try {
    const current = await api.read({ apiVersion: m.apiVersion, kind: m.kind, metadata: { name: m.metadata.name, namespace: m.metadata.namespace } });
    return current.metadata?.resourceVersion;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

function result(m: Manifest, action: Action, note?: string): ObjectResult {
  const r: ObjectResult = { kind: m.kind, name: m.metadata.name, action };
  if (m.metadata.namespace) r.namespace = m.metadata.namespace;
  if (note) r.note = note;
  return r;
}

/**
 * Applies each manifest in order with server-side apply (field manager omni-install, conflicts forced).
 * With dryRun the server checks every object (dryRun=All) and nothing is stored.
 */
export async function applyManifests(api: KubernetesObjectApi, manifests: Manifest[], dryRun: boolean): Promise<ObjectResult[]> {
  const out: ObjectResult[] = [];
  let namespaceIsNew = false;
  for (const m of manifests) {
    const before = await resourceVersion(api, m);
    if (m.kind === 'Namespace' && m.metadata.name === NAMESPACE) namespaceIsNew = before === null;
    const unseen = dryRun && namespaceIsNew && m.metadata.namespace === NAMESPACE;
    out.push(unseen ? result(m, 'created', `not checked by the server: namespace ${NAMESPACE} does not exist yet`) : await applyOne(api, m, before, dryRun));
  }
  return out;
}

async function applyOne(api: KubernetesObjectApi, m: Manifest, before: string | undefined | null, dryRun: boolean): Promise<ObjectResult> {
  const applied = await api.patch(toModel(m), undefined, dryRun ? 'All' : undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply);
  const after = applied.metadata?.resourceVersion;
  return result(m, before === null ? 'created' : before === after ? 'unchanged' : 'configured');
}

/** Names of omni objects that must be gone before uninstalling (their controllers clean up cloud resources). */
export async function blockingObjects(clients: KubeClients): Promise<{ kind: string; names: string[] }[]> {
  const out: { kind: string; names: string[] }[] = [];
  for (const [kind, plural] of [['EdgeLocation', 'edgelocations'], ['NodeClaim', 'nodeclaims']] as const) {
    try {
      const list = (await clients.custom.listClusterCustomObject({ group: GROUP, version: VERSION, plural })) as { items: KubernetesObject[] };
      const names = list.items.map((o) => o.metadata?.name ?? '');
      if (names.length > 0) out.push({ kind, names });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  return out;
}

/** Deletes every manifest, last applied first; objects already gone are reported as `not found`. */
export async function deleteManifests(api: KubernetesObjectApi, manifests: Manifest[], dryRun: boolean): Promise<ObjectResult[]> {
  const out: ObjectResult[] = [];
  for (const m of [...manifests].reverse()) {
    try {
      await api.delete(toModel(m), undefined, dryRun ? 'All' : undefined, undefined, undefined, 'Background');
      out.push(result(m, 'deleted'));
    } catch (err) {
      if (!isNotFound(err)) throw err;
      out.push(result(m, 'not found'));
    }
  }
  return out;
}
