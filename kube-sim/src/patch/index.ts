export { PatchError, type JsonObject, type PatchCause } from './errors.ts';
export { applyJsonPatch } from './json-patch.ts';
export { applyMergePatch } from './merge-patch.ts';
export { applyStrategicMergePatch } from './strategic.ts';
export { applyServerSide } from './apply.ts';
export { recordUpdateManager } from './managed-fields.ts';
