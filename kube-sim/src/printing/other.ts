import {
  age,
  ageCol,
  at,
  col,
  containersAndImages,
  formatSelector,
  humanDuration,
  list,
  name,
  nameCol,
  num,
  rec,
  str,
} from './format.ts';
import type { JsonObject, Printer } from './types.ts';

function hasTrueCondition(obj: JsonObject, type: string): boolean {
  return list(at(obj, 'status', 'conditions')).some((c) => str(c.type) === type && str(c.status) === 'True');
}

const JOB_STATUS_ORDER = ['Complete', 'Failed'];

function jobStatus(job: JsonObject): string {
  for (const t of JOB_STATUS_ORDER) if (hasTrueCondition(job, t)) return t;
  if (at(job, 'metadata', 'deletionTimestamp') !== undefined) return 'Terminating';
  for (const t of ['SuccessCriteriaMet', 'FailureTarget', 'Suspended'])
    if (hasTrueCondition(job, t)) return t;
  return 'Running';
}

function jobCompletions(job: JsonObject): string {
  const succeeded = num(at(job, 'status', 'succeeded'));
  const completions = at(job, 'spec', 'completions');
  if (typeof completions === 'number') return `${succeeded}/${completions}`;
  const parallelism = num(at(job, 'spec', 'parallelism'));
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: JsonObject, now: number): string {
  const start = Date.parse(str(at(job, 'status', 'startTime')));
  if (Number.isNaN(start)) return '';
  const done = Date.parse(str(at(job, 'status', 'completionTime')));
  return humanDuration((Number.isNaN(done) ? now : done) - start);
}

export const jobPrinter: Printer = {
  columns: [
    nameCol(),
    col('Status', 'string', 'Status of the job.'),
    col('Completions', 'string', 'The completion status of the job.'),
    col('Duration', 'string', 'Time required to complete the job.'),
    ageCol(),
    col('Containers', 'string', 'Names of each container in the template.', 1),
    col('Images', 'string', 'Images referenced by each container in the template.', 1),
    col('Selector', 'string', 'A label query over pods that should match the pod count.', 1),
  ],
  cells(job, now) {
    const [containers, images] = containersAndImages(at(job, 'spec', 'template', 'spec'));
    return [
      name(job),
      jobStatus(job),
      jobCompletions(job),
      jobDuration(job, now),
      age(job, now),
      containers,
      images,
      formatSelector(at(job, 'spec', 'selector')),
    ];
  },
};

export const leasePrinter: Printer = {
  columns: [
    nameCol(),
    col('Holder', 'string', 'holderIdentity contains the identity of the holder of a current lease.'),
    ageCol(),
  ],
  cells: (l, now) => [name(l), str(at(l, 'spec', 'holderIdentity')), age(l, now)],
};

function intOrStringCell(v: unknown): string {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v !== '' ? v : 'N/A';
}

export const pdbPrinter: Printer = {
  columns: [
    nameCol(),
    col('Min Available', 'string', 'The minimum number of pods that must be available.'),
    col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    ageCol(),
  ],
  cells: (pdb, now) => [
    name(pdb),
    intOrStringCell(at(pdb, 'spec', 'minAvailable')),
    intOrStringCell(at(pdb, 'spec', 'maxUnavailable')),
    num(at(pdb, 'status', 'disruptionsAllowed')),
    age(pdb, now),
  ],
};

function slicePorts(slice: JsonObject): string {
  const ports = list(slice.ports);
  if (ports.length === 0) return '<unset>';
  return ports.map((p) => (typeof p.port === 'number' ? String(p.port) : '<unset>')).join(',');
}

function sliceEndpoints(slice: JsonObject): string {
  const addrs = list(slice.endpoints).flatMap((e) =>
    Array.isArray(e.addresses) ? e.addresses.map(String) : [],
  );
  if (addrs.length === 0) return '<unset>';
  const shown = addrs.slice(0, 3).join(',');
  return addrs.length > 3 ? `${shown} + ${addrs.length - 3} more...` : shown;
}

