import { allCrds } from '../apis/index.ts';
import type { KubeClients } from './clients.ts';
import { requestJson } from './raw.ts';

const CRD_PATH = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

/** Installs or updates omni's CRDs with server-side apply (verbatim, so schema extensions survive). */
export async function installCrds(clients: KubeClients, fieldManager = 'omni'): Promise<string[]> {
  const names: string[] = [];
  for (const crd of allCrds()) {
    const name = crd.metadata.name;
    await requestJson(clients.kc, {
      method: 'PATCH',
      path: `${CRD_PATH}/${name}?fieldManager=${fieldManager}&force=true`,
      body: crd,
      contentType: 'application/apply-patch+yaml',
    });
    names.push(name);
  }
  return names;
}

/** Resolves once every omni CRD reports Established. */
export async function waitForCrds(clients: KubeClients, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const crd of allCrds()) {
    for (;;) {
      const got = await requestJson<{ status?: { conditions?: { type: string; status: string }[] } }>(clients.kc, { method: 'GET', path: `${CRD_PATH}/${crd.metadata.name}` });
      if (got.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) break;
      if (Date.now() > deadline) throw new Error(`CRD ${crd.metadata.name} not Established after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
