import type { SchemaTypes } from '../dsl.ts';

// Field names, types and first-sentence descriptions of upstream coordination types (Kubernetes API reference).
export const coordinationTypes: SchemaTypes = {
  Lease: {
    d: 'Lease defines a lease concept.',
    gvk: ['coordination.k8s.io', 'v1', 'Lease'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['LeaseSpec', 'Specification of the desired behavior of the Lease.'],
    },
  },
  LeaseSpec: {
    d: 'LeaseSpec is a specification of a Lease.',
    f: {
      acquireTime: ['MicroTime', 'MicroTime is version of Time with microsecond level precision.'],
      holderIdentity: ['s', 'holderIdentity contains the identity of the holder of a current lease.'],
      leaseDurationSeconds: [
        'i32',
        'leaseDurationSeconds is a duration that candidates for a lease need to wait to force acquire it.',
      ],
      leaseTransitions: ['i32', 'leaseTransitions is the number of transitions of a lease between holders.'],
      preferredHolder: [
        's',
        'PreferredHolder signals to a lease holder that the lease has a more optimal holder and should be given up.',
      ],
      renewTime: ['MicroTime', 'MicroTime is version of Time with microsecond level precision.'],
      strategy: [
        's',
        'Strategy indicates the strategy for picking the leader for coordinated leader election.',
      ],
    },
  },
};
