import type { SchemaTypes } from '../dsl.ts';

// Field names, types and first-sentence descriptions of upstream events types (Kubernetes API reference).
export const eventsTypes: SchemaTypes = {
  Event: {
    d: 'Event is a report of an event somewhere in the cluster.',
    gvk: ['events.k8s.io', 'v1', 'Event'],
    req: ['eventTime'],
    f: {
      action: ['s', 'action is what action was taken/failed regarding to the regarding object.'],
      apiVersion: ['s', 'APIVersion defines the versioned schema of this representation of an object.'],
      deprecatedCount: [
        'i32',
        'deprecatedCount is the deprecated field assuring backward compatibility with core.v1 Event type.',
      ],
      deprecatedFirstTimestamp: [
        'Time',
        'deprecatedFirstTimestamp is the deprecated field assuring backward compatibility with core.v1 Event type.',
      ],
      deprecatedLastTimestamp: [
        'Time',
        'deprecatedLastTimestamp is the deprecated field assuring backward compatibility with core.v1 Event type.',
      ],
      deprecatedSource: ['core.EventSource', ''],
      eventTime: ['MicroTime', 'MicroTime is version of Time with microsecond level precision.'],
      kind: ['s', 'Kind is a string value representing the REST resource this object represents.'],
      metadata: ['meta.ObjectMeta', "Standard object's metadata."],
      note: ['s', 'note is a human-readable description of the status of this operation.'],
      reason: ['s', 'reason is why the action was taken.'],
      regarding: ['core.ObjectReference', ''],
      related: ['core.ObjectReference', ''],
      reportingController: [
        's',
        'reportingController is the name of the controller that emitted this Event, e.g.',
      ],
      reportingInstance: ['s', 'reportingInstance is the ID of the controller instance, e.g.'],
      series: ['EventSeries', ''],
      type: [
        's',
        'type is the type of this event (Normal, Warning), new types could be added in the future.',
      ],
    },
  },
  EventSeries: {
    d: 'EventSeries contain information on series of events, i.e.',
    req: ['count', 'lastObservedTime'],
    f: {
      count: ['i32', 'count is the number of occurrences in this series up to the last heartbeat time.'],
      lastObservedTime: ['MicroTime', 'MicroTime is version of Time with microsecond level precision.'],
    },
  },
};
