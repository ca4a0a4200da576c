import type { SchemaTypes } from '../dsl.ts';

// Field names, types and first-sentence descriptions of upstream policy types (Kubernetes API reference).
export const policyTypes: SchemaTypes = {
  PodDisruptionBudget: {
    d: 'PodDisruptionBudget is an object to define the max disruption that can be caused to a collection of pods',
    gvk: ['policy', 'v1', 'PodDisruptionBudget'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['PodDisruptionBudgetSpec', 'Specification of the desired behavior of the PodDisruptionBudget.'],
      status: ['PodDisruptionBudgetStatus', 'Most recently observed status of the PodDisruptionBudget.'],
    },
  },
  Eviction: {
    d: 'Eviction evicts a pod from its node subject to certain policies and safety constraints.',
    gvk: ['policy', 'v1', 'Eviction'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      deleteOptions: ['meta.DeleteOptions', ''],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
    },
  },
  PodDisruptionBudgetSpec: {
    d: 'PodDisruptionBudgetSpec is a description of a PodDisruptionBudget.',
    f: {
      maxUnavailable: ['IntOrString', 'IntOrString is a type that can hold an int32 or a string.'],
      minAvailable: ['IntOrString', 'IntOrString is a type that can hold an int32 or a string.'],
      selector: ['meta.LabelSelector', ''],
      unhealthyPodEvictionPolicy: [
        's',
        'UnhealthyPodEvictionPolicy defines the criteria for when unhealthy pods should be considered for eviction.',
      ],
    },
  },
  PodDisruptionBudgetStatus: {
    d: 'PodDisruptionBudgetStatus represents information about the status of a PodDisruptionBudget.',
    req: ['currentHealthy', 'desiredHealthy', 'disruptionsAllowed', 'expectedPods'],
    f: {
      conditions: ['[]meta.Condition', 'Conditions contain conditions for PDB.'],
      currentHealthy: ['i32', 'current number of healthy pods'],
      desiredHealthy: ['i32', 'minimum desired number of healthy pods'],
      disruptedPods: [
        '{}Time',
        'DisruptedPods contains information about pods whose eviction was processed by the API server eviction subresource handler but has not yet been observed by the PodDisruptionBudget controller.',
      ],
      disruptionsAllowed: ['i32', 'Number of pod disruptions that are currently allowed.'],
      expectedPods: ['i32', 'total number of pods counted by this disruption budget'],
      observedGeneration: ['i64', 'Most recent generation observed when updating this PDB status.'],
    },
  },
};
