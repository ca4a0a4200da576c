import type { JsonSchema } from './compile.ts';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

/** Named schemas that are not plain objects: upstream names, OpenAPI v3 shapes. */
export const PRIMITIVES: Readonly<Record<string, readonly [name: string, schema: JsonSchema]>> = {
  Time: [
    `${META}.Time`,
    {
      description: 'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.',
      type: 'string',
      format: 'date-time',
    },
  ],
  MicroTime: [
    `${META}.MicroTime`,
    {
      description: 'MicroTime is version of Time with microsecond level precision.',
      type: 'string',
      format: 'date-time',
    },
  ],
  FieldsV1: [
    `${META}.FieldsV1`,
    {
      description: 'FieldsV1 stores a set of fields in a data structure like a Trie, in JSON format.',
      type: 'object',
    },
  ],
  Quantity: [
    'io.k8s.apimachinery.pkg.api.resource.Quantity',
    {
      description: 'Quantity is a fixed-point representation of a number (e.g. 100m, 1Gi, 2).',
      oneOf: [{ type: 'string' }, { type: 'number' }],
      'x-kubernetes-int-or-string': true,
    },
  ],
  IntOrString: [
    'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    {
      description: 'IntOrString is a type that can hold an int32 or a string.',
      format: 'int-or-string',
      oneOf: [{ type: 'integer' }, { type: 'string' }],
      'x-kubernetes-int-or-string': true,
    },
  ],
  RawExtension: [
    'io.k8s.apimachinery.pkg.runtime.RawExtension',
    {
      description: 'RawExtension is used to hold extensions in external versions.',
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    },
  ],
  JSONSchemaProps: [
    'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps',
    {
      description:
        'JSONSchemaProps is a JSON-Schema following Specification Draft 4 (http://json-schema.org/).',
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    },
  ],
  Patch: [
    `${META}.Patch`,
    {
      description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.',
      type: 'object',
    },
  ],
};
