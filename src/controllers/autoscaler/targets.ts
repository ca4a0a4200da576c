import type { CloudName } from '../../catalog/types.ts';
import type { CloudProvider, LaunchPlacement } from '../../clouds/types.ts';

/** How a new machine joins a cluster: its API endpoint, CA and a bootstrap token. */
export interface JoinTarget {
  endpoint: string;
  /** Base64 PEM of the cluster CA. */
  caData: string;
  token: string;
}

/** A place nodes can be made: the main region or a Ready edge location. */
export interface LocationTarget {
  /** `main` or the EdgeLocation name. */
  name: string;
  cloud: CloudName;
  region: string;
  provider: CloudProvider;
  join: JoinTarget;
  placement?: LaunchPlacement;
  /** Removes a node object from the cluster the location's machines join (edge clusters: their own node). */
  deleteNode?(name: string): Promise<void>;
}

/** The live set of locations; the edge-location controller adds and removes edges as they change. */
export interface LocationRegistry {
  main(): LocationTarget;
  edge(name: string): LocationTarget | undefined;
  edges(): LocationTarget[];
}

export class MutableLocationRegistry implements LocationRegistry {
  private readonly edgeTargets = new Map<string, LocationTarget>();
  constructor(private readonly mainTarget: LocationTarget) {}
  main(): LocationTarget {
    return this.mainTarget;
  }
  edge(name: string): LocationTarget | undefined {
    return this.edgeTargets.get(name);
  }
  edges(): LocationTarget[] {
    return [...this.edgeTargets.values()];
  }
  setEdge(t: LocationTarget): void {
    this.edgeTargets.set(t.name, t);
  }
  removeEdge(name: string): void {
    this.edgeTargets.delete(name);
  }
  /** The location a claim targets, whatever its kind. */
  byName(name: string): LocationTarget | undefined {
    return name === 'main' ? this.mainTarget : this.edgeTargets.get(name);
  }
}
