import { apiextensionsTypes } from './schemas/apiextensions.ts';
import { appsTypes } from './schemas/apps.ts';
import { authorizationTypes } from './schemas/authorization.ts';
import { autoscalingTypes } from './schemas/autoscaling.ts';
import { batchTypes } from './schemas/batch.ts';
import { coordinationTypes } from './schemas/coordination.ts';
import { coreTypes } from './schemas/core.ts';
import { discoveryTypes } from './schemas/discovery.ts';
import { eventsTypes } from './schemas/events.ts';
import { metaTypes } from './schemas/meta.ts';
import { policyTypes } from './schemas/policy.ts';
import { schedulingTypes } from './schemas/scheduling.ts';
import { storageTypes } from './schemas/storage.ts';
import type { SchemaTypes } from './dsl.ts';

export interface SchemaPackage {
  /** Upstream schema name prefix, e.g. io.k8s.api.core.v1. */
  prefix: string;
  types: SchemaTypes;
}

export const PACKAGES: Readonly<Record<string, SchemaPackage>> = {
  meta: { prefix: 'io.k8s.apimachinery.pkg.apis.meta.v1', types: metaTypes },
  core: { prefix: 'io.k8s.api.core.v1', types: coreTypes },
  apps: { prefix: 'io.k8s.api.apps.v1', types: appsTypes },
  batch: { prefix: 'io.k8s.api.batch.v1', types: batchTypes },
  coordination: { prefix: 'io.k8s.api.coordination.v1', types: coordinationTypes },
  policy: { prefix: 'io.k8s.api.policy.v1', types: policyTypes },
  discovery: { prefix: 'io.k8s.api.discovery.v1', types: discoveryTypes },
  events: { prefix: 'io.k8s.api.events.v1', types: eventsTypes },
  storage: { prefix: 'io.k8s.api.storage.v1', types: storageTypes },
  apiextensions: {
    prefix: 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1',
    types: apiextensionsTypes,
  },
  autoscaling: { prefix: 'io.k8s.api.autoscaling.v1', types: autoscalingTypes },
  authorization: { prefix: 'io.k8s.api.authorization.v1', types: authorizationTypes },
  scheduling: { prefix: 'io.k8s.api.scheduling.v1', types: schedulingTypes },
};
