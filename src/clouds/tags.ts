// omni's ownership tags, spelled per cloud: AWS tag keys allow "omni.cast.ai/…"; GCP labels and OCI
// freeform tags allow neither dots nor slashes, so they use "omni-…".

import type { CloudName } from '../catalog/types.ts';
import type { OmniTags } from './types.ts';

type TagField = keyof OmniTags;
const FIELDS: TagField[] = ['clusterId', 'nodeClaim', 'edgeLocation', 'nodeTemplate'];
const SUFFIX: Record<TagField, string> = {
  clusterId: 'cluster-id',
  nodeClaim: 'node-claim',
  edgeLocation: 'edge-location',
  nodeTemplate: 'node-template',
};

export function tagKey(cloud: CloudName, field: TagField): string {
  return cloud === 'aws' || cloud === 'azure' ? `omni.cast.ai/${SUFFIX[field]}` : `omni-${SUFFIX[field]}`;
}

export function toCloudTags(cloud: CloudName, tags: OmniTags): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = tags[f];
    if (v !== undefined && v !== '') out[tagKey(cloud, f)] = v;
  }
  return out;
}

/** omni's tags read back from a cloud object's tags; undefined when the object is not omni's. */
export function fromCloudTags(
  cloud: CloudName,
  tags: Record<string, string> | undefined,
): OmniTags | undefined {
  const clusterId = tags?.[tagKey(cloud, 'clusterId')];
  if (!tags || !clusterId) return undefined;
  const out: OmniTags = { clusterId };
  for (const f of FIELDS.slice(1)) {
    const v = tags[tagKey(cloud, f)];
    if (v !== undefined) out[f] = v;
  }
  return out;
}

export function matchesFilter(
  tags: OmniTags | undefined,
  filter: { clusterId: string; edgeLocation?: string; nodeClaim?: string },
): boolean {
  if (!tags || tags.clusterId !== filter.clusterId) return false;
  if (filter.edgeLocation !== undefined && tags.edgeLocation !== filter.edgeLocation) return false;
  return filter.nodeClaim === undefined || tags.nodeClaim === filter.nodeClaim;
}
