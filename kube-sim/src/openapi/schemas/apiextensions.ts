import type { SchemaTypes } from '../dsl.ts';

// Field names, types and first-sentence descriptions of upstream apiextensions types (Kubernetes API reference).
export const apiextensionsTypes: SchemaTypes = {
  CustomResourceDefinition: {
    d: 'CustomResourceDefinition represents a resource that should be exposed on the API server.',
    gvk: ['apiextensions.k8s.io', 'v1', 'CustomResourceDefinition'],
    req: ['spec'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: [
        'CustomResourceDefinitionSpec',
        'Specification of the desired behavior of the CustomResourceDefinition.',
      ],
      status: [
        'CustomResourceDefinitionStatus',
        'Most recently observed status of the CustomResourceDefinition.',
      ],
    },
  },
  CustomResourceDefinitionSpec: {
    d: 'CustomResourceDefinitionSpec describes how a user wants their resource to appear',
    req: ['group', 'names', 'scope', 'versions'],
    f: {
      conversion: ['CustomResourceConversion', ''],
      group: ['s', 'group is the API group of the defined custom resource.'],
      names: ['CustomResourceDefinitionNames', ''],
      preserveUnknownFields: [
        'b',
        'preserveUnknownFields indicates that object fields which are not specified in the OpenAPI schema should be preserved when persisting to storage.',
      ],
      scope: ['s', 'scope indicates whether the defined custom resource is cluster- or namespace-scoped.'],
      versions: [
        '[]CustomResourceDefinitionVersion',
        'versions is the list of all API versions of the defined custom resource.',
      ],
    },
  },
  CustomResourceDefinitionStatus: {
    d: 'CustomResourceDefinitionStatus indicates the state of the CustomResourceDefinition',
    f: {
      acceptedNames: ['CustomResourceDefinitionNames', ''],
      conditions: [
        '[]CustomResourceDefinitionCondition',
        'conditions indicate state for particular aspects of a CustomResourceDefinition',
      ],
      storedVersions: [
        '[]s',
        'storedVersions lists all versions of CustomResources that were ever persisted.',
      ],
    },
  },
  CustomResourceConversion: {
    d: 'CustomResourceConversion describes how to convert different versions of a CR.',
    req: ['strategy'],
    f: {
      strategy: ['s', 'strategy specifies how custom resources are converted between versions.'],
      webhook: ['WebhookConversion', ''],
    },
  },
  CustomResourceDefinitionNames: {
    d: 'CustomResourceDefinitionNames indicates the names to serve this CustomResourceDefinition',
    req: ['kind', 'plural'],
    f: {
      categories: ['[]s', 'categories is a list of grouped resources this custom resource belongs to (e.g.'],
      kind: ['s', 'kind is the serialized kind of the resource.'],
      listKind: ['s', 'listKind is the serialized kind of the list for this resource.'],
      plural: ['s', 'plural is the plural name of the resource to serve.'],
      shortNames: [
        '[]s',
        'shortNames are short names for the resource, exposed in API discovery documents, and used by clients to support invocations like `kubectl get <shortname>`.',
      ],
      singular: ['s', 'singular is the singular name of the resource.'],
    },
  },
  CustomResourceDefinitionVersion: {
    d: 'CustomResourceDefinitionVersion describes a version for CRD.',
    req: ['name', 'served', 'storage'],
    f: {
      additionalPrinterColumns: [
        '[]CustomResourceColumnDefinition',
        'additionalPrinterColumns specifies additional columns returned in Table output.',
      ],
      deprecated: ['b', 'deprecated indicates this version of the custom resource API is deprecated.'],
      deprecationWarning: ['s', 'deprecationWarning overrides the default warning returned to API clients.'],
      name: ['s', 'name is the version name, e.g.'],
      schema: ['CustomResourceValidation', ''],
      selectableFields: [
        '[]SelectableField',
        'selectableFields specifies paths to fields that may be used as field selectors.',
      ],
      served: ['b', 'served is a flag enabling/disabling this version from being served via REST APIs'],
      storage: [
        'b',
        'storage indicates this version should be used when persisting custom resources to storage.',
      ],
      subresources: ['CustomResourceSubresources', ''],
    },
  },
  CustomResourceDefinitionCondition: {
    d: 'CustomResourceDefinitionCondition contains details for the current condition of this pod.',
    req: ['status', 'type'],
    f: {
      lastTransitionTime: [
        'Time',
        'lastTransitionTime last time the condition transitioned from one status to another.',
      ],
      message: ['s', 'message is a human-readable message indicating details about last transition.'],
      reason: ['s', "reason is a unique, one-word, CamelCase reason for the condition's last transition."],
      status: ['s', 'status is the status of the condition.'],
      type: ['s', 'type is the type of the condition.'],
    },
  },
  WebhookConversion: {
    d: 'WebhookConversion describes how to call a conversion webhook',
    req: ['conversionReviewVersions'],
    f: {
      clientConfig: ['WebhookClientConfig', ''],
      conversionReviewVersions: [
        '[]s',
        'conversionReviewVersions is an ordered list of preferred `ConversionReview` versions the Webhook expects.',
      ],
    },
  },
  CustomResourceColumnDefinition: {
    d: 'CustomResourceColumnDefinition specifies a column for server side printing.',
    req: ['jsonPath', 'name', 'type'],
    f: {
      description: ['s', 'description is a human readable description of this column.'],
      format: ['s', 'format is an optional OpenAPI type definition for this column.'],
      jsonPath: ['s', 'jsonPath is a simple JSON path (i.e.'],
      name: ['s', 'name is a human readable name for the column.'],
      priority: [
        'i32',
        'priority is an integer defining the relative importance of this column compared to others.',
      ],
      type: ['s', 'type is an OpenAPI type definition for this column.'],
    },
  },
  CustomResourceValidation: {
    d: 'CustomResourceValidation is a list of validation methods for CustomResources.',
    f: {
      openAPIV3Schema: [
        'JSONSchemaProps',
        'openAPIV3Schema is the OpenAPI v3 schema to use for validation and pruning.',
      ],
    },
  },
  SelectableField: {
    d: 'SelectableField specifies the JSON path of a field that may be used with field selectors.',
    req: ['jsonPath'],
    f: {
      jsonPath: [
        's',
        'jsonPath is a simple JSON path which is evaluated against each custom resource to produce a field selector value.',
      ],
    },
  },
  CustomResourceSubresources: {
    d: 'CustomResourceSubresources defines the status and scale subresources for CustomResources.',
    f: {
      scale: ['CustomResourceSubresourceScale', ''],
      status: ['RawExtension', 'status indicates the custom resource should serve a `/status` subresource.'],
    },
  },
  WebhookClientConfig: {
    d: 'WebhookClientConfig contains the information to make a TLS connection with the webhook.',
    f: {
      caBundle: [
        'bytes',
        "caBundle is a PEM encoded CA bundle which will be used to validate the webhook's server certificate.",
      ],
      service: ['ServiceReference', ''],
      url: ['s', 'url gives the location of the webhook, in standard URL form (`scheme://host:port/path`).'],
    },
  },
  CustomResourceSubresourceScale: {
    d: 'CustomResourceSubresourceScale defines how to serve the scale subresource for CustomResources.',
    req: ['specReplicasPath', 'statusReplicasPath'],
    f: {
      labelSelectorPath: [
        's',
        'labelSelectorPath defines the JSON path inside of a custom resource that corresponds to Scale `status.selector`.',
      ],
      specReplicasPath: [
        's',
        'specReplicasPath defines the JSON path inside of a custom resource that corresponds to Scale `spec.replicas`.',
      ],
      statusReplicasPath: [
        's',
        'statusReplicasPath defines the JSON path inside of a custom resource that corresponds to Scale `status.replicas`.',
      ],
    },
  },
  ServiceReference: {
    d: 'ServiceReference holds a reference to Service.legacy.k8s.io',
    req: ['name', 'namespace'],
    f: {
      name: ['s', 'name is the name of the service.'],
      namespace: ['s', 'namespace is the namespace of the service.'],
      path: ['s', 'path is an optional URL path at which the webhook will be contacted.'],
      port: ['i32', 'port is an optional service port at which the webhook will be contacted.'],
    },
  },
};
