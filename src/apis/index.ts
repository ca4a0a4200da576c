// Public surface of the omni CRD kinds: schemas, types, parsing, cross-object checks, CRDs, quantities.
export { API_VERSION, GROUP, VERSION, taintSchema, conditionSchema, quantitySchema } from './meta.ts';
export type { Taint, Condition } from './meta.ts';
export { ValidationError, formatPath } from './errors.ts';
export {
  NODE_TEMPLATE_KIND,
  nodeTemplateSchema,
  nodeTemplateSpecSchema,
  parseNodeTemplate,
  templateBounds,
} from './node-template.ts';
export type { NodeTemplate, NodeTemplateSpec, NodeTemplateInput, TemplateBounds } from './node-template.ts';
export {
  EDGE_LOCATION_KIND,
  EDGE_LOCATION_CONDITIONS,
  edgeLocationSchema,
  edgeLocationSpecSchema,
  parseEdgeLocation,
} from './edge-location.ts';
export type { EdgeLocation, EdgeLocationSpec, EdgeLocationState } from './edge-location.ts';
export {
  EDGE_NODE_CONFIGURATION_KIND,
  edgeNodeConfigurationSchema,
  parseEdgeNodeConfiguration,
} from './edge-node-configuration.ts';
export type { EdgeNodeConfiguration } from './edge-node-configuration.ts';
export {
  NODE_CLAIM_KIND,
  NODE_CLAIM_FINALIZER,
  NODE_CLAIM_CONDITIONS,
  nodeClaimSchema,
  parseNodeClaim,
} from './node-claim.ts';
export type { NodeClaim, NodeClaimSpec } from './node-claim.ts';
export { checkEdgeLocationRefs, checkEdgeLocationZones, checkTemplateZones } from './cross-checks.ts';
export type { CloudRegions } from './cross-checks.ts';
export { buildCrd, toStructural } from './crd.ts';
export type { CustomResourceDefinition } from './crd.ts';
export { allCrds, edgeLocationCrd, edgeNodeConfigurationCrd, nodeClaimCrd, nodeTemplateCrd } from './crds.ts';
export {
  QuantityError,
  bytes,
  cpuMillis,
  formatBytes,
  formatCpu,
  isQuantity,
  parseQuantity,
} from './quantity.ts';
export { instanceTypeLabel } from './labels.ts';
