import {
  age,
  ageCol,
  at,
  col,
  containersAndImages,
  formatLabels,
  formatSelector,
  name,
  nameCol,
  num,
  rec,
} from './format.ts';
import type { JsonObject, Printer, TableColumn } from './types.ts';

const wideColumns = (withSelector: boolean): TableColumn[] => [
  col('Containers', 'string', 'Names of each container in the template.', 1),
  col('Images', 'string', 'Images referenced by each container in the template.', 1),
  ...(withSelector ? [col('Selector', 'string', 'Label selector for pods.', 1)] : []),
];

function wideCells(obj: JsonObject, withSelector: boolean): unknown[] {
  const [containers, images] = containersAndImages(at(obj, 'spec', 'template', 'spec'));
  return withSelector
    ? [containers, images, formatSelector(at(obj, 'spec', 'selector'))]
    : [containers, images];
}

/** spec.replicas defaults to 1 for Deployments, ReplicaSets and StatefulSets. */
function desired(obj: JsonObject): number {
  const r = at(obj, 'spec', 'replicas');
  return typeof r === 'number' ? r : 1;
}

export const deploymentPrinter: Printer = {
  columns: [
    nameCol(),
    col('Ready', 'string', 'Number of the pod with ready state'),
    col(
      'Up-to-date',
      'string',
      'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
    ),
    col(
      'Available',
      'string',
      'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
    ),
    ageCol(),
    ...wideColumns(true),
  ],
  cells(d, now) {
    const s = rec(d.status);
    return [
      name(d),
      `${num(s.readyReplicas)}/${desired(d)}`,
      num(s.updatedReplicas),
      num(s.availableReplicas),
      age(d, now),
      ...wideCells(d, true),
    ];
  },
};

export const replicaSetPrinter: Printer = {
  columns: [
    nameCol(),
    col('Desired', 'integer', 'Replicas is the number of desired pods.'),
    col('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
    col(
      'Ready',
      'integer',
      'readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition.',
    ),
    ageCol(),
    ...wideColumns(true),
  ],
  cells(rs, now) {
    const s = rec(rs.status);
    return [
      name(rs),
      desired(rs),
      num(s.replicas),
      num(s.readyReplicas),
      age(rs, now),
      ...wideCells(rs, true),
    ];
  },
};

export const daemonSetPrinter: Printer = {
  columns: [
    nameCol(),
    col('Desired', 'integer', 'The total number of nodes that should be running the daemon pod.'),
    col(
      'Current',
      'integer',
      'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.',
    ),
    col(
      'Ready',
      'integer',
      'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.',
    ),
    col('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
    col(
      'Available',
      'integer',
      'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.',
    ),
    col(
      'Node Selector',
      'string',
      'NodeSelector is a selector which must be true for the pod to fit on a node.',
    ),
    ageCol(),
    ...wideColumns(true),
  ],
  cells(ds, now) {
    const s = rec(ds.status);
    return [
      name(ds),
      num(s.desiredNumberScheduled),
      num(s.currentNumberScheduled),
      num(s.numberReady),
      num(s.updatedNumberScheduled),
      num(s.numberAvailable),
      formatLabels(at(ds, 'spec', 'template', 'spec', 'nodeSelector')),
      age(ds, now),
      ...wideCells(ds, true),
    ];
  },
};

export const statefulSetPrinter: Printer = {
  columns: [
    nameCol(),
    col('Ready', 'string', 'Number of the pod with ready state'),
    ageCol(),
    ...wideColumns(false),
  ],
  cells: (ss, now) => [
    name(ss),
    `${num(at(ss, 'status', 'readyReplicas'))}/${desired(ss)}`,
    age(ss, now),
    ...wideCells(ss, false),
  ],
};
