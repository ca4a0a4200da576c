import type { SchemaTypes } from '../dsl.ts';

// Field names, types and first-sentence descriptions of upstream scheduling types (Kubernetes API reference).
export const schedulingTypes: SchemaTypes = {
  PriorityClass: {
    d: 'PriorityClass defines mapping from a priority class name to the priority integer value.',
    gvk: ['scheduling.k8s.io', 'v1', 'PriorityClass'],
    req: ['value'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      description: [
        's',
        'description is an arbitrary string that usually provides guidelines on when this priority class should be used.',
      ],
      globalDefault: [
        'b',
        'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class.',
      ],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      preemptionPolicy: ['s', 'preemptionPolicy is the Policy for preempting pods with lower priority.'],
      value: ['i32', 'value represents the integer value of this priority class.'],
    },
  },
};
