import type { SchemaTypes } from '../dsl.ts';

// Field names, types and first-sentence descriptions of upstream storage types (Kubernetes API reference).
export const storageTypes: SchemaTypes = {
  StorageClass: {
    d: 'StorageClass describes the parameters for a class of storage for which PersistentVolumes can be dynamically provisioned.',
    gvk: ['storage.k8s.io', 'v1', 'StorageClass'],
    req: ['provisioner'],
    f: {
      allowVolumeExpansion: [
        'b',
        'allowVolumeExpansion shows whether the storage class allow volume expand.',
      ],
      allowedTopologies: [
        '[]core.TopologySelectorTerm',
        'allowedTopologies restrict the node topologies where volumes can be dynamically provisioned.',
      ],
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      mountOptions: [
        '[]s',
        'mountOptions controls the mountOptions for dynamically provisioned PersistentVolumes of this storage class.',
      ],
      parameters: [
        '{}s',
        'parameters holds the parameters for the provisioner that should create volumes of this storage class.',
      ],
      provisioner: ['s', 'provisioner indicates the type of the provisioner.'],
      reclaimPolicy: [
        's',
        'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.',
      ],
      volumeBindingMode: [
        's',
        'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.',
      ],
    },
  },
};
