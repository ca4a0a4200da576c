import { PatchStrategy, setHeaderOptions, type KubernetesObject } from '@kubernetes/client-node';
import {
  checkEdgeLocationRefs,
  parseEdgeLocation,
  parseNodeTemplate,
  type EdgeLocation,
} from '../../apis/index.ts';
import type { Clock, EventRecorder, KubeClients, Logger } from '../../kube/index.ts';
import { GROUP, VERSION, withCondition, type ClaimCondition } from './claims.ts';
import type { ClusterView } from './view.ts';

interface TemplateObject extends KubernetesObject {
  status?: { conditions?: ClaimCondition[] };
}

function validity(obj: KubernetesObject, edgeLocations: EdgeLocation[]): string[] {
  try {
    const t = parseNodeTemplate(obj);
    return checkEdgeLocationRefs([t], edgeLocations);
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  }
}

/** Validates NodeTemplates and reports it in status (condition Valid) and Events. */
export class NodeTemplateController {
  private readonly lastReported = new Map<string, string>();
  constructor(
    private readonly d: {
      view: ClusterView;
      clients: KubeClients;
      events: EventRecorder;
      clock: Clock;
      log: Logger;
    },
  ) {}

  async runOnce(): Promise<void> {
    const edges: EdgeLocation[] = [];
    for (const e of this.d.view.edgeLocations.list()) {
      try {
        edges.push(parseEdgeLocation(e));
      } catch {
        // An invalid EdgeLocation is reported by its own controller.
      }
    }
    for (const obj of this.d.view.templates.list() as TemplateObject[]) await this.reconcile(obj, edges);
  }

  private async reconcile(obj: TemplateObject, edges: EdgeLocation[]): Promise<void> {
    const problems = validity(obj, edges);
    const message = problems.length ? problems.join('; ') : 'template is valid';
    const name = obj.metadata!.name!;
    const key = `${name}/${obj.metadata?.generation}/${message}`;
    if (this.lastReported.get(name) === key) return;
    try {
      await this.writeValid(obj, problems.length === 0, message);
      if (problems.length) await this.d.events.record(obj, 'Warning', 'InvalidNodeTemplate', message);
      this.lastReported.set(name, key);
    } catch (err) {
      this.d.log.debug({ template: name, err: String(err) }, 'status update failed');
    }
  }

  private async writeValid(obj: TemplateObject, valid: boolean, message: string): Promise<void> {
    const condition = {
      type: 'Valid',
      status: valid ? 'True' : 'False',
      reason: valid ? 'Valid' : 'Invalid',
      message,
    } as const;
    const conditions = withCondition(
      obj.status?.conditions,
      condition,
      new Date(this.d.clock.now()).toISOString(),
    );
    await this.d.clients.custom.patchClusterCustomObjectStatus(
      {
        group: GROUP,
        version: VERSION,
        plural: 'nodetemplates',
        name: obj.metadata!.name!,
        body: { status: { ...obj.status, conditions } },
      },
      setMergePatch(),
    );
  }
}

function setMergePatch() {
  return setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
}
