import type { JsonObject } from '../../util/json.ts';
import { isObject, jsonEqual } from '../../util/json.ts';
import type { StatusCause } from '../../util/errors.ts';
import {
  matchesLabelRequirements,
  requirementsFromSelector,
  type LabelSelectorObject,
} from '../../util/selectors.ts';
import { applyDefaults } from './defaults.ts';
import { defaultPodSpec, validatePodSpec } from './pod.ts';
import type { Strategy } from './types.ts';

function template(obj: JsonObject): JsonObject {
  const spec = (obj.spec as JsonObject | undefined) ?? {};
  obj.spec = spec;
  const tpl = (spec.template as JsonObject | undefined) ?? {};
  spec.template = tpl;
  return tpl;
}

function defaultTemplate(obj: JsonObject): void {
  const tpl = template(obj);
  tpl.metadata ??= {};
  const podSpec = (tpl.spec as JsonObject | undefined) ?? {};
  tpl.spec = podSpec;
  defaultPodSpec(podSpec);
}

function validateSelectorMatchesTemplate(obj: JsonObject): StatusCause[] {
  const spec = (obj.spec as JsonObject | undefined) ?? {};
  const sel = spec.selector as LabelSelectorObject | undefined;
  if (!isObject(sel))
    return [{ field: 'spec.selector', reason: 'FieldValueRequired', message: 'Required value' }];
  const reqs = requirementsFromSelector(sel) ?? [];
  if (reqs.length === 0) {
    return [
      {
        field: 'spec.selector',
        reason: 'FieldValueInvalid',
        message: 'Invalid value: empty selector is invalid for deployment',
      },
    ];
  }
  const labels = ((spec.template as JsonObject | undefined)?.metadata as JsonObject | undefined)?.labels;
  if (!matchesLabelRequirements(reqs, labels as Record<string, string> | undefined)) {
    return [
      {
        field: 'spec.template.metadata.labels',
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(labels ?? {})}: \`selector\` does not match template \`labels\``,
      },
    ];
  }
  return [];
}

function validateWorkload(obj: JsonObject): StatusCause[] {
  const causes = validateSelectorMatchesTemplate(obj);
  const spec = (obj.spec as JsonObject | undefined) ?? {};
  const replicas = spec.replicas;
  if (
    replicas !== undefined &&
    (typeof replicas !== 'number' || replicas < 0 || !Number.isInteger(replicas))
  ) {
    causes.push({
      field: 'spec.replicas',
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`,
    });
  }
  return causes.concat(
    validatePodSpec((spec.template as JsonObject | undefined)?.spec, 'spec.template.spec'),
  );
}

function selectorImmutable(obj: JsonObject, old: JsonObject): StatusCause[] {
  const a = (obj.spec as JsonObject | undefined)?.selector;
  const b = (old.spec as JsonObject | undefined)?.selector;
  if (jsonEqual(a, b)) return [];
  return [
    {
      field: 'spec.selector',
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${JSON.stringify(a)}: field is immutable`,
    },
  ];
}

export const deploymentStrategy: Strategy = {
  prepareForCreate(obj) {
    const spec = (obj.spec as JsonObject | undefined) ?? {};
    obj.spec = spec;
    spec.replicas ??= 1;
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    spec.strategy ??= { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } };
    defaultTemplate(obj);
    obj.status = {};
  },
  prepareForUpdate(obj) {
    defaultTemplate(obj);
  },
  validate: validateWorkload,
  validateUpdate: selectorImmutable,
};

export const replicaSetStrategy: Strategy = {
  prepareForCreate(obj) {
    const spec = (obj.spec as JsonObject | undefined) ?? {};
    obj.spec = spec;
    spec.replicas ??= 1;
    defaultTemplate(obj);
    obj.status = { replicas: 0 };
  },
  prepareForUpdate(obj) {
    defaultTemplate(obj);
  },
  validate: validateWorkload,
  validateUpdate: selectorImmutable,
};

export const daemonSetStrategy: Strategy = {
  prepareForCreate(obj) {
    const spec = (obj.spec as JsonObject | undefined) ?? {};
    obj.spec = spec;
    spec.revisionHistoryLimit ??= 10;
    spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } };
    defaultTemplate(obj);
    obj.status = {
      currentNumberScheduled: 0,
      desiredNumberScheduled: 0,
      numberMisscheduled: 0,
      numberReady: 0,
    };
  },
  prepareForUpdate(obj) {
    defaultTemplate(obj);
  },
  validate: validateWorkload,
  validateUpdate: selectorImmutable,
};

export const statefulSetStrategy: Strategy = {
  prepareForCreate(obj) {
    const spec = (obj.spec as JsonObject | undefined) ?? {};
    obj.spec = spec;
    spec.replicas ??= 1;
    spec.podManagementPolicy ??= 'OrderedReady';
    spec.revisionHistoryLimit ??= 10;
    spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { partition: 0 } };
    defaultTemplate(obj);
    obj.status = { replicas: 0, availableReplicas: 0 };
  },
  prepareForUpdate(obj) {
    defaultTemplate(obj);
  },
  validate: validateWorkload,
  validateUpdate: selectorImmutable,
};

const JOB_SPEC_DEFAULTS: Readonly<JsonObject> = {
  parallelism: 1,
  completions: 1,
  backoffLimit: 6,
  completionMode: 'NonIndexed',
  suspend: false,
};

/** Without spec.manualSelector a job selects its pods by its own uid, and labels its pod template to match. */
function selectPodsByJobUid(obj: JsonObject, spec: JsonObject): void {
  const uid = (obj.metadata as JsonObject).uid as string;
  const name = (obj.metadata as JsonObject).name as string;
  spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  const tpl = template(obj);
  const meta = (tpl.metadata as JsonObject | undefined) ?? {};
  tpl.metadata = meta;
  meta.labels = {
    ...((meta.labels as Record<string, string> | undefined) ?? {}),
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': name,
    'controller-uid': uid,
    'job-name': name,
  };
}

export const jobStrategy: Strategy = {
  prepareForCreate(obj) {
    const spec = (obj.spec as JsonObject | undefined) ?? {};
    obj.spec = spec;
    applyDefaults(spec, JOB_SPEC_DEFAULTS);
    if (spec.manualSelector !== true) selectPodsByJobUid(obj, spec);
    defaultTemplate(obj);
    const podSpec = template(obj).spec as JsonObject;
    if (podSpec.restartPolicy === 'Always') podSpec.restartPolicy = 'Never';
    obj.status = {};
  },
  validate(obj) {
    const spec = (obj.spec as JsonObject | undefined) ?? {};
    const podSpec = (spec.template as JsonObject | undefined)?.spec as JsonObject | undefined;
    const causes = validatePodSpec(podSpec, 'spec.template.spec');
    const rp = podSpec?.restartPolicy;
    if (rp !== 'Never' && rp !== 'OnFailure') {
      causes.push({
        field: 'spec.template.spec.restartPolicy',
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: "${String(rp)}": supported values: "OnFailure", "Never"`,
      });
    }
    return causes;
  },
  validateUpdate(obj, old) {
    const causes = selectorImmutable(obj, old);
    const a = (obj.spec as JsonObject | undefined)?.template;
    const b = (old.spec as JsonObject | undefined)?.template;
    if (!jsonEqual(a, b))
      causes.push({
        field: 'spec.template',
        reason: 'FieldValueInvalid',
        message: 'Invalid value: field is immutable',
      });
    return causes;
  },
};
