import type { SchemaTypes } from '../dsl.ts';

// Field names, types and first-sentence descriptions of upstream authorization types (Kubernetes API reference).
export const authorizationTypes: SchemaTypes = {
  SelfSubjectAccessReview: {
    d: 'SelfSubjectAccessReview checks whether or the current user can perform an action.',
    gvk: ['authorization.k8s.io', 'v1', 'SelfSubjectAccessReview'],
    req: ['spec'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: [
        'SelfSubjectAccessReviewSpec',
        'Specification of the desired behavior of the SelfSubjectAccessReview.',
      ],
      status: ['SubjectAccessReviewStatus', 'Most recently observed status of the SelfSubjectAccessReview.'],
    },
  },
  SubjectAccessReview: {
    d: 'SubjectAccessReview checks whether or not a user or group can perform an action.',
    gvk: ['authorization.k8s.io', 'v1', 'SubjectAccessReview'],
    req: ['spec'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['SubjectAccessReviewSpec', 'Specification of the desired behavior of the SubjectAccessReview.'],
      status: ['SubjectAccessReviewStatus', 'Most recently observed status of the SubjectAccessReview.'],
    },
  },
  SelfSubjectAccessReviewSpec: {
    d: 'SelfSubjectAccessReviewSpec is a description of the access request.',
    f: {
      nonResourceAttributes: ['NonResourceAttributes', ''],
      resourceAttributes: ['ResourceAttributes', ''],
    },
  },
  SubjectAccessReviewStatus: {
    d: 'SubjectAccessReviewStatus',
    req: ['allowed'],
    f: {
      allowed: ['b', 'Allowed is required.'],
      denied: ['b', 'Denied is optional.'],
      evaluationError: [
        's',
        'EvaluationError is an indication that some error occurred during the authorization check.',
      ],
      reason: ['s', 'Reason is optional.'],
    },
  },
  SubjectAccessReviewSpec: {
    d: 'SubjectAccessReviewSpec is a description of the access request.',
    f: {
      extra: ['{}[]s', 'Extra corresponds to the user.Info.GetExtra() method from the authenticator.'],
      groups: ['[]s', "Groups is the groups you're testing for."],
      nonResourceAttributes: ['NonResourceAttributes', ''],
      resourceAttributes: ['ResourceAttributes', ''],
      uid: ['s', 'UID information about the requesting user.'],
      user: ['s', "User is the user you're testing for."],
    },
  },
  NonResourceAttributes: {
    d: 'NonResourceAttributes includes the authorization attributes available for non-resource requests to the Authorizer interface',
    f: {
      path: ['s', 'Path is the URL path of the request'],
      verb: ['s', 'Verb is the standard HTTP verb'],
    },
  },
  ResourceAttributes: {
    d: 'ResourceAttributes includes the authorization attributes available for resource requests to the Authorizer interface',
    f: {
      fieldSelector: ['FieldSelectorAttributes', ''],
      group: ['s', 'Group is the API Group of the Resource.'],
      labelSelector: ['LabelSelectorAttributes', ''],
      name: ['s', 'Name is the name of the resource being requested for a "get" or deleted for a "delete".'],
      namespace: ['s', 'Namespace is the namespace of the action being requested.'],
      resource: ['s', 'Resource is one of the existing resource types.'],
      subresource: ['s', 'Subresource is one of the existing resource types.'],
      verb: [
        's',
        'Verb is a kubernetes resource API verb, like: get, list, watch, create, update, delete, proxy.',
      ],
      version: ['s', 'Version is the API Version of the Resource.'],
    },
  },
  FieldSelectorAttributes: {
    d: 'FieldSelectorAttributes indicates a field limited access.',
    f: {
      rawSelector: [
        's',
        'rawSelector is the serialization of a field selector that would be included in a query parameter.',
      ],
      requirements: [
        '[]FieldSelectorRequirement',
        'requirements is the parsed interpretation of a field selector.',
      ],
    },
  },
  LabelSelectorAttributes: {
    d: 'LabelSelectorAttributes indicates a label limited access.',
    f: {
      rawSelector: [
        's',
        'rawSelector is the serialization of a field selector that would be included in a query parameter.',
      ],
      requirements: [
        '[]meta.LabelSelectorRequirement',
        'requirements is the parsed interpretation of a label selector.',
      ],
    },
  },
  FieldSelectorRequirement: {
    d: 'FieldSelectorRequirement is a selector that contains values, a key, and an operator that relates the key and values.',
    req: ['key', 'operator'],
    f: {
      key: ['s', 'key is the field selector key that the requirement applies to.'],
      operator: ['s', "operator represents a key's relationship to a set of values."],
      values: ['[]s', 'values is an array of string values.'],
    },
  },
};
