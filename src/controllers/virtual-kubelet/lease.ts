import type { V1Lease, V1Node } from '@kubernetes/client-node';
import { isNotFound, type Clock, type KubeClients } from '../../kube/index.ts';
import { JSON_PATCH } from './patch.ts';
import { NODE_LEASE_NAMESPACE } from './constants.ts';
import { microTime } from './time.ts';

/** Renews (or creates) a virtual node's Lease in kube-node-lease, as a kubelet does. */
export async function renewNodeLease(main: KubeClients, node: V1Node, clock: Clock, durationSeconds: number): Promise<void> {
  const name = node.metadata?.name ?? '';
  const renewTime = microTime(clock.now());
  try {
    await main.coordination.patchNamespacedLease(
      { name, namespace: NODE_LEASE_NAMESPACE, body: [{ op: 'replace', path: '/spec/renewTime', value: renewTime }] },
      JSON_PATCH,
    );
  } catch (err) {
    if (!isNotFound(err)) throw err;
    await main.coordination.createNamespacedLease({ namespace: NODE_LEASE_NAMESPACE, body: leaseFor(node, new Date(clock.now()), durationSeconds) });
  }
}

function leaseFor(node: V1Node, renewTime: Date, durationSeconds: number): V1Lease {
  const name = node.metadata?.name ?? '';
  return {
    metadata: { name, namespace: NODE_LEASE_NAMESPACE, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata?.uid ?? '' }] },
    spec: { holderIdentity: name, leaseDurationSeconds: durationSeconds, renewTime },
  };
}

export async function deleteNodeLease(main: KubeClients, name: string): Promise<void> {
  await main.coordination.deleteNamespacedLease({ name, namespace: NODE_LEASE_NAMESPACE }).catch((err: unknown) => {
    if (!isNotFound(err)) throw err;
  });
}
