import { daemonSetPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter } from './apps.ts';
import {
  configMapPrinter,
  endpointsPrinter,
  namespacePrinter,
  nodePrinter,
  pvcPrinter,
  pvPrinter,
  secretPrinter,
  serviceAccountPrinter,
  servicePrinter,
} from './core.ts';
import { customPrinter } from './custom.ts';
import type { CustomColumn, EvalPath } from './custom.ts';
import { eventPrinter } from './events.ts';
import {
  controllerRevisionPrinter,
  createdAtPrinter,
  defaultPrinter,
  endpointSlicePrinter,
  jobPrinter,
  leasePrinter,
  pdbPrinter,
  priorityClassPrinter,
  storageClassPrinter,
} from './other.ts';
import { podPrinter } from './pod.ts';
import type { JsonObject, Printer, TableColumn } from './types.ts';

export type { JsonObject, TableColumn, RowCondition } from './types.ts';
export type { CustomColumn, EvalPath } from './custom.ts';
export { humanDuration } from './format.ts';
export { podSummary } from './pod.ts';

const PRINTERS: Record<string, Printer> = {
  '/pods': podPrinter,
  '/nodes': nodePrinter,
  '/services': servicePrinter,
  '/endpoints': endpointsPrinter,
  '/configmaps': configMapPrinter,
  '/secrets': secretPrinter,
  '/serviceaccounts': serviceAccountPrinter,
  '/namespaces': namespacePrinter,
  '/events': eventPrinter,
  '/persistentvolumeclaims': pvcPrinter,
  '/persistentvolumes': pvPrinter,
  'apps/deployments': deploymentPrinter,
  'apps/replicasets': replicaSetPrinter,
  'apps/daemonsets': daemonSetPrinter,
  'apps/statefulsets': statefulSetPrinter,
  'apps/controllerrevisions': controllerRevisionPrinter,
  'scheduling.k8s.io/priorityclasses': priorityClassPrinter,
  'batch/jobs': jobPrinter,
  'coordination.k8s.io/leases': leasePrinter,
  'policy/poddisruptionbudgets': pdbPrinter,
  'discovery.k8s.io/endpointslices': endpointSlicePrinter,
  'events.k8s.io/events': eventPrinter,
  'storage.k8s.io/storageclasses': storageClassPrinter,
  'apiextensions.k8s.io/customresourcedefinitions': createdAtPrinter,
};

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface BuildTableArgs {
  resource: string;
  group: string;
  objects: JsonObject[];
  includeObject: IncludeObject;
  now: number;
  listMeta?: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  customColumns?: CustomColumn[];
  evalPath?: EvalPath;
}

/** The printer for a resource: custom columns (CRDs) win, then built-in printers, then NAME/AGE. */
export function printerFor(
  group: string,
  resource: string,
  customColumns?: CustomColumn[],
  evalPath?: EvalPath,
): Printer {
  if (customColumns !== undefined) return customPrinter(customColumns, evalPath);
  return PRINTERS[`${group}/${resource}`] ?? defaultPrinter;
}

export function tableColumns(group: string, resource: string, customColumns?: CustomColumn[]): TableColumn[] {
  return printerFor(group, resource, customColumns).columns.map((c) => ({ ...c }));
}

function rowObject(obj: JsonObject, mode: IncludeObject): JsonObject | undefined {
  if (mode === 'None') return undefined;
  if (mode === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata ?? {} };
}

function tableMeta(listMeta: BuildTableArgs['listMeta']): JsonObject {
  const meta: JsonObject = {};
  if (listMeta?.resourceVersion !== undefined) meta.resourceVersion = listMeta.resourceVersion;
  if (listMeta?.continue) meta.continue = listMeta.continue;
  if (listMeta?.remainingItemCount !== undefined) meta.remainingItemCount = listMeta.remainingItemCount;
  return meta;
}

/** A meta.k8s.io/v1 Table for objects of one resource, with kubectl's usual columns for built-in kinds. */
export function buildTable(args: BuildTableArgs): JsonObject {
  const printer = printerFor(args.group, args.resource, args.customColumns, args.evalPath);
  const rows = args.objects.map((obj) => {
    const row: JsonObject = { cells: printer.cells(obj, args.now) };
    const conditions = printer.conditions?.(obj);
    if (conditions !== undefined) row.conditions = conditions;
    const object = rowObject(obj, args.includeObject);
    if (object !== undefined) row.object = object;
    return row;
  });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: tableMeta(args.listMeta),
    columnDefinitions: printer.columns.map((c) => ({ ...c })),
    rows,
  };
}
