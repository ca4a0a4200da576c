import { asArray, asObject, asString, asStrings, isObject } from './json.ts';
import type { CrdVersionInfo, JsonObject, PrinterColumn, ScaleSubresource } from './types.ts';

const CREATION_TIMESTAMP_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** What the server prints when a version declares no columns of its own. */
const DEFAULT_COLUMNS: PrinterColumn[] = [
  {
    name: 'Age',
    type: 'date',
    jsonPath: '.metadata.creationTimestamp',
    description: CREATION_TIMESTAMP_DESCRIPTION,
  },
];

function printerColumn(raw: unknown): PrinterColumn {
  const c = asObject(raw);
  const col: PrinterColumn = {
    name: asString(c.name),
    type: asString(c.type),
    jsonPath: asString(c.jsonPath),
  };
  if (typeof c.description === 'string') col.description = c.description;
  if (typeof c.priority === 'number') col.priority = c.priority;
  if (typeof c.format === 'string') col.format = c.format;
  return col;
}

function printerColumns(version: JsonObject): PrinterColumn[] {
  const cols = asArray(version.additionalPrinterColumns).map(printerColumn);
  return cols.length > 0 ? cols : DEFAULT_COLUMNS.map((c) => ({ ...c }));
}

function scaleSubresource(subresources: JsonObject): ScaleSubresource | undefined {
  if (!isObject(subresources.scale)) return undefined;
  const s = subresources.scale;
  const scale: ScaleSubresource = {
    specReplicasPath: asString(s.specReplicasPath),
    statusReplicasPath: asString(s.statusReplicasPath),
  };
  if (typeof s.labelSelectorPath === 'string' && s.labelSelectorPath !== '') {
    scale.labelSelectorPath = s.labelSelectorPath;
  }
  return scale;
}

function versionSchema(version: JsonObject): JsonObject | undefined {
  const schema = asObject(version.schema).openAPIV3Schema;
  return isObject(schema) ? structuredClone(schema) : undefined;
}

interface NamesView {
  group: string;
  plural: string;
  singular: string;
  kind: string;
  listKind: string;
  shortNames: string[];
  categories: string[];
  namespaced: boolean;
}

function namesView(spec: JsonObject): NamesView {
  const names = asObject(spec.names);
  const kind = asString(names.kind);
  return {
    group: asString(spec.group),
    plural: asString(names.plural),
    singular: asString(names.singular) || kind.toLowerCase(),
    kind,
    listKind: asString(names.listKind) || `${kind}List`,
    shortNames: asStrings(names.shortNames),
    categories: asStrings(names.categories),
    namespaced: asString(spec.scope) !== 'Cluster',
  };
}

function versionInfo(names: NamesView, version: JsonObject): CrdVersionInfo {
  const subresources = asObject(version.subresources);
  const info: CrdVersionInfo = {
    ...names,
    shortNames: [...names.shortNames],
    categories: [...names.categories],
    version: asString(version.name),
    served: version.served === true,
    storage: version.storage === true,
    statusSubresource: isObject(subresources.status),
    printerColumns: printerColumns(version),
    schema: versionSchema(version),
  };
  const scale = scaleSubresource(subresources);
  if (scale) info.scaleSubresource = scale;
  return info;
}

/** One entry per spec.versions item, in declaration order; callers filter on `served`. */
export function crdVersions(crd: JsonObject): CrdVersionInfo[] {
  const spec = asObject(crd.spec);
  const names = namesView(spec);
  return asArray(spec.versions)
    .filter(isObject)
    .map((v) => versionInfo(names, v));
}
