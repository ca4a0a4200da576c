// The tunnel gateways' ConfigMaps, written from each wiring plan: omni-hub-policy in main (allow-lists and
// hub listeners), omni-spoke-config in every edge (spoke listeners and served services). The gateways
// watch them. Listener ports are read back after a restart so Services keep pointing at the same ports.
import type { CoreV1Api, V1ConfigMap } from '@kubernetes/client-node';
import { isNotFound } from '../../../kube/index.ts';
import {
  GATEWAY_NAMESPACE,
  HUB_CONFIG,
  SPOKE_CONFIG,
  parseHubConfig,
  parseSpokeConfig,
} from '../../../tunnel/gateway-config.ts';
import { LABELS, MANAGED_BY_VALUE } from '../constants.ts';

export interface ConfigTarget {
  /** `main` or the edge location's name (for messages). */
  where: string;
  /** What the memo of written texts hangs off: a rebuilt edge is a new object and is written afresh. */
  owner: object;
  core: CoreV1Api;
  write: <T>(call: () => Promise<T>) => Promise<T>;
}

async function readConfigMap(t: ConfigTarget, name: string): Promise<V1ConfigMap | undefined> {
  try {
    return await t.write(() => t.core.readNamespacedConfigMap({ name, namespace: GATEWAY_NAMESPACE }));
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

async function ensureNamespace(t: ConfigTarget): Promise<void> {
  await t
    .write(() => t.core.createNamespace({ body: { metadata: { name: GATEWAY_NAMESPACE } } }))
    .catch(() => undefined);
}

/** Writes gateway ConfigMaps, skipping texts it already wrote to the same target. */
export class GatewayConfigWriter {
  private readonly written = new WeakMap<object, Map<string, string>>();
  writes = 0;

  async apply(t: ConfigTarget, cm: { configMap: string; key: string }, text: string): Promise<void> {
    const memo = this.written.get(t.owner) ?? new Map<string, string>();
    this.written.set(t.owner, memo);
    if (memo.get(cm.configMap) === text) return;
    const current = await readConfigMap(t, cm.configMap);
    if (current?.data?.[cm.key] !== text) await this.write(t, cm, text, current);
    memo.set(cm.configMap, text);
  }

  private async write(
    t: ConfigTarget,
    cm: { configMap: string; key: string },
    text: string,
    current: V1ConfigMap | undefined,
  ): Promise<void> {
    const metadata = {
      name: cm.configMap,
      namespace: GATEWAY_NAMESPACE,
      labels: { [LABELS.managedBy]: MANAGED_BY_VALUE },
      resourceVersion: current?.metadata?.resourceVersion,
    };
    const body = { metadata, data: { ...current?.data, [cm.key]: text } };
    if (current)
      await t.write(() =>
        t.core.replaceNamespacedConfigMap({ name: cm.configMap, namespace: GATEWAY_NAMESPACE, body }),
      );
    else {
      await ensureNamespace(t);
      await t.write(() => t.core.createNamespacedConfigMap({ namespace: GATEWAY_NAMESPACE, body }));
    }
    this.writes++;
  }
}

/** The listener ports a gateway ConfigMap holds ({} when absent or unreadable: they are assigned afresh). */
export async function listenersIn(t: ConfigTarget, role: 'hub' | 'spoke'): Promise<Record<string, number>> {
  const cm = role === 'hub' ? HUB_CONFIG : SPOKE_CONFIG;
  const text = (await readConfigMap(t, cm.configMap).catch(() => undefined))?.data?.[cm.key];
  if (!text) return {};
  const source = `${t.where}: ConfigMap ${GATEWAY_NAMESPACE}/${cm.configMap}`;
  try {
    return role === 'hub' ? parseHubConfig(text, source).listeners : parseSpokeConfig(text, source).listeners;
  } catch {
    return {};
  }
}
