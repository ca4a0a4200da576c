import type { SchemaTypes } from '../dsl.ts';

// Field names, types and first-sentence descriptions of upstream autoscaling types (Kubernetes API reference).
export const autoscalingTypes: SchemaTypes = {
  Scale: {
    d: 'Scale represents a scaling request for a resource.',
    gvk: ['autoscaling', 'v1', 'Scale'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['ScaleSpec', 'Specification of the desired behavior of the Scale.'],
      status: ['ScaleStatus', 'Most recently observed status of the Scale.'],
    },
  },
  ScaleSpec: {
    d: 'ScaleSpec describes the attributes of a scale subresource.',
    f: {
      replicas: ['i32', 'replicas is the desired number of instances for the scaled object.'],
    },
  },
  ScaleStatus: {
    d: 'ScaleStatus represents the current status of a scale subresource.',
    req: ['replicas'],
    f: {
      replicas: ['i32', 'replicas is the actual number of observed instances of the scaled object.'],
      selector: ['s', 'selector is the label query over pods that should match the replicas count.'],
    },
  },
};
