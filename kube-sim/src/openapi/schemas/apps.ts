import type { SchemaTypes } from '../dsl.ts';

// Field names, types and first-sentence descriptions of upstream apps types (Kubernetes API reference).
export const appsTypes: SchemaTypes = {
  Deployment: {
    d: 'Deployment enables declarative updates for Pods and ReplicaSets.',
    gvk: ['apps', 'v1', 'Deployment'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['DeploymentSpec', 'Specification of the desired behavior of the Deployment.'],
      status: ['DeploymentStatus', 'Most recently observed status of the Deployment.'],
    },
  },
  ReplicaSet: {
    d: 'ReplicaSet ensures that a specified number of pod replicas are running at any given time.',
    gvk: ['apps', 'v1', 'ReplicaSet'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['ReplicaSetSpec', 'Specification of the desired behavior of the ReplicaSet.'],
      status: ['ReplicaSetStatus', 'Most recently observed status of the ReplicaSet.'],
    },
  },
  DaemonSet: {
    d: 'DaemonSet represents the configuration of a daemon set.',
    gvk: ['apps', 'v1', 'DaemonSet'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['DaemonSetSpec', 'Specification of the desired behavior of the DaemonSet.'],
      status: ['DaemonSetStatus', 'Most recently observed status of the DaemonSet.'],
    },
  },
  StatefulSet: {
    d: 'StatefulSet represents a set of pods with consistent identities.',
    gvk: ['apps', 'v1', 'StatefulSet'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['StatefulSetSpec', 'Specification of the desired behavior of the StatefulSet.'],
      status: ['StatefulSetStatus', 'Most recently observed status of the StatefulSet.'],
    },
  },
  ControllerRevision: {
    d: 'ControllerRevision implements an immutable snapshot of state data.',
    gvk: ['apps', 'v1', 'ControllerRevision'],
    req: ['revision'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      data: ['RawExtension', 'Data is the serialized representation of the state.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      revision: ['i64', 'Revision indicates the revision of the state represented by Data.'],
    },
  },
  DeploymentSpec: {
    d: 'DeploymentSpec is the specification of the desired behavior of the Deployment.',
    req: ['selector', 'template'],
    f: {
      minReadySeconds: [
        'i32',
        'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available.',
      ],
      paused: ['b', 'Indicates that the deployment is paused.'],
      progressDeadlineSeconds: [
        'i32',
        'The maximum time in seconds for a deployment to make progress before it is considered to be failed.',
      ],
      replicas: ['i32', 'Number of desired pods.'],
      revisionHistoryLimit: ['i32', 'The number of old ReplicaSets to retain to allow rollback.'],
      selector: ['meta.LabelSelector', ''],
      strategy: ['DeploymentStrategy', ''],
      template: ['core.PodTemplateSpec', ''],
    },
  },
  DeploymentStatus: {
    d: 'DeploymentStatus is the most recently observed status of the Deployment.',
    f: {
      availableReplicas: [
        'i32',
        'Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.',
      ],
      collisionCount: ['i32', 'Count of hash collisions for the Deployment.'],
      conditions: [
        '[]DeploymentCondition',
        "Represents the latest available observations of a deployment's current state.",
      ],
      observedGeneration: ['i64', 'The generation observed by the deployment controller.'],
      readyReplicas: [
        'i32',
        'Total number of non-terminating pods targeted by this Deployment with a Ready Condition.',
      ],
      replicas: [
        'i32',
        'Total number of non-terminating pods targeted by this deployment (their labels match the selector).',
      ],
      terminatingReplicas: ['i32', 'Total number of terminating pods targeted by this deployment.'],
      unavailableReplicas: ['i32', 'Total number of unavailable pods targeted by this deployment.'],
      updatedReplicas: [
        'i32',
        'Total number of non-terminating pods targeted by this deployment that have the desired template spec.',
      ],
    },
  },
  ReplicaSetSpec: {
    d: 'ReplicaSetSpec is the specification of a ReplicaSet.',
    req: ['selector'],
    f: {
      minReadySeconds: [
        'i32',
        'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available.',
      ],
      replicas: ['i32', 'Replicas is the number of desired pods.'],
      selector: ['meta.LabelSelector', ''],
      template: ['core.PodTemplateSpec', ''],
    },
  },
  ReplicaSetStatus: {
    d: 'ReplicaSetStatus represents the current status of a ReplicaSet.',
    req: ['replicas'],
    f: {
      availableReplicas: [
        'i32',
        'The number of available non-terminating pods (ready for at least minReadySeconds) for this replica set.',
      ],
      conditions: [
        '[]ReplicaSetCondition',
        "Represents the latest available observations of a replica set's current state.",
      ],
      fullyLabeledReplicas: [
        'i32',
        'The number of non-terminating pods that have labels matching the labels of the pod template of the replicaset.',
      ],
      observedGeneration: [
        'i64',
        'ObservedGeneration reflects the generation of the most recently observed ReplicaSet.',
      ],
      readyReplicas: [
        'i32',
        'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.',
      ],
      replicas: ['i32', 'Replicas is the most recently observed number of non-terminating pods.'],
      terminatingReplicas: ['i32', 'The number of terminating pods for this replica set.'],
    },
  },
  DaemonSetSpec: {
    d: 'DaemonSetSpec is the specification of a daemon set.',
    req: ['selector', 'template'],
    f: {
      minReadySeconds: [
        'i32',
        'The minimum number of seconds for which a newly created DaemonSet pod should be ready without any of its container crashing, for it to be considered available.',
      ],
      revisionHistoryLimit: ['i32', 'The number of old history to retain to allow rollback.'],
      selector: ['meta.LabelSelector', ''],
      template: ['core.PodTemplateSpec', ''],
      updateStrategy: ['DaemonSetUpdateStrategy', ''],
    },
  },
  DaemonSetStatus: {
    d: 'DaemonSetStatus represents the current status of a daemon set.',
    req: ['currentNumberScheduled', 'desiredNumberScheduled', 'numberMisscheduled', 'numberReady'],
    f: {
      collisionCount: ['i32', 'Count of hash collisions for the DaemonSet.'],
      conditions: [
        '[]DaemonSetCondition',
        "Represents the latest available observations of a DaemonSet's current state.",
      ],
      currentNumberScheduled: [
        'i32',
        'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.',
      ],
      desiredNumberScheduled: [
        'i32',
        'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod).',
      ],
      numberAvailable: [
        'i32',
        'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)',
      ],
      numberMisscheduled: [
        'i32',
        'The number of nodes that are running the daemon pod, but are not supposed to run the daemon pod.',
      ],
      numberReady: [
        'i32',
        'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.',
      ],
      numberUnavailable: [
        'i32',
        'The number of nodes that should be running the daemon pod and have none of the daemon pod running and available (ready for at least spec.minReadySeconds)',
      ],
      observedGeneration: ['i64', 'The most recent generation observed by the daemon set controller.'],
      updatedNumberScheduled: ['i32', 'The total number of nodes that are running updated daemon pod'],
    },
  },
  StatefulSetSpec: {
    d: 'A StatefulSetSpec is the specification of a StatefulSet.',
    req: ['selector', 'template'],
    f: {
      minReadySeconds: [
        'i32',
        'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing for it to be considered available.',
      ],
      ordinals: ['StatefulSetOrdinals', ''],
      persistentVolumeClaimRetentionPolicy: ['StatefulSetPersistentVolumeClaimRetentionPolicy', ''],
      podManagementPolicy: [
        's',
        'podManagementPolicy controls how pods are created during initial scale up, when replacing pods on nodes, or when scaling down.',
      ],
      replicas: ['i32', 'replicas is the desired number of replicas of the given Template.'],
      revisionHistoryLimit: [
        'i32',
        "revisionHistoryLimit is the maximum number of revisions that will be maintained in the StatefulSet's revision history.",
      ],
      selector: ['meta.LabelSelector', ''],
      serviceName: ['s', 'serviceName is the name of the service that governs this StatefulSet.'],
      template: ['core.PodTemplateSpec', ''],
      updateStrategy: ['StatefulSetUpdateStrategy', ''],
      volumeClaimTemplates: [
        '[]core.PersistentVolumeClaim',
        'volumeClaimTemplates is a list of claims that pods are allowed to reference.',
      ],
    },
  },
  StatefulSetStatus: {
    d: 'StatefulSetStatus represents the current state of a StatefulSet.',
    req: ['replicas'],
    f: {
      availableReplicas: [
        'i32',
        'Total number of available pods (ready for at least minReadySeconds) targeted by this statefulset.',
      ],
      collisionCount: ['i32', 'collisionCount is the count of hash collisions for the StatefulSet.'],
      conditions: [
        '[]StatefulSetCondition',
        "Represents the latest available observations of a statefulset's current state.",
      ],
      currentReplicas: [
        'i32',
        'currentReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by currentRevision.',
      ],
      currentRevision: [
        's',
        'currentRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [0,currentReplicas).',
      ],
      observedGeneration: [
        'i64',
        'observedGeneration is the most recent generation observed for this StatefulSet.',
      ],
      readyReplicas: [
        'i32',
        'readyReplicas is the number of pods created for this StatefulSet with a Ready Condition.',
      ],
      replicas: ['i32', 'replicas is the number of Pods created by the StatefulSet controller.'],
      updateRevision: [
        's',
        'updateRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [replicas-updatedReplicas,replicas)',
      ],
      updatedReplicas: [
        'i32',
        'updatedReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by updateRevision.',
      ],
    },
  },
  DeploymentStrategy: {
    d: 'DeploymentStrategy describes how to replace existing pods with new ones.',
    f: {
      rollingUpdate: ['RollingUpdateDeployment', ''],
      type: ['s', 'Type of deployment.'],
    },
  },
  DeploymentCondition: {
    d: 'DeploymentCondition describes the state of a deployment at a certain point.',
    req: ['status', 'type'],
    f: {
      lastTransitionTime: ['Time', 'Last time the condition transitioned from one status to another.'],
      lastUpdateTime: ['Time', 'The last time this condition was updated.'],
      message: ['s', 'A human readable message indicating details about the transition.'],
      reason: ['s', "The reason for the condition's last transition."],
      status: ['s', 'Status of the condition, one of True, False, Unknown.'],
      type: ['s', 'Type of deployment condition.'],
    },
  },
  ReplicaSetCondition: {
    d: 'ReplicaSetCondition describes the state of a replica set at a certain point.',
    req: ['status', 'type'],
    f: {
      lastTransitionTime: ['Time', 'The last time the condition transitioned from one status to another.'],
      message: ['s', 'A human readable message indicating details about the transition.'],
      reason: ['s', "The reason for the condition's last transition."],
      status: ['s', 'Status of the condition, one of True, False, Unknown.'],
      type: ['s', 'Type of replica set condition.'],
    },
  },
  DaemonSetUpdateStrategy: {
    d: 'DaemonSetUpdateStrategy is a struct used to control the update strategy for a DaemonSet.',
    f: {
      rollingUpdate: ['RollingUpdateDaemonSet', ''],
      type: ['s', 'Type of daemon set update.'],
    },
  },
  DaemonSetCondition: {
    d: 'DaemonSetCondition describes the state of a DaemonSet at a certain point.',
    req: ['status', 'type'],
    f: {
      lastTransitionTime: ['Time', 'Last time the condition transitioned from one status to another.'],
      message: ['s', 'A human readable message indicating details about the transition.'],
      reason: ['s', "The reason for the condition's last transition."],
      status: ['s', 'Status of the condition, one of True, False, Unknown.'],
      type: ['s', 'Type of DaemonSet condition.'],
    },
  },
  StatefulSetOrdinals: {
    d: 'StatefulSetOrdinals describes the policy used for replica ordinal assignment in this StatefulSet.',
    f: {
      start: ['i32', "start is the number representing the first replica's index."],
    },
  },
  StatefulSetPersistentVolumeClaimRetentionPolicy: {
    d: 'StatefulSetPersistentVolumeClaimRetentionPolicy describes the policy used for PVCs created from the StatefulSet VolumeClaimTemplates.',
    f: {
      whenDeleted: [
        's',
        'WhenDeleted specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is deleted.',
      ],
      whenScaled: [
        's',
        'WhenScaled specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is scaled down.',
      ],
    },
  },
  StatefulSetUpdateStrategy: {
    d: 'StatefulSetUpdateStrategy indicates the strategy that the StatefulSet controller will use to perform updates.',
    f: {
      rollingUpdate: ['RollingUpdateStatefulSetStrategy', ''],
      type: ['s', 'Type indicates the type of the StatefulSetUpdateStrategy.'],
    },
  },
  StatefulSetCondition: {
    d: 'StatefulSetCondition describes the state of a statefulset at a certain point.',
    req: ['status', 'type'],
    f: {
      lastTransitionTime: ['Time', 'Last time the condition transitioned from one status to another.'],
      message: ['s', 'A human readable message indicating details about the transition.'],
      reason: ['s', "The reason for the condition's last transition."],
      status: ['s', 'Status of the condition, one of True, False, Unknown.'],
      type: ['s', 'Type of statefulset condition.'],
    },
  },
  RollingUpdateDeployment: {
    d: 'Spec to control the desired behavior of rolling update.',
    f: {
      maxSurge: ['IntOrString', 'IntOrString is a type that can hold an int32 or a string.'],
      maxUnavailable: ['IntOrString', 'IntOrString is a type that can hold an int32 or a string.'],
    },
  },
  RollingUpdateDaemonSet: {
    d: 'Spec to control the desired behavior of daemon set rolling update.',
    f: {
      maxSurge: ['IntOrString', 'IntOrString is a type that can hold an int32 or a string.'],
      maxUnavailable: ['IntOrString', 'IntOrString is a type that can hold an int32 or a string.'],
    },
  },
  RollingUpdateStatefulSetStrategy: {
    d: 'RollingUpdateStatefulSetStrategy is used to communicate parameter for RollingUpdateStatefulSetStrategyType.',
    f: {
      maxUnavailable: ['IntOrString', 'IntOrString is a type that can hold an int32 or a string.'],
      partition: [
        'i32',
        'Partition indicates the ordinal at which the StatefulSet should be partitioned for updates.',
      ],
    },
  },
};
