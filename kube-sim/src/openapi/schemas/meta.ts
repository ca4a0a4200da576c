import type { SchemaTypes } from '../dsl.ts';

// Field names, types and first-sentence descriptions of upstream meta types (Kubernetes API reference).
export const metaTypes: SchemaTypes = {
  ObjectMeta: {
    d: 'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
    f: {
      annotations: [
        '{}s',
        'Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata.',
      ],
      creationTimestamp: [
        'Time',
        'CreationTimestamp is a timestamp representing the server time when this object was created.',
      ],
      deletionGracePeriodSeconds: [
        'i64',
        'Number of seconds allowed for this object to gracefully terminate before it will be removed from the system.',
      ],
      deletionTimestamp: [
        'Time',
        'DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted.',
      ],
      finalizers: ['[]s', 'Must be empty before the object is deleted from the registry.'],
      generateName: [
        's',
        'GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided.',
      ],
      generation: ['i64', 'A sequence number representing a specific generation of the desired state.'],
      labels: [
        '{}s',
        'Map of string keys and values that can be used to organize and categorize (scope and select) objects.',
      ],
      managedFields: [
        '[]ManagedFieldsEntry',
        'ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow.',
      ],
      name: ['s', 'Name must be unique within a namespace.'],
      namespace: ['s', 'Namespace defines the space within which each name must be unique.'],
      ownerReferences: ['[]OwnerReference', 'List of objects depended by this object.'],
      resourceVersion: [
        's',
        'An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed.',
      ],
      selfLink: [
        's',
        'Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.',
      ],
      uid: ['s', 'UID is the unique in time and space value for this object.'],
    },
  },
  ListMeta: {
    d: 'ListMeta describes metadata that synthetic resources must have, including lists and various status objects.',
    f: {
      continue: [
        's',
        'continue may be set if the user set a limit on the number of items returned, and indicates that the server has more data available.',
      ],
      remainingItemCount: [
        'i64',
        'remainingItemCount is the number of subsequent items in the list which are not included in this list response.',
      ],
      resourceVersion: [
        's',
        "String that identifies the server's internal version of this object that can be used by clients to determine when objects have changed.",
      ],
      selfLink: [
        's',
        'Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.',
      ],
    },
  },
  OwnerReference: {
    d: 'OwnerReference contains enough information to let you identify an owning object.',
    req: ['apiVersion', 'kind', 'name', 'uid'],
    f: {
      apiVersion: ['s', 'API version of the referent.'],
      blockOwnerDeletion: [
        'b',
        'If true, AND if the owner has the "foregroundDeletion" finalizer, then the owner cannot be deleted from the key-value store until this reference is removed.',
      ],
      controller: ['b', 'If true, this reference points to the managing controller.'],
      kind: ['s', 'Kind of the referent.'],
      name: ['s', 'Name of the referent.'],
      uid: ['s', 'UID of the referent.'],
    },
  },
  LabelSelector: {
    d: 'A label selector is a label query over a set of resources.',
    f: {
      matchExpressions: [
        '[]LabelSelectorRequirement',
        'matchExpressions is a list of label selector requirements.',
      ],
      matchLabels: ['{}s', 'matchLabels is a map of {key,value} pairs.'],
    },
  },
  LabelSelectorRequirement: {
    d: 'A label selector requirement is a selector that contains values, a key, and an operator that relates the key and values.',
    req: ['key', 'operator'],
    f: {
      key: ['s', 'key is the label key that the selector applies to.'],
      operator: ['s', "operator represents a key's relationship to a set of values."],
      values: ['[]s', 'values is an array of string values.'],
    },
  },
  ManagedFieldsEntry: {
    d: 'ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource that the fieldset applies to.',
    f: {
      apiVersion: ['s', 'APIVersion defines the version of this resource that this field set applies to.'],
      fieldsType: ['s', 'FieldsType is the discriminator for the different fields format and version.'],
      fieldsV1: [
        'FieldsV1',
        'FieldsV1 holds the first JSON version format as described in the "FieldsV1" type.',
      ],
      manager: ['s', 'Manager is an identifier of the workflow managing these fields.'],
      operation: [
        's',
        'Operation is the type of operation which lead to this ManagedFieldsEntry being created.',
      ],
      subresource: [
        's',
        'Subresource is the name of the subresource used to update that object, or empty string if the object was updated through the main resource.',
      ],
      time: ['Time', 'Time is the timestamp of when the ManagedFields entry was added.'],
    },
  },
  Status: {
    d: "Status is a return value for calls that don't return other objects.",
    gvk: ['', 'v1', 'Status'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      code: ['i32', 'Suggested HTTP return code for this status, 0 if not set.'],
      details: ['StatusDetails', ''],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      message: ['s', 'A human-readable description of the status of this operation.'],
      metadata: ['ListMeta', "Standard object's metadata."],
      reason: ['s', 'A machine-readable description of why this operation is in the "Failure" status.'],
      status: ['s', 'Status of the operation.'],
    },
  },
  StatusDetails: {
    d: 'StatusDetails is a set of additional properties that MAY be set by the server to provide additional information about a response.',
    f: {
      causes: [
        '[]StatusCause',
        'The Causes array includes more details associated with the StatusReason failure.',
      ],
      group: ['s', 'The group attribute of the resource associated with the status StatusReason.'],
      kind: ['s', 'The kind attribute of the resource associated with the status StatusReason.'],
      name: [
        's',
        'The name attribute of the resource associated with the status StatusReason (when there is a single name which can be described).',
      ],
      retryAfterSeconds: ['i32', 'If specified, the time in seconds before the operation should be retried.'],
      uid: ['s', 'UID of the resource.'],
    },
  },
  StatusCause: {
    d: 'StatusCause provides more information about an api.Status failure, including cases when multiple errors are encountered.',
    f: {
      field: [
        's',
        'The field of the resource that has caused this error, as named by its JSON serialization.',
      ],
      message: ['s', 'A human-readable description of the cause of the error.'],
      reason: ['s', 'A machine-readable description of the cause of the error.'],
    },
  },
  DeleteOptions: {
    d: 'DeleteOptions may be provided when deleting an API object.',
    gvk: ['', 'v1', 'DeleteOptions'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      dryRun: ['[]s', 'When present, indicates that modifications should not be persisted.'],
      gracePeriodSeconds: ['i64', 'The duration in seconds before the object should be deleted.'],
      ignoreStoreReadErrorWithClusterBreakingPotential: [
        'b',
        'if set to true, it will trigger an unsafe deletion of the resource in case the normal deletion flow fails with a corrupt object error.',
      ],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      orphanDependents: [
        'b',
        'Deprecated: please use the PropagationPolicy, this field will be deprecated in 1.7.',
      ],
      preconditions: ['Preconditions', ''],
      propagationPolicy: ['s', 'Whether and how garbage collection will be performed.'],
    },
  },
  Preconditions: {
    d: 'Preconditions must be fulfilled before an operation (update, delete, etc.) is carried out.',
    f: {
      resourceVersion: ['s', 'Specifies the target ResourceVersion'],
      uid: ['s', 'Specifies the target UID.'],
    },
  },
  Condition: {
    d: 'Condition contains details for one aspect of the current state of this API Resource.',
    req: ['lastTransitionTime', 'message', 'reason', 'status', 'type'],
    f: {
      lastTransitionTime: [
        'Time',
        'lastTransitionTime is the last time the condition transitioned from one status to another.',
      ],
      message: ['s', 'message is a human readable message indicating details about the transition.'],
      observedGeneration: [
        'i64',
        'observedGeneration represents the .metadata.generation that the condition was set based upon.',
      ],
      reason: [
        's',
        "reason contains a programmatic identifier indicating the reason for the condition's last transition.",
      ],
      status: ['s', 'status of the condition, one of True, False, Unknown.'],
      type: ['s', 'type of condition in CamelCase or in foo.example.com/CamelCase.'],
    },
  },
};
