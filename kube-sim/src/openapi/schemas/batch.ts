import type { SchemaTypes } from '../dsl.ts';

// Field names, types and first-sentence descriptions of upstream batch types (Kubernetes API reference).
export const batchTypes: SchemaTypes = {
  Job: {
    d: 'Job represents the configuration of a single job.',
    gvk: ['batch', 'v1', 'Job'],
    f: {
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      spec: ['JobSpec', 'Specification of the desired behavior of the Job.'],
      status: ['JobStatus', 'Most recently observed status of the Job.'],
    },
  },
  JobSpec: {
    d: 'JobSpec describes how the job execution will look like.',
    req: ['template'],
    f: {
      activeDeadlineSeconds: [
        'i64',
        'Specifies the duration in seconds relative to the startTime that the job may be continuously active before the system tries to terminate it; value must be positive integer.',
      ],
      backoffLimit: ['i32', 'Specifies the number of retries before marking this job failed.'],
      backoffLimitPerIndex: [
        'i32',
        'Specifies the limit for the number of retries within an index before marking this index as failed.',
      ],
      completionMode: ['s', 'completionMode specifies how Pod completions are tracked.'],
      completions: [
        'i32',
        'Specifies the desired number of successfully finished pods the job should be run with.',
      ],
      managedBy: ['s', 'ManagedBy field indicates the controller that manages a Job.'],
      manualSelector: ['b', 'manualSelector controls generation of pod labels and pod selectors.'],
      maxFailedIndexes: [
        'i32',
        'Specifies the maximal number of failed indexes before marking the Job as failed, when backoffLimitPerIndex is set.',
      ],
      parallelism: [
        'i32',
        'Specifies the maximum desired number of pods the job should run at any given time.',
      ],
      podFailurePolicy: ['PodFailurePolicy', ''],
      podReplacementPolicy: ['s', 'podReplacementPolicy specifies when to create replacement Pods.'],
      selector: ['meta.LabelSelector', ''],
      successPolicy: ['SuccessPolicy', ''],
      suspend: ['b', 'suspend specifies whether the Job controller should create Pods or not.'],
      template: ['core.PodTemplateSpec', ''],
      ttlSecondsAfterFinished: [
        'i32',
        'ttlSecondsAfterFinished limits the lifetime of a Job that has finished execution (either Complete or Failed).',
      ],
    },
  },
  JobStatus: {
    d: 'JobStatus represents the current state of a Job.',
    f: {
      active: [
        'i32',
        'The number of pending and running pods which are not terminating (without a deletionTimestamp).',
      ],
      completedIndexes: [
        's',
        'completedIndexes holds the completed indexes when .spec.completionMode = "Indexed" in a text format.',
      ],
      completionTime: ['Time', 'Represents time when the job was completed.'],
      conditions: ['[]JobCondition', "The latest available observations of an object's current state."],
      failed: ['i32', 'The number of pods which reached phase Failed.'],
      failedIndexes: ['s', 'FailedIndexes holds the failed indexes when spec.backoffLimitPerIndex is set.'],
      ready: [
        'i32',
        'The number of active pods which have a Ready condition and are not terminating (without a deletionTimestamp).',
      ],
      startTime: ['Time', 'Represents time when the job controller started processing a job.'],
      succeeded: ['i32', 'The number of pods which reached phase Succeeded.'],
      terminating: [
        'i32',
        'The number of pods which are terminating (in phase Pending or Running and have a deletionTimestamp).',
      ],
      uncountedTerminatedPods: ['UncountedTerminatedPods', ''],
    },
  },
  PodFailurePolicy: {
    d: 'PodFailurePolicy describes how failed pods influence the backoffLimit.',
    req: ['rules'],
    f: {
      rules: ['[]PodFailurePolicyRule', 'A list of pod failure policy rules.'],
    },
  },
  SuccessPolicy: {
    d: 'SuccessPolicy describes when a Job can be declared as succeeded based on the success of some indexes.',
    req: ['rules'],
    f: {
      rules: [
        '[]SuccessPolicyRule',
        'rules represents the list of alternative rules for the declaring the Jobs as successful before `.status.succeeded >= .spec.completions`.',
      ],
    },
  },
  JobCondition: {
    d: 'JobCondition describes current state of a job.',
    req: ['status', 'type'],
    f: {
      lastProbeTime: ['Time', 'Last time the condition was checked.'],
      lastTransitionTime: ['Time', 'Last time the condition transit from one status to another.'],
      message: ['s', 'Human readable message indicating details about last transition.'],
      reason: ['s', "(brief) reason for the condition's last transition."],
      status: ['s', 'Status of the condition, one of True, False, Unknown.'],
      type: ['s', 'Type of job condition, Complete or Failed.'],
    },
  },
  UncountedTerminatedPods: {
    d: "UncountedTerminatedPods holds UIDs of Pods that have terminated but haven't been accounted in Job status counters.",
    f: {
      failed: ['[]s', 'failed holds UIDs of failed Pods.'],
      succeeded: ['[]s', 'succeeded holds UIDs of succeeded Pods.'],
    },
  },
  PodFailurePolicyRule: {
    d: 'PodFailurePolicyRule describes how a pod failure is handled when the requirements are met.',
    req: ['action'],
    f: {
      action: ['s', 'Specifies the action taken on a pod failure when the requirements are satisfied.'],
      onExitCodes: ['PodFailurePolicyOnExitCodesRequirement', ''],
      onPodConditions: [
        '[]PodFailurePolicyOnPodConditionsPattern',
        'Represents the requirement on the pod conditions.',
      ],
    },
  },
  SuccessPolicyRule: {
    d: 'SuccessPolicyRule describes rule for declaring a Job as succeeded.',
    f: {
      succeededCount: [
        'i32',
        'succeededCount specifies the minimal required size of the actual set of the succeeded indexes for the Job.',
      ],
      succeededIndexes: [
        's',
        'succeededIndexes specifies the set of indexes which need to be contained in the actual set of the succeeded indexes for the Job.',
      ],
    },
  },
  PodFailurePolicyOnExitCodesRequirement: {
    d: 'PodFailurePolicyOnExitCodesRequirement describes the requirement for handling a failed pod based on its container exit codes.',
    req: ['operator', 'values'],
    f: {
      containerName: ['s', 'Restricts the check for exit codes to the container with the specified name.'],
      operator: [
        's',
        'Represents the relationship between the container exit code(s) and the specified values.',
      ],
      values: ['[]f64', 'Specifies the set of values.'],
    },
  },
  PodFailurePolicyOnPodConditionsPattern: {
    d: 'PodFailurePolicyOnPodConditionsPattern describes a pattern for matching an actual pod condition type.',
    req: ['status', 'type'],
    f: {
      status: ['s', 'Specifies the required Pod condition status.'],
      type: ['s', 'Specifies the required Pod condition type.'],
    },
  },
};
