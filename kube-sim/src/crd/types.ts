export type JsonObject = { [k: string]: unknown };

export type CauseReason =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueTypeInvalid'
  | 'FieldValueDuplicate'
  | 'FieldValueTooLong'
  | 'FieldValueForbidden';

/** One entry of a Status' details.causes: `message` is the body after `field: `, as kube-apiserver sends it. */
export interface FieldCause {
  field: string;
  message: string;
  reason: CauseReason;
}

export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  priority?: number;
  format?: string;
}

export interface ScaleSubresource {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

/** A compiled view of a served version of a CRD. */
export interface CrdVersionInfo {
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  listKind: string;
  shortNames: string[];
  categories: string[];
  namespaced: boolean;
  served: boolean;
  storage: boolean;
  statusSubresource: boolean;
  scaleSubresource?: ScaleSubresource;
  printerColumns: PrinterColumn[];
  schema: JsonObject | undefined;
}
