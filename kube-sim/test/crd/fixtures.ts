import type { CrdVersionInfo, JsonObject } from '../../src/crd/index.ts';

/** A CRD shaped like omni's EdgeLocation, with one property per keyword the validator supports. */
export function edgeLocationCrd(): JsonObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'edgelocations.omni.dev' },
    spec: {
      group: 'omni.dev',
      scope: 'Namespaced',
      names: { plural: 'edgelocations', kind: 'EdgeLocation', shortNames: ['el'], categories: ['omni'] },
      versions: [
        {
          name: 'v1alpha1',
          served: true,
          storage: true,
          subresources: {
            status: {},
            scale: {
              specReplicasPath: '.spec.replicas',
              statusReplicasPath: '.status.replicas',
              labelSelectorPath: '.status.selector',
            },
          },
          additionalPrinterColumns: [
            { name: 'Cloud', type: 'string', jsonPath: '.spec.cloud' },
            { name: 'Region', type: 'string', jsonPath: '.spec.region' },
            { name: 'State', type: 'string', jsonPath: '.status.state' },
            { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
          ],
          schema: { openAPIV3Schema: edgeLocationSchema() },
        },
      ],
    },
  };
}

export function edgeLocationSchema(): JsonObject {
  return {
    type: 'object',
    description: 'EdgeLocation is a place where omni provisions nodes.',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      spec: {
        type: 'object',
        description: 'Desired state of the location.',
        required: ['cloud', 'region'],
        properties: {
          cloud: { type: 'string', enum: ['aws', 'gcp', 'oci'], description: 'Cloud provider.' },
          region: { type: 'string', minLength: 2, maxLength: 20, pattern: '^[a-z0-9-]+$' },
          zones: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3 },
          replicas: { type: 'integer', format: 'int32', minimum: 0, maximum: 10, default: 1 },
          tier: { type: 'string', enum: ['standard', 'premium'], default: 'standard' },
          capacity: {
            type: 'number',
            minimum: 0,
            exclusiveMinimum: true,
            maximum: 100,
            exclusiveMaximum: true,
          },
          port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          pools: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name'],
              properties: {
                name: { type: 'string' },
                size: { type: 'integer', default: 1 },
                taints: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      key: { type: 'string' },
                      effect: { type: 'string', enum: ['NoSchedule', 'NoExecute'] },
                    },
                  },
                },
              },
            },
          },
          extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          template: {
            type: 'object',
            'x-kubernetes-embedded-resource': true,
            'x-kubernetes-preserve-unknown-fields': true,
          },
          maintenanceWindow: { type: 'string', format: 'date-time', nullable: true },
        },
      },
      status: {
        type: 'object',
        properties: {
          state: { type: 'string' },
          replicas: { type: 'integer' },
          selector: { type: 'string' },
          conditions: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                type: { type: 'string' },
                status: { type: 'string' },
                reason: { type: 'string' },
              },
            },
          },
        },
      },
    },
  };
}

export function edgeLocation(spec: JsonObject, status?: JsonObject): JsonObject {
  const obj: JsonObject = {
    apiVersion: 'omni.dev/v1alpha1',
    kind: 'EdgeLocation',
    metadata: {
      name: 'fra-1',
      namespace: 'default',
      uid: 'u-1',
      resourceVersion: '7',
      creationTimestamp: '2026-11-25T08:00:00Z',
    },
    spec,
  };
  if (status) obj.status = status;
  return obj;
}

/** A hand-made version view around an arbitrary schema, for keywords a CRD itself may not declare. */
export function infoFor(schema: JsonObject): CrdVersionInfo {
  return {
    group: 'omni.dev',
    version: 'v1alpha1',
    plural: 'things',
    singular: 'thing',
    kind: 'Thing',
    listKind: 'ThingList',
    shortNames: [],
    categories: [],
    namespaced: true,
    served: true,
    storage: true,
    statusSubresource: false,
    printerColumns: [],
    schema,
  };
}
