import type { V1Pod } from '@kubernetes/client-node';
import { stableJson } from './json.ts';
import { metaOf } from './meta.ts';
import type { JsonPatchOp } from './patch.ts';
import { remoteAnnotations, remoteLabels } from './pod-forge.ts';

/**
 * JSON patch ops that carry the main pod's mutable fields (labels, annotations, container images,
 * activeDeadlineSeconds) down to its edge copy; empty when they already agree.
 */
export function syncDownOps(main: V1Pod, remote: V1Pod): JsonPatchOp[] {
  const ops: JsonPatchOp[] = [];
  const { labels, annotations } = metaOf(remote);
  const wantLabels = remoteLabels(main);
  if (stableJson(wantLabels) !== stableJson(labels)) ops.push({ op: 'add', path: '/metadata/labels', value: wantLabels });
  const wantAnnotations = remoteAnnotations(main);
  if (stableJson(wantAnnotations) !== stableJson(annotations)) ops.push({ op: 'add', path: '/metadata/annotations', value: wantAnnotations });
  ops.push(...imageOps(main, remote, 'containers'), ...imageOps(main, remote, 'initContainers'));
  const ads = main.spec?.activeDeadlineSeconds;
  if (ads !== undefined && ads !== remote.spec?.activeDeadlineSeconds) ops.push({ op: 'add', path: '/spec/activeDeadlineSeconds', value: ads });
  return ops;
}

function imageOps(main: V1Pod, remote: V1Pod, field: 'containers' | 'initContainers'): JsonPatchOp[] {
  const theirs = remote.spec?.[field] ?? [];
  return (main.spec?.[field] ?? []).flatMap((c) => {
    const i = theirs.findIndex((r) => r.name === c.name);
    return i >= 0 && theirs[i].image !== c.image ? [{ op: 'replace' as const, path: `/spec/${field}/${i}/image`, value: c.image }] : [];
  });
}
