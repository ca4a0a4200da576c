// An edge location the edge-location controller announced, as the autoscaler's registry takes it.
import type { LocationTarget } from '../controllers/autoscaler/index.ts';
import type { ReadyEdge } from '../controllers/edge-location/index.ts';

export function locationTargetOf(edge: ReadyEdge): LocationTarget {
  return {
    name: edge.name,
    cloud: edge.cloud,
    region: edge.region,
    provider: edge.provider,
    join: edge.join,
    placement: edge.placement,
    deleteNode: (n) => edge.deleteNode(n),
  };
}
