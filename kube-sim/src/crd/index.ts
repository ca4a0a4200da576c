export type { JsonObject, FieldCause, CrdVersionInfo } from './types.ts';
export { validateCrd } from './validate-crd.ts';
export { defaultCrd } from './defaults.ts';
export { crdVersions } from './versions.ts';
export { validateCustomResource, defaultAndPrune } from './custom-resource.ts';
export { evalPrinterColumn } from './jsonpath.ts';
export { getScale, setScale } from './scale.ts';
