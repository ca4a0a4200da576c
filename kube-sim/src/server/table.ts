import type { JsonObject } from '../util/json.ts';
import type { ResourceType } from '../registry/resource-type.ts';
import { buildTable } from '../printing/index.ts';
import { crdVersions, evalPrinterColumn } from '../crd/index.ts';
import type { ClusterApi } from '../api/cluster-api.ts';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function includeObjectOf(v: string | null): IncludeObject {
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

function printerColumns(api: ClusterApi, t: ResourceType) {
  if (!t.crdName) return undefined;
  const crd = api.store.get('apiextensions.k8s.io/customresourcedefinitions', undefined, t.crdName);
  const info = crd ? crdVersions(crd).find((v) => v.version === t.version) : undefined;
  return info && info.printerColumns.length ? info.printerColumns : undefined;
}

export interface TableOptions {
  includeObject: IncludeObject;
  /** The list's metadata, for a table of a list (not of one object or a watch event). */
  listMeta?: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
}

/** A meta.k8s.io/v1 Table for `kubectl get`, with the kind's usual columns. */
export function toTable(
  api: ClusterApi,
  t: ResourceType,
  objects: JsonObject[],
  { includeObject, listMeta }: TableOptions,
): JsonObject {
  return buildTable({
    resource: t.resource,
    group: t.group,
    objects,
    includeObject,
    now: api.clock.now(),
    listMeta,
    customColumns: printerColumns(api, t),
    evalPath: evalPrinterColumn,
  });
}

export function partialMetadata(obj: JsonObject): JsonObject {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}
