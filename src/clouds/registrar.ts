// How a simulated instance becomes a Node: through this port. The real implementation talks to the
// cluster named in the join contract with @kubernetes/client-node, as a kubelet would.

import { ApiException, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import type { V1Node } from '@kubernetes/client-node';
import type { JoinContract } from './join.ts';
import { buildNode } from './node-object.ts';
import type { NodeSpecForRegistration } from './node-object.ts';

export type { NodeSpecForRegistration } from './node-object.ts';

export interface NodeRegistrar {
  register(join: JoinContract, node: NodeSpecForRegistration): Promise<void>;
  deregister(join: JoinContract, nodeName: string): Promise<void>;
}

export function kubeConfigForJoin(join: JoinContract): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'join', server: join.clusterEndpoint, caData: join.caData, skipTLSVerify: false }],
    users: [{ name: 'join', token: join.bootstrapToken }],
    contexts: [{ name: 'join', cluster: 'join', user: 'join' }],
    currentContext: 'join',
  });
  return kc;
}

function statusOf(err: unknown): number | undefined {
  return err instanceof ApiException ? err.code : undefined;
}

/** The two calls of CoreV1Api the registrar makes (so tests can record them). */
export interface NodeApi {
  createNode(param: { body: V1Node }): Promise<unknown>;
  deleteNode(param: { name: string }): Promise<unknown>;
}

export class KubeNodeRegistrar implements NodeRegistrar {
  private readonly apiFor: (join: JoinContract) => NodeApi;

  constructor(
    apiFor: (join: JoinContract) => NodeApi = (j) => kubeConfigForJoin(j).makeApiClient(CoreV1Api),
  ) {
    this.apiFor = apiFor;
  }

  /** Creates the Node; a Node that already exists (a re-run boot) is left as it is. */
  async register(join: JoinContract, node: NodeSpecForRegistration): Promise<void> {
    try {
      await this.apiFor(join).createNode({ body: buildNode(join, node) });
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
    }
  }

  async deregister(join: JoinContract, nodeName: string): Promise<void> {
    try {
      await this.apiFor(join).deleteNode({ name: nodeName });
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
  }
}

/** A registrar that only remembers what it was asked to do (for tests and headless simulations). */
export class RecordingNodeRegistrar implements NodeRegistrar {
  readonly nodes = new Map<string, V1Node>();
  readonly events: string[] = [];

  async register(join: JoinContract, node: NodeSpecForRegistration): Promise<void> {
    this.nodes.set(join.nodeName, buildNode(join, node));
    this.events.push(`register ${join.nodeName}`);
  }

  async deregister(_join: JoinContract, nodeName: string): Promise<void> {
    this.nodes.delete(nodeName);
    this.events.push(`deregister ${nodeName}`);
  }
}
