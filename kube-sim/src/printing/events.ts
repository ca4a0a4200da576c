import { at, col, name, num, rec, since, str } from './format.ts';
import type { JsonObject, Printer } from './types.ts';

/** Normalised view over core/v1 and events.k8s.io/v1 Events. */
interface EventView {
  first: unknown;
  last: unknown;
  eventTime: unknown;
  count: number;
  series: JsonObject | undefined;
  regarding: JsonObject;
  message: string;
  source: string;
}

function sourceOf(ev: JsonObject, component: unknown, host: unknown): string {
  let s = str(component);
  if (s === '') s = str(ev.reportingController) || str(ev.reportingComponent);
  const h = str(host) || str(ev.reportingInstance);
  return h === '' ? s : `${s}, ${h}`;
}

function view(ev: JsonObject): EventView {
  const isNew = str(ev.apiVersion) === 'events.k8s.io/v1';
  const series = ev.series === undefined || ev.series === null ? undefined : rec(ev.series);
  if (isNew) {
    return {
      first: ev.deprecatedFirstTimestamp,
      last: ev.deprecatedLastTimestamp,
      eventTime: ev.eventTime,
      count: num(ev.deprecatedCount),
      series,
      regarding: rec(ev.regarding),
      message: str(ev.note),
      source: sourceOf(ev, at(ev, 'deprecatedSource', 'component'), at(ev, 'deprecatedSource', 'host')),
    };
  }
  return {
    first: ev.firstTimestamp,
    last: ev.lastTimestamp,
    eventTime: ev.eventTime,
    count: num(ev.count),
    series,
    regarding: rec(ev.involvedObject),
    message: str(ev.message),
    source: sourceOf(ev, at(ev, 'source', 'component'), at(ev, 'source', 'host')),
  };
}

function present(ts: unknown): boolean {
  return typeof ts === 'string' && ts !== '';
}

export const eventPrinter: Printer = {
  columns: [
    col('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
    col('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
    col(
      'Reason',
      'string',
      "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
    ),
    col('Object', 'string', 'The object that this event is about.'),
    col(
      'Subobject',
      'string',
      'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement.',
      1,
    ),
    col(
      'Source',
      'string',
      'The component reporting this event. Should be a short machine understandable string.',
      1,
    ),
    col('Message', 'string', 'A human-readable description of the status of this operation.'),
    col(
      'First Seen',
      'string',
      'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)',
      1,
    ),
    col('Count', 'string', 'The number of times this event has occurred.', 1),
    {
      name: 'Name',
      type: 'string',
      format: 'name',
      description: 'Name must be unique within a namespace.',
      priority: 1,
    },
  ],
  cells(ev, now) {
    const v = view(ev);
    const first = present(v.first) ? since(v.first, now) : since(v.eventTime, now);
    let last = present(v.last) ? since(v.last, now) : first;
    let count = v.count;
    if (v.series !== undefined) {
      last = since(v.series.lastObservedTime, now);
      count = num(v.series.count);
    } else if (count === 0) count = 1;
    const kind = str(v.regarding.kind).toLowerCase();
    const target = str(v.regarding.name) === '' ? kind : `${kind}/${str(v.regarding.name)}`;
    return [
      last,
      str(ev.type),
      str(ev.reason),
      target,
      str(v.regarding.fieldPath),
      v.source,
      v.message.trim(),
      first,
      count,
      name(ev),
    ];
  },
};