export const endpointSlicePrinter: Printer = {
  columns: [
    nameCol(),
    col('AddressType', 'string', 'addressType specifies the type of address carried by this EndpointSlice.'),
    col(
      'Ports',
      'string',
      'ports specifies the list of network ports exposed by each endpoint in this slice.',
    ),
    col('Endpoints', 'string', 'endpoints is a list of unique endpoints in this slice.'),
    ageCol(),
  ],
  cells: (s, now) => [name(s), str(s.addressType), slicePorts(s), sliceEndpoints(s), age(s, now)],
};

const DEFAULT_CLASS_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

export const storageClassPrinter: Printer = {
  columns: [
    nameCol(),
    col('Provisioner', 'string', 'provisioner indicates the type of the provisioner.'),
    col(
      'ReclaimPolicy',
      'string',
      'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.',
    ),
    col(
      'VolumeBindingMode',
      'string',
      'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.',
    ),
    col(
      'AllowVolumeExpansion',
      'string',
      'allowVolumeExpansion shows whether the storage class allow volume expand.',
    ),
    ageCol(),
  ],
  cells(sc, now) {
    const annotations = rec(at(sc, 'metadata', 'annotations'));
    const isDefault = DEFAULT_CLASS_ANNOTATIONS.some((a) => str(annotations[a]) === 'true');
    return [
      isDefault ? `${name(sc)} (default)` : name(sc),
      str(sc.provisioner),
      str(sc.reclaimPolicy) || 'Delete',
      str(sc.volumeBindingMode) || 'Immediate',
      sc.allowVolumeExpansion === true,
      age(sc, now),
    ];
  },
};

function controllerOf(obj: JsonObject): string {
  const owner = list(at(obj, 'metadata', 'ownerReferences')).find((o) => o.controller === true);
  if (owner === undefined) return '<none>';
  const [group] = str(owner.apiVersion).split('/').slice(-2, -1);
  const kind = str(owner.kind).toLowerCase();
  return `${group === undefined ? kind : `${kind}.${group}`}/${str(owner.name)}`;
}

export const controllerRevisionPrinter: Printer = {
  columns: [
    nameCol(),
    col('Controller', 'string', 'Controller of the object'),
    col('Revision', 'integer', 'Revision indicates the revision of the state represented by Data.'),
    ageCol(),
  ],
  cells: (cr, now) => [name(cr), controllerOf(cr), num(cr.revision), age(cr, now)],
};

export const priorityClassPrinter: Printer = {
  columns: [
    nameCol(),
    col('Value', 'integer', 'The integer value of this priority class.'),
    col(
      'Global-Default',
      'boolean',
      'globalDefault specifies whether this PriorityClass should be considered as the default priority.',
    ),
    ageCol(),
    col(
      'PreemptionPolicy',
      'string',
      'PreemptionPolicy is the Policy for preempting pods with lower priority.',
    ),
  ],
  cells: (pc, now) => [
    name(pc),
    num(pc.value),
    pc.globalDefault === true,
    age(pc, now),
    str(pc.preemptionPolicy) || 'PreemptLowerPriority',
  ],
};

function createdAt(obj: JsonObject): string {
  const t = Date.parse(str(at(obj, 'metadata', 'creationTimestamp')));
  return Number.isNaN(t) ? '0001-01-01T00:00:00Z' : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The apiserver's default table convertor (built-ins without a printer, such as CRDs). */
export const createdAtPrinter: Printer = {
  columns: [
    nameCol(),
    col(
      'Created At',
      'date',
      'CreationTimestamp is a timestamp representing the server time when this object was created.',
    ),
  ],
  cells: (obj) => [name(obj), createdAt(obj)],
};

export const defaultPrinter: Printer = {
  columns: [nameCol(), ageCol()],
  cells: (obj, now) => [name(obj), age(obj, now)],
};
