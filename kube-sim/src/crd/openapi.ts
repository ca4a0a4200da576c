// The OpenAPI v3 component schema kube-apiserver publishes for a CRD version (read by `kubectl explain`).
import { asObject } from './json.ts';
import type { CrdVersionInfo, JsonObject } from './types.ts';

const OBJECT_META_REF = '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

const API_VERSION_DESCRIPTION =
  'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources';
const KIND_DESCRIPTION =
  'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';
const METADATA_DESCRIPTION =
  "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

/** `omni.dev`, `v1alpha1`, `EdgeLocation` → `dev.omni.v1alpha1.EdgeLocation`, as the server names definitions. */
export function crdSchemaName(info: CrdVersionInfo): string {
  const reversedGroup = info.group.split('.').reverse().join('.');
  return `${reversedGroup}.${info.version}.${info.kind}`;
}

function typeMetaProperties(): JsonObject {
  return {
    apiVersion: { type: 'string', description: API_VERSION_DESCRIPTION },
    kind: { type: 'string', description: KIND_DESCRIPTION },
    metadata: { allOf: [{ $ref: OBJECT_META_REF }], description: METADATA_DESCRIPTION },
  };
}

export function crdOpenApiSchemas(info: CrdVersionInfo): { schemaName: string; schema: JsonObject } {
  const base: JsonObject = info.schema
    ? structuredClone(info.schema)
    : { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const schema: JsonObject = {
    ...base,
    properties: { ...asObject(base.properties), ...typeMetaProperties() },
    'x-kubernetes-group-version-kind': [{ group: info.group, kind: info.kind, version: info.version }],
  };
  return { schemaName: crdSchemaName(info), schema };
}
