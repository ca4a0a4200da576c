import type { Strategy } from './types.ts';
import { podStrategy } from './pod.ts';
import { daemonSetStrategy, deploymentStrategy, jobStrategy, replicaSetStrategy, statefulSetStrategy } from './workloads.ts';
import { namespaceStrategy, resetStatusStrategy, secretStrategy, serviceStrategy } from './core.ts';

export type { Strategy, StrategyContext } from './types.ts';

const BY_RESOURCE: Record<string, Strategy> = {
  '/pods': podStrategy,
  '/services': serviceStrategy,
  '/namespaces': namespaceStrategy,
  '/secrets': secretStrategy,
  '/persistentvolumeclaims': resetStatusStrategy({ phase: 'Pending' }),
  '/persistentvolumes': resetStatusStrategy({ phase: 'Pending' }),
  'apps/deployments': deploymentStrategy,
  'apps/replicasets': replicaSetStrategy,
  'apps/daemonsets': daemonSetStrategy,
  'apps/statefulsets': statefulSetStrategy,
  'batch/jobs': jobStrategy,
  'policy/poddisruptionbudgets': resetStatusStrategy({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 }),
};

export function builtinStrategy(resKey: string): Strategy {
  return BY_RESOURCE[resKey] ?? {};
}
