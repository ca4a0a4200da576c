import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';

/** Request options that send a patch body as a JSON merge patch (RFC 7386). */
export const MERGE_PATCH = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
/** Request options that send a patch body as a JSON patch (RFC 6902). */
export const JSON_PATCH = setHeaderOptions('Content-Type', PatchStrategy.JsonPatch);

export interface JsonPatchOp {
  op: 'add' | 'replace' | 'remove' | 'test';
  path: string;
  value?: unknown;
}
