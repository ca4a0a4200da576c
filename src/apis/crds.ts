// One CRD per omni kind, ready to apply to a cluster.
import { buildCrd, type CustomResourceDefinition } from './crd.ts';
import { nodeTemplateSchema } from './node-template.ts';
import { edgeLocationSchema } from './edge-location.ts';
import { edgeNodeConfigurationSchema } from './edge-node-configuration.ts';
import { nodeClaimSchema } from './node-claim.ts';

export function nodeTemplateCrd(): CustomResourceDefinition {
  return buildCrd(nodeTemplateSchema, {
    kind: 'NodeTemplate',
    plural: 'nodetemplates',
    singular: 'nodetemplate',
    shortNames: ['nt'],
  });
}

export function edgeLocationCrd(): CustomResourceDefinition {
  return buildCrd(
    edgeLocationSchema,
    { kind: 'EdgeLocation', plural: 'edgelocations', singular: 'edgelocation', shortNames: ['el'] },
    [
      { name: 'Cloud', type: 'string', jsonPath: '.spec.cloud' },
      { name: 'Region', type: 'string', jsonPath: '.spec.region' },
      { name: 'State', type: 'string', jsonPath: '.status.state' },
    ],
  );
}

export function edgeNodeConfigurationCrd(): CustomResourceDefinition {
  return buildCrd(edgeNodeConfigurationSchema, {
    kind: 'EdgeNodeConfiguration',
    plural: 'edgenodeconfigurations',
    singular: 'edgenodeconfiguration',
  });
}

export function nodeClaimCrd(): CustomResourceDefinition {
  return buildCrd(
    nodeClaimSchema,
    { kind: 'NodeClaim', plural: 'nodeclaims', singular: 'nodeclaim', shortNames: ['nc'] },
    [
      { name: 'Template', type: 'string', jsonPath: '.spec.nodeTemplate' },
      { name: 'Location', type: 'string', jsonPath: '.spec.location' },
      { name: 'Type', type: 'string', jsonPath: '.spec.instanceType' },
      { name: 'Lifecycle', type: 'string', jsonPath: '.spec.lifecycle' },
      { name: 'Node', type: 'string', jsonPath: '.status.nodeName' },
    ],
  );
}

/** Every omni CRD, in install order. */
export function allCrds(): CustomResourceDefinition[] {
  return [edgeLocationCrd(), edgeNodeConfigurationCrd(), nodeTemplateCrd(), nodeClaimCrd()];
}
