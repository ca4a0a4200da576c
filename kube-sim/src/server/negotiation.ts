import YAML from 'yaml';
import { ApiError, badRequest, unsupportedMediaType } from '../util/errors.ts';
import type { PatchType } from '../api/types.ts';

export interface AcceptInfo {
  table: boolean;
  partialMetadata: boolean;
  aggregatedDiscovery: 'v2' | 'v2beta1' | undefined;
  yaml: boolean;
}

/** Picks the first representation the client asks for that kube-sim can produce. */
export function parseAccept(accept: string | undefined): AcceptInfo {
  const info: AcceptInfo = { table: false, partialMetadata: false, aggregatedDiscovery: undefined, yaml: false };
  for (const raw of (accept ?? '').split(',')) {
    const part = raw.trim();
    const [type] = part.split(';');
    if (type === 'application/vnd.kubernetes.protobuf' || type === 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf') continue;
    if (part.includes('as=Table')) info.table = true;
    else if (part.includes('as=PartialObjectMetadata')) info.partialMetadata = true;
    else if (part.includes('as=APIGroupDiscoveryList')) info.aggregatedDiscovery = part.includes('v=v2beta1') ? 'v2beta1' : 'v2';
    else if (type === 'application/yaml') info.yaml = true;
    break;
  }
  return info;
}

const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

export function patchTypeOf(contentType: string | undefined): PatchType {
  const mt = mediaType(contentType);
  const t = PATCH_TYPES[mt];
  if (!t) {
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
    );
  }
  return t;
}

/** Decodes a request body as JSON or YAML according to its Content-Type. */
export function decodeBody(buf: Buffer, contentType: string | undefined): unknown {
  const mt = mediaType(contentType);
  if (buf.length === 0) return undefined;
  const text = buf.toString('utf8');
  if (mt === 'application/yaml' || mt === 'application/apply-patch+yaml') {
    try {
      return YAML.parse(text);
    } catch (err) {
      throw badRequest(`error converting YAML to JSON: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  if (mt === '' || mt === 'application/json' || mt.endsWith('+json')) {
    try {
      return JSON.parse(text);
    } catch (err) {
      throw badRequest(`couldn't get version/kind; json parse error: ${(err as Error).message}`);
    }
  }
  throw unsupportedMediaType(mt);
}
